using System.Net;
using Zgw.Testing;

namespace Gateway.Tests;

/// <summary>
/// <c>/autorisaties/admin/**</c> reaches the Autorisaties service only with <c>Gateway:ExposeAdminApi=true</c>, without a
/// ZGW token check (the service checks <c>X-Admin-Key</c>); internal endpoints are never routed.
/// </summary>
public sealed class AdminApiTests
{
    private const string AdminPath = "/autorisaties/admin/v1/clients";

    [Fact]
    public async Task AdminApi_Is404ByDefault()
    {
        await using var host = new GatewayHost([]);
        var probe = await host.SendAsync(host.Anonymous(), "GET", AdminPath, configure: r => r.Headers.Add("X-Admin-Key", "sleutel"));
        Assert.False(probe.Forwarded);
        await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AdminApi_WhenExposed_IsForwardedWithItsKey_WithoutAZgwToken()
    {
        await using var host = new GatewayHost([], new Dictionary<string, string> { ["Gateway:ExposeAdminApi"] = "true" });
        foreach (var method in new[] { "GET", "POST", "PUT", "DELETE" })
        {
            var probe = await host.SendAsync(host.Anonymous(), method, AdminPath, configure: r => r.Headers.Add("X-Admin-Key", "sleutel"));
            Assert.True(probe.Forwarded, $"{method}: {(int)probe.Response.StatusCode}");
            Assert.True(await host.BackendSawAsync(probe.Id));
            var entry = host.Backend.LogEntries.Single(e => e.RequestMessage.Headers![GatewayHost.ProbeHeader].Contains(probe.Id));
            Assert.Equal(AdminPath, entry.RequestMessage.Path);
            Assert.Equal("sleutel", entry.RequestMessage.Headers!["X-Admin-Key"].Single());
        }

        foreach (var path in new[] { "/autorisaties/internal/v1/clients/app", "/zaken/admin/v1/x", "/zaken/internal/x" })
            await ProblemAssert.IsProblemAsync((await host.SendAsync(host.Anonymous(), "GET", path)).Response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AdminApi_BodyLimit_StillApplies()
    {
        await using var host = new GatewayHost([], new Dictionary<string, string>
        {
            ["Gateway:ExposeAdminApi"] = "true",
            ["Gateway:MaxRequestBodyBytes"] = "10",
        });
        var probe = await host.SendAsync(host.Anonymous(), "POST", AdminPath, new StringContent("{\"a\":\"0123456789\"}"));
        await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }
}
