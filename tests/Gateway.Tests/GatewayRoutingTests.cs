using System.Net;
using System.Text.Json;
using Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Zgw.Testing;

namespace Gateway.Tests;

/// <summary>
/// The gateway routes <c>/{component}/api/**</c> to each component's internal address and reports the
/// readiness of every backend. WireMock stands in for the services.
/// </summary>
public sealed class GatewayRoutingTests : IAsyncLifetime
{
    private readonly WireMockServer _zaken = WireMockServer.Start();
    private readonly WireMockServer _catalogi = WireMockServer.Start();
    private WebApplicationFactory<GatewayMarker> _gateway = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        foreach (var backend in new[] { _zaken, _catalogi })
            backend.Given(Request.Create().WithPath("/health/ready").UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { status = "Healthy" }));
        _zaken.Given(Request.Create().WithPath("/zaken/api/v1/zaken").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("API-version", "1.5.1")
                .WithBodyAsJson(new { count = 0, next = (string?)null, previous = (string?)null, results = Array.Empty<object>() }));
        _gateway = new WebApplicationFactory<GatewayMarker>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Zgw:PublicBaseUrl", "https://zgw.example.nl");
            b.UseSetting("Zgw:Services:zaken:InternalUrl", _zaken.Url);
            b.UseSetting("Zgw:Services:catalogi:InternalUrl", _catalogi.Url);
            b.UseSetting("Zgw:Services:documenten:InternalUrl", "");
            b.UseSetting("Zgw:Clients:0:ClientId", "app");
            b.UseSetting("Zgw:Clients:0:Secret", "geheim");
            b.UseSetting("Zgw:Clients:0:HeeftAlleAutorisaties", "true");
        });
        _client = _gateway.CreateClient().WithToken("app", "geheim");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _zaken.Stop();
        _catalogi.Stop();
    }

    [Fact]
    public async Task ComponentPath_IsForwardedUnchanged_WithItsQuery()
    {
        var response = await _client.GetAsync("/zaken/api/v1/zaken?zaaktype=https%3A%2F%2Fx.nl%2Fzt%2F1&page=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.5.1", Assert.Single(response.Headers.GetValues("API-version")));
        var forwarded = Assert.Single(_zaken.LogEntries, e => e.RequestMessage.Path == "/zaken/api/v1/zaken");
        Assert.Equal("https://x.nl/zt/1", forwarded.RequestMessage.Query!["zaaktype"].Single());
    }

    [Fact]
    public async Task AuthorizationHeader_IsPassedToTheService()
    {
        var token = ZgwTokens.Mint("app", "geheim");
        var request = new HttpRequestMessage(HttpMethod.Get, "/zaken/api/v1/zaken");
        request.Headers.Authorization = ZgwTokens.Bearer(token);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(request)).StatusCode);
        var forwarded = _zaken.LogEntries.Last(e => e.RequestMessage.Path == "/zaken/api/v1/zaken");
        Assert.Equal($"Bearer {token}", forwarded.RequestMessage.Headers!["Authorization"].Single());
    }

    [Theory]
    [InlineData("/onbekend/api/v1/iets")]
    [InlineData("/documenten/api/v1/enkelvoudiginformatieobjecten")]
    [InlineData("/zaken/admin")]
    public async Task PathWithoutARoute_Is404Problem(string path)
    {
        await ProblemAssert.IsProblemAsync(await _client.GetAsync(path), HttpStatusCode.NotFound, "not_found");
        using var anonymous = _gateway.CreateClient();
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync(path), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ReadyAndBackends_Are200WhenEveryBackendIsReady()
    {
        foreach (var path in new[] { "/health/ready", "/health/backends" })
        {
            var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("backend:zaken").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("backend:catalogi").GetProperty("status").GetString());
        }
    }

    /// <summary>
    /// One backend down must not take the gateway out of its Kubernetes Service (the other APIs still work): readiness
    /// stays 200 and names it Degraded; /health/backends, what the local run waits for, is 503.
    /// </summary>
    [Fact]
    public async Task BackendDown_GatewayStaysReady_NamingItDegraded_AndBackendsIs503()
    {
        _catalogi.Stop();
        var ready = await _client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Degraded", checks.GetProperty("backend:catalogi").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("backend:zaken").GetProperty("status").GetString());

        var backends = await _client.GetAsync("/health/backends");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, backends.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/zaken/api/v1/zaken")).StatusCode);
    }

    /// <summary>A vendor's component without /health/ready (404) is reachable, so it counts as ready.</summary>
    [Fact]
    public async Task BackendWithoutAHealthEndpoint_CountsAsReachable()
    {
        _catalogi.ResetMappings();
        var backends = await _client.GetAsync("/health/backends");
        Assert.Equal(HttpStatusCode.OK, backends.StatusCode);
        var checks = JsonDocument.Parse(await backends.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Contains("no /health/ready", checks.GetProperty("backend:catalogi").GetProperty("description").GetString());
    }

    [Fact]
    public async Task BackendDown_Is502Problem()
    {
        _catalogi.Stop();
        var response = await _client.GetAsync("/catalogi/api/v1/zaaktypen");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway, "error");
    }
}
