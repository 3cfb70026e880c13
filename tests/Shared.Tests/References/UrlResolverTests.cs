using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Api.References;
using Zgw.ServiceDefaults;
using Zgw.Testing;

namespace Shared.Tests.References;

/// <summary>
/// URL references (ZGW G2, ARCHITECTURE §5): own URLs through the internal address with a service token,
/// other hosts only when allow-listed, resilience and cache, and unusable references as 400, never 500.
/// WireMock stands in for the sibling APIs.
/// </summary>
public sealed class UrlResolverTests : IAsyncLifetime
{
    private const string PublicBase = "https://zgw.example.nl";
    private readonly WireMockServer _catalogi = WireMockServer.Start();
    private readonly WireMockServer _external = WireMockServer.Start();
    private TestApp _app = null!;
    private UrlResolver _resolver = null!;

    private static readonly string[] ZaaktypeShape = ["url", "catalogus"];

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Zgw:PublicBaseUrl"] = PublicBase,
            ["Zgw:Services:catalogi:InternalUrl"] = _catalogi.Url,
            ["Zgw:References:AllowedHosts:0"] = new Uri(_external.Url!).Authority,
            ["Zgw:References:Resilience:Retry:Delay"] = "00:00:00.010",
            ["Zgw:References:Resilience:AttemptTimeout:Timeout"] = "00:00:01",
            ["Zgw:ServiceIdentity:ClientId"] = "zaken-service",
            ["Zgw:ServiceIdentity:Secret"] = "svc",
        }, b =>
        {
            b.AddZgwServiceDefaults("test");
            b.AddZgwApi();
        }, _ => { });
        _resolver = _app.Services.GetRequiredService<UrlResolver>();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _catalogi.Stop();
        _external.Stop();
    }

    private void Serve(WireMockServer server, string path, int status, object? body = null, string? raw = null) =>
        server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(
            raw is not null
                ? Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html").WithBody(raw)
                : Response.Create().WithStatusCode(status).WithBodyAsJson(body ?? new { }));

    private static ZgwException BadReference(Func<Task> act) => Assert.ThrowsAsync<ZgwException>(act).GetAwaiter().GetResult();

    [Fact]
    public async Task OwnPublicUrl_IsFetchedFromTheInternalAddress_WithAServiceToken()
    {
        Serve(_catalogi, "/catalogi/api/v1/zaaktypen/1", 200, new { url = $"{PublicBase}/catalogi/api/v1/zaaktypen/1", catalogus = "c" });

        var zaaktype = await _resolver.ResolveAsync("zaaktype", $"{PublicBase}/catalogi/api/v1/zaaktypen/1", ZaaktypeShape, default);

        Assert.Equal("c", zaaktype.GetProperty("catalogus").GetString());
        var auth = _catalogi.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single();
        var token = auth["Bearer ".Length..];
        var verified = ZgwJwt.Validate(token, [Encoding.UTF8.GetBytes("svc")], DateTimeOffset.UtcNow, new ZgwJwtOptions());
        Assert.Equal("zaken-service", verified.Claims?.ClientId);
    }

    [Fact]
    public async Task AllowListedHost_IsFetched()
    {
        Serve(_external, "/zaaktypen/9", 200, new { url = "x", catalogus = "y" });
        var zaaktype = await _resolver.ResolveAsync("zaaktype", $"{_external.Url}/zaaktypen/9", ZaaktypeShape, default);
        Assert.Equal("y", zaaktype.GetProperty("catalogus").GetString());
    }

    [Fact]
    public void HostNotAllowListed_IsBadUrl_AndNotFetched()
    {
        var e = BadReference(() => _resolver.ResolveAsync("zaaktype", "http://127.0.0.2:9/zaaktypen/1", ZaaktypeShape, default));
        Assert.Equal(("zaaktype", "bad-url"), (e.InvalidParams![0].Name, e.InvalidParams[0].Code));
    }

    [Theory]
    [InlineData("geen url")]
    [InlineData("ftp://x.nl/zaaktypen/1")]
    [InlineData("/zaaktypen/1")]
    public void MalformedUrl_IsBadUrl(string url) =>
        Assert.Equal("bad-url", BadReference(() => _resolver.ResolveAsync("zaaktype", url, ZaaktypeShape, default)).InvalidParams![0].Code);

    [Fact]
    public void NotFound_IsBadUrl()
    {
        Serve(_catalogi, "/catalogi/api/v1/zaaktypen/404", 404, new { detail = "Niet gevonden." });
        var e = BadReference(() => _resolver.ResolveAsync("zaaktype", $"{PublicBase}/catalogi/api/v1/zaaktypen/404", ZaaktypeShape, default));
        Assert.Equal(400, e.Status);
        Assert.Equal("bad-url", e.InvalidParams![0].Code);
    }

    [Fact]
    public void NotJson_IsInvalidResource()
    {
        Serve(_catalogi, "/catalogi/api/v1/zaaktypen/html", 200, raw: "<html>hallo</html>");
        var e = BadReference(() => _resolver.ResolveAsync("zaaktype", $"{PublicBase}/catalogi/api/v1/zaaktypen/html", ZaaktypeShape, default));
        Assert.Equal("invalid-resource", e.InvalidParams![0].Code);
    }

    [Fact]
    public void WrongShape_IsInvalidResource()
    {
        Serve(_catalogi, "/catalogi/api/v1/zaaktypen/vorm", 200, new { url = "x", naam = "geen zaaktype" });
        var e = BadReference(() => _resolver.ResolveAsync("zaaktype", $"{PublicBase}/catalogi/api/v1/zaaktypen/vorm", ZaaktypeShape, default));
        Assert.Equal("invalid-resource", e.InvalidParams![0].Code);
        Assert.Contains("catalogus", e.InvalidParams[0].Reason);
    }

    [Fact]
    public async Task TransientFailure_IsRetried()
    {
        const string path = "/catalogi/api/v1/zaaktypen/flaky";
        _catalogi.Given(Request.Create().WithPath(path).UsingGet()).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        _catalogi.Given(Request.Create().WithPath(path).UsingGet()).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { url = "x", catalogus = "c" }));

        var zaaktype = await _resolver.ResolveAsync("zaaktype", PublicBase + path, ZaaktypeShape, default);

        Assert.Equal("c", zaaktype.GetProperty("catalogus").GetString());
        Assert.Equal(2, _catalogi.LogEntries.Count());
    }

    [Fact]
    public async Task AllowListedButDown_IsBadUrl()
    {
        var down = WireMockServer.Start();
        var url = $"{down.Url}/zaaktypen/1";
        down.Stop();
        var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Zgw:References:AllowedHosts:0"] = new Uri(url).Authority,
            ["Zgw:References:Resilience:Retry:Delay"] = "00:00:00.010",
        }, b =>
        {
            b.AddZgwServiceDefaults("test");
            b.AddZgwApi();
        }, _ => { });
        await using (app)
        {
            var resolver = app.Services.GetRequiredService<UrlResolver>();
            var e = await Assert.ThrowsAsync<ZgwException>(() => resolver.ResolveAsync("zaaktype", url, ZaaktypeShape, default));
            Assert.Equal("bad-url", e.InvalidParams![0].Code);
        }
    }

    [Fact]
    public async Task ResolvedObjects_AreCached()
    {
        Serve(_catalogi, "/catalogi/api/v1/zaaktypen/cached", 200, new { url = "x", catalogus = "c" });
        var url = $"{PublicBase}/catalogi/api/v1/zaaktypen/cached";
        await _resolver.ResolveAsync("zaaktype", url, ZaaktypeShape, default);
        await _resolver.ResolveAsync("zaaktype", url, ZaaktypeShape, default);
        Assert.Single(_catalogi.LogEntries);
        _resolver.Invalidate(url);
        await _resolver.ResolveAsync("zaaktype", url, ZaaktypeShape, default);
        Assert.Equal(2, _catalogi.LogEntries.Count());
    }
}
