using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Http;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Messaging;
using Zgw.ServiceDefaults;
using Zgw.Testing;

namespace Autorisaties.Tests;

/// <summary>
/// Another process (any service, the gateway) verifies tokens with material from this service's internal
/// endpoint, cached for 10 minutes here, so only the bus event can make a change take effect. Issue 3: an
/// applicatie change or a revoked secret takes effect within 5 seconds.
/// </summary>
public sealed class PropagationTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AutorisatiesApp _autorisaties = new() { KestrelPort = TestInfrastructure.FreePort() };
    private TestApp _consumer = null!;
    private WebApplicationFactory<GatewayMarker> _gateway = null!;

    public async Task InitializeAsync()
    {
        await _autorisaties.InitializeAsync();
        _consumer = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = TestInfrastructure.RabbitMq,
            ["Messaging:RelayEnabled"] = "false",
            ["Zgw:Services:autorisaties:InternalUrl"] = _autorisaties.Url,
            ["Zgw:ServiceIdentity:ClientId"] = AutorisatiesApp.ServiceClient,
            ["Zgw:ServiceIdentity:Secret"] = AutorisatiesApp.Secret,
            ["Zgw:Autorisaties:CacheDuration"] = "00:10:00",
        }, b =>
        {
            b.AddZgwServiceDefaults("consumer");
            b.AddZgwApi();
            b.AddZgwMessaging();
        }, a =>
        {
            a.UseZgwApi();
            a.MapZgwApi("/zaken/api/v1").MapGet("/probe", () => Results.Ok(new { ok = true })).RequireScopes(ZgwScopes.Zrc, "zaken.lezen");
        });
        await TestBus.WaitUntilHealthyAsync(_consumer.Services);
        _gateway = new WebApplicationFactory<GatewayMarker>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:RabbitMq", TestInfrastructure.RabbitMq);
            b.UseSetting("Zgw:PublicBaseUrl", AutorisatiesApp.PublicBase);
            b.UseSetting("Zgw:Services:autorisaties:InternalUrl", _autorisaties.Url);
            b.UseSetting("Zgw:ServiceIdentity:ClientId", AutorisatiesApp.ServiceClient);
            b.UseSetting("Zgw:ServiceIdentity:Secret", AutorisatiesApp.Secret);
            b.UseSetting("Zgw:Autorisaties:CacheDuration", "00:10:00");
        });
        _gateway.CreateClient().Dispose();
        await TestBus.WaitUntilHealthyAsync(_gateway.Services);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _consumer.DisposeAsync();
        await _autorisaties.DisposeAsync();
    }

    private Task<HttpResponseMessage> Probe(string clientId, string secret) =>
        _consumer.CreateClient().WithToken(clientId, secret).GetAsync("/zaken/api/v1/probe");

    /// <summary>Through the gateway to the real Autorisaties service: both check the token.</summary>
    private Task<HttpResponseMessage> ThroughGateway(string clientId, string secret) =>
        _gateway.CreateClient().WithToken(clientId, secret).GetAsync("/autorisaties/api/v1/applicaties");

    private static async Task<TimeSpan> TimeUntil(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "the change did not take effect within 5 seconds");
            await Task.Delay(50);
        }
        return watch.Elapsed;
    }

    [Fact]
    public async Task ApplicatieChangeAndRevocation_TakeEffectElsewhereWithinFiveSeconds()
    {
        var clientId = AutorisatiesApp.NewClientId();
        await _autorisaties.Admin().PutAsJsonAsync($"/autorisaties/admin/v1/credentials/{clientId}", new
        {
            secret = "propagatie",
            autorisaties = new[] { AutorisatiesApp.Zrc() },
        });
        Assert.Equal(HttpStatusCode.OK, (await Probe(clientId, "propagatie")).StatusCode);

        // The applicatie loses its zaken scope through the standard API.
        var applicatie = AutorisatiesApp.Json(await _autorisaties.Client().GetStringAsync($"/autorisaties/api/v1/applicaties/consumer?clientId={clientId}"));
        var path = new Uri(applicatie.GetProperty("url").GetString()!).AbsolutePath;
        var patch = await _autorisaties.Client().PatchAsJsonAsync(path, new { autorisaties = new[] { new { component = "ztc", scopes = new[] { "catalogi.lezen" } } } });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var scopeRemoved = await TimeUntil(async () => (await Probe(clientId, "propagatie")).StatusCode == HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Probe(clientId, "propagatie"), HttpStatusCode.Forbidden, "permission_denied");

        // The scope comes back, then the secret is revoked.
        await _autorisaties.Client().PatchAsJsonAsync(path, new { autorisaties = new[] { AutorisatiesApp.Zrc() } });
        var scopeRestored = await TimeUntil(async () => (await Probe(clientId, "propagatie")).StatusCode == HttpStatusCode.OK);
        await _autorisaties.Admin().DeleteAsync($"/autorisaties/admin/v1/credentials/{clientId}");
        var revoked = await TimeUntil(async () => (await Probe(clientId, "propagatie")).StatusCode == HttpStatusCode.Forbidden);
        Assert.True(scopeRemoved + scopeRestored + revoked < TimeSpan.FromSeconds(15));
        output.WriteLine($"took effect after: scope removed {scopeRemoved.TotalMilliseconds:F0} ms, restored {scopeRestored.TotalMilliseconds:F0} ms, secret revoked {revoked.TotalMilliseconds:F0} ms");
        await ProblemAssert.IsProblemAsync(await Probe(clientId, "propagatie"), HttpStatusCode.Forbidden, "not_authenticated");
    }

    [Fact]
    public async Task ApplicatieChangeAndRevocation_TakeEffectAtTheGatewayWithinFiveSeconds()
    {
        var clientId = AutorisatiesApp.NewClientId();
        await _autorisaties.Admin().PutAsJsonAsync($"/autorisaties/admin/v1/credentials/{clientId}", new
        {
            secret = "via-gateway",
            autorisaties = new[] { new { component = "ac", scopes = new[] { "autorisaties.lezen" } } },
        });
        Assert.Equal(HttpStatusCode.OK, (await ThroughGateway(clientId, "via-gateway")).StatusCode);

        var applicatie = AutorisatiesApp.Json(await _autorisaties.Client().GetStringAsync($"/autorisaties/api/v1/applicaties/consumer?clientId={clientId}"));
        var path = new Uri(applicatie.GetProperty("url").GetString()!).AbsolutePath;
        await _autorisaties.Client().PatchAsJsonAsync(path, new { autorisaties = new[] { new { component = "ztc", scopes = new[] { "catalogi.lezen" } } } });
        var scopeRemoved = await TimeUntil(async () => (await ThroughGateway(clientId, "via-gateway")).StatusCode == HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await ThroughGateway(clientId, "via-gateway"), HttpStatusCode.Forbidden, "permission_denied");

        await _autorisaties.Admin().DeleteAsync($"/autorisaties/admin/v1/credentials/{clientId}");
        var revoked = await TimeUntil(async () =>
            (await ThroughGateway(clientId, "via-gateway")) is { StatusCode: HttpStatusCode.Forbidden } r &&
            (await r.Content.ReadAsStringAsync()).Contains("not_authenticated"));
        output.WriteLine($"gateway: scope removed after {scopeRemoved.TotalMilliseconds:F0} ms, secret revoked after {revoked.TotalMilliseconds:F0} ms");
    }
}
