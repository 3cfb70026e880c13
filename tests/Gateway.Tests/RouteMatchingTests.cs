using System.Net;
using Zgw.Testing;

namespace Gateway.Tests;

/// <summary>How a request is matched to an operation of the table: 404, 405 with Allow, HEAD as GET, literal before parameter, open OAS documents.</summary>
public sealed class RouteMatchingTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new GatewayHost([
            TestClient.All("alles"),
            TestClient.WithScopes("lezer", "besluiten.lezen", "autorisaties.lezen"),
        ]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/zaken/api/v1/onbekend")]
    [InlineData("/zaken/api/v1/zaken/")]
    [InlineData("/zaken/api/v1/zaken/1/2/3")]
    [InlineData("/zaken/api/v1")]
    [InlineData("/zaken/api/v2/zaken")]
    [InlineData("/notificaties/api/v1/notificaties/x")]
    [InlineData("/zaken/internal/clients")]
    [InlineData("/autorisaties/internal/v1/clients/app")]
    [InlineData("/autorisaties/admin/v1/applicaties")]
    public async Task UnknownPath_Is404_WithOrWithoutToken(string path)
    {
        foreach (var client in new[] { _host.Client("alles"), _host.Anonymous() })
        {
            var probe = await _host.SendAsync(client, "GET", path);
            Assert.False(probe.Forwarded);
            await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.NotFound, "not_found");
        }
    }

    [Theory]
    [InlineData("DELETE", "/zaken/api/v1/zaken", "GET, HEAD, POST")]
    [InlineData("POST", "/notificaties/api/v1/kanaal/1", "GET, HEAD")]
    [InlineData("GET", "/notificaties/api/v1/notificaties", "POST")]
    [InlineData("PATCH", "/catalogi/api/v1/zaaktypen/1/publish", "POST")]
    [InlineData("POST", "/zaken/api/v1/schema/openapi.json", "GET, HEAD")]
    public async Task WrongMethod_Is405_WithAllow(string method, string path, string allow)
    {
        var probe = await _host.SendAsync(_host.Client("alles"), method, path);
        Assert.False(probe.Forwarded);
        await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Equal(allow, string.Join(", ", probe.Response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Head_WithoutItsOwnOperation_IsCheckedAsTheGet()
    {
        // Besluiten 1.1.0 declares no HEAD; a HEAD is the GET with the GET's scopes.
        Assert.True((await _host.SendAsync(_host.Client("lezer"), "HEAD", $"/besluiten/api/v1/besluiten/{Guid.NewGuid()}")).Forwarded);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _host.SendAsync(_host.Client("lezer"), "HEAD", $"/zaken/api/v1/zaken/{Guid.NewGuid()}")).Response.StatusCode);
    }

    [Fact]
    public async Task LiteralSegment_WinsOverAParameter()
    {
        // GET /applicaties/consumer needs autorisaties.lezen; DELETE there is DELETE /applicaties/{uuid}: autorisaties.bijwerken.
        Assert.True((await _host.SendAsync(_host.Client("lezer"), "GET", "/autorisaties/api/v1/applicaties/consumer?clientId=x")).Forwarded);
        var delete = await _host.SendAsync(_host.Client("lezer"), "DELETE", "/autorisaties/api/v1/applicaties/consumer");
        await ProblemAssert.IsProblemAsync(delete.Response, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Theory]
    [InlineData("/zaken/api/v1/schema/openapi.json")]
    [InlineData("/catalogi/api/v1/schema/openapi.yaml")]
    [InlineData("/notificaties/api/v1/openapi.json")]
    [InlineData("/autorisaties/api/v1/schema/index.html")]
    [InlineData("/documenten/api/v1/schema")]
    public async Task OasDocument_NeedsNoToken(string path)
    {
        Assert.True((await _host.SendAsync(_host.Anonymous(), "GET", path)).Forwarded);
        Assert.True((await _host.SendAsync(_host.Anonymous(), "HEAD", path)).Forwarded);
    }

    [Fact]
    public async Task Cors_IsOffWithoutConfiguredOrigins()
    {
        var probe = await _host.SendAsync(_host.Anonymous(), "OPTIONS", "/zaken/api/v1/zaken", configure: r =>
        {
            r.Headers.Add("Origin", "https://app.gemeente.nl");
            r.Headers.Add("Access-Control-Request-Method", "GET");
        });
        Assert.False(probe.Forwarded);
        Assert.False(probe.Response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void Limits_HaveTheDocumentedDefaults()
    {
        var options = new GatewayOptions();
        Assert.Equal(20L * 1024 * 1024, options.MaxRequestBodyBytes);
        Assert.Equal(110L * 1024 * 1024, options.MaxUploadBodyBytes);
        Assert.Equal(0, options.RateLimit.PermitsPerWindow);
        Assert.False(options.ExposeAdminApi);
        Assert.Empty(options.Cors.AllowedOrigins);
    }

    [Fact]
    public async Task ComponentKey_IsMatchedCaseInsensitively_LikeTheServicesRoute()
    {
        var probe = await _host.SendAsync(_host.Anonymous(), "GET", "/Zaken/api/v1/ZAKEN");
        await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.Forbidden, "not_authenticated");
    }
}
