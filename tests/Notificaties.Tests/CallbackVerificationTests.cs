using System.Net;
using System.Net.Http.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Zgw.Testing;

namespace Notificaties.Tests;

/// <summary>N3: a new abonnement's callback is tried with a test notification, with and without its auth header.</summary>
public sealed class CallbackVerificationTests : NotificatiesApp
{
    protected override IDictionary<string, string> Extra => new Dictionary<string, string> { ["Notificaties:VerifyCallback"] = "true" };

    private Task<HttpResponseMessage> Subscribe(WireMockServer callback) =>
        Client(Consumer).PostAsJsonAsync("/notificaties/api/v1/abonnement", new
        {
            callbackUrl = callback.Url + "/callback", auth = "Bearer juist", kanalen = new[] { new { naam = "zaken" } },
        });

    private static WireMockServer Callback(int withAuth, int withoutAuth)
    {
        var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/callback").UsingPost().WithHeader("Authorization", "Bearer juist"))
            .AtPriority(1).RespondWith(Response.Create().WithStatusCode(withAuth));
        server.Given(Request.Create().WithPath("/callback").UsingPost()).AtPriority(2).RespondWith(Response.Create().WithStatusCode(withoutAuth));
        return server;
    }

    [Fact]
    public async Task N3_CallbackThatChecksAuth_IsAccepted()
    {
        using var callback = Callback(204, 403);
        Assert.Equal(HttpStatusCode.Created, (await Subscribe(callback)).StatusCode);
        Assert.Contains(callback.LogEntries, e => e.RequestMessage.Body!.Contains("\"kanaal\":\"test\""));
    }

    [Fact]
    public async Task N3_CallbackThatFails_IsInvalidCallbackUrl()
    {
        using var callback = Callback(500, 403);
        await ProblemAssert.IsProblemAsync(await Subscribe(callback), HttpStatusCode.BadRequest, "invalid", "callbackUrl", "invalid-callback-url");
    }

    [Fact]
    public async Task N3_CallbackWithoutAuthCheck_IsNoAuthOnCallbackUrl()
    {
        using var callback = Callback(204, 204);
        await ProblemAssert.IsProblemAsync(await Subscribe(callback), HttpStatusCode.BadRequest, "invalid", "callbackUrl", "no-auth-on-callback-url");
    }

    [Fact]
    public async Task N3_UnreachableCallback_IsInvalidCallbackUrl()
    {
        var port = TestInfrastructure.FreePort();
        var response = await Client(Consumer).PostAsJsonAsync("/notificaties/api/v1/abonnement", new
        {
            callbackUrl = $"http://127.0.0.1:{port}/callback", auth = "Bearer juist", kanalen = new[] { new { naam = "zaken" } },
        });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "callbackUrl", "invalid-callback-url");
    }
}
