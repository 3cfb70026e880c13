using System.Net;
using System.Net.Http.Headers;
using Zgw.Testing;

namespace Gateway.Tests;

/// <summary>CORS for configured origins, and the request body limits (JSON and the bestandsdelen upload).</summary>
public sealed class CorsAndBodyLimitTests : IAsyncLifetime
{
    private const string Origin = "https://app.gemeente.nl";
    private GatewayHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new GatewayHost([TestClient.WithScopes("app", "zaken.lezen", "zaken.aanmaken", "documenten.bijwerken")],
            new Dictionary<string, string>
            {
                ["Gateway:Cors:AllowedOrigins:0"] = Origin,
                ["Gateway:MaxRequestBodyBytes"] = "1000",
                ["Gateway:MaxUploadBodyBytes"] = "5000",
            });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Preflight_IsAnsweredWithoutToken_ForAConfiguredOrigin()
    {
        var probe = await _host.SendAsync(_host.Anonymous(), "OPTIONS", "/zaken/api/v1/zaken", configure: r =>
        {
            r.Headers.Add("Origin", Origin);
            r.Headers.Add("Access-Control-Request-Method", "POST");
            r.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, accept-crs, content-crs, if-none-match, x-audit-toelichting");
        });
        Assert.False(probe.Forwarded);
        Assert.Equal(HttpStatusCode.NoContent, probe.Response.StatusCode);
        Assert.Equal(Origin, Single(probe.Response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(probe.Response, "Access-Control-Allow-Methods"));
        var allowedHeaders = Single(probe.Response, "Access-Control-Allow-Headers").ToLowerInvariant();
        foreach (var header in new[] { "authorization", "content-type", "accept-crs", "content-crs", "if-none-match", "x-audit-toelichting" })
            Assert.Contains(header, allowedHeaders);
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_GetsNoCorsHeaders()
    {
        var probe = await _host.SendAsync(_host.Anonymous(), "OPTIONS", "/zaken/api/v1/zaken", configure: r =>
        {
            r.Headers.Add("Origin", "https://evil.example");
            r.Headers.Add("Access-Control-Request-Method", "GET");
        });
        Assert.False(probe.Forwarded);
        Assert.False(probe.Response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ActualRequest_FromAConfiguredOrigin_ExposesTheZgwHeaders()
    {
        var probe = await _host.SendAsync(_host.Client("app"), "GET", "/zaken/api/v1/zaken", configure: r => r.Headers.Add("Origin", Origin));
        Assert.True(probe.Forwarded);
        Assert.Equal(Origin, Single(probe.Response, "Access-Control-Allow-Origin"));
        var exposed = Single(probe.Response, "Access-Control-Expose-Headers");
        foreach (var header in new[] { "API-version", "ETag", "Location", "Content-Crs" })
            Assert.Contains(header, exposed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefusalFromTheGateway_CarriesCorsHeaders_SoTheFrontendCanReadIt()
    {
        var probe = await _host.SendAsync(_host.Anonymous(), "GET", "/zaken/api/v1/zaken", configure: r => r.Headers.Add("Origin", Origin));
        await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.Forbidden, "not_authenticated");
        Assert.Equal(Origin, Single(probe.Response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task JsonBody_OverTheLimit_Is413RequestTooLarge_AndNotForwarded()
    {
        var probe = await _host.SendAsync(_host.Client("app"), "POST", "/zaken/api/v1/zaken", Json(1001));
        Assert.False(probe.Forwarded);
        await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
        Assert.False(await _host.BackendSawAsync(probe.Id, TimeSpan.Zero));
    }

    [Fact]
    public async Task JsonBody_AtTheLimit_IsForwarded() =>
        Assert.True((await _host.SendAsync(_host.Client("app"), "POST", "/zaken/api/v1/zaken", Json(1000))).Forwarded);

    [Fact]
    public async Task BestandsdelenUpload_HasItsOwnLimit()
    {
        var path = $"/documenten/api/v1/bestandsdelen/{Guid.NewGuid()}";
        Assert.True((await _host.SendAsync(_host.Client("app"), "PUT", path, Json(5000))).Forwarded);
        var tooLarge = await _host.SendAsync(_host.Client("app"), "PUT", path, Json(5001));
        await ProblemAssert.IsProblemAsync(tooLarge.Response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
        // the upload limit is for bestandsdelen only: another PUT of the same size is a JSON body
        var other = await _host.SendAsync(_host.Client("app"), "PUT", $"/documenten/api/v1/verzendingen/{Guid.NewGuid()}", Json(2000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, other.Response.StatusCode);
    }

    private static ByteArrayContent Json(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        bytes[0] = (byte)'{';
        bytes[^1] = (byte)'}';
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}

/// <summary>A chunked body (no Content-Length) is cut off by the server at the limit: only Kestrel enforces that, not TestServer.</summary>
public sealed class ChunkedBodyLimitTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new GatewayHost([TestClient.WithScopes("app", "zaken.aanmaken")],
            new Dictionary<string, string> { ["Gateway:MaxRequestBodyBytes"] = "1000" }, kestrel: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ChunkedBody_OverTheLimit_Is413RequestTooLarge()
    {
        var body = new StreamContent(new MemoryStream(new byte[300_000]));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var probe = await _host.SendAsync(_host.Client("app"), "POST", "/zaken/api/v1/zaken", body,
            r => r.Headers.TransferEncodingChunked = true);
        await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    [Fact]
    public async Task ChunkedBody_UnderTheLimit_IsForwarded()
    {
        var body = new StreamContent(new MemoryStream("{}"u8.ToArray()));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var probe = await _host.SendAsync(_host.Client("app"), "POST", "/zaken/api/v1/zaken", body,
            r => r.Headers.TransferEncodingChunked = true);
        Assert.True(probe.Forwarded, $"{(int)probe.Response.StatusCode}");
    }
}

/// <summary>The rate limit is per client: one client is throttled (429 <c>throttled</c>, <c>Retry-After</c>), another is not.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new GatewayHost([TestClient.WithScopes("busy", "zaken.lezen"), TestClient.WithScopes("calm", "zaken.lezen")],
            new Dictionary<string, string>
            {
                ["Gateway:RateLimit:PermitsPerWindow"] = "3",
                ["Gateway:RateLimit:Window"] = "00:10:00",
            });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ClientOverItsLimit_Is429Throttled_WhileAnotherClientGetsThrough()
    {
        for (var i = 0; i < 3; i++)
            Assert.True((await _host.SendAsync(_host.Client("busy"), "GET", "/zaken/api/v1/zaken")).Forwarded);

        var throttled = await _host.SendAsync(_host.Client("busy"), "GET", "/zaken/api/v1/zaken");
        Assert.False(throttled.Forwarded);
        await ProblemAssert.IsProblemAsync(throttled.Response, HttpStatusCode.TooManyRequests, "throttled");
        var retryAfter = int.Parse(Assert.Single(throttled.Response.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 600);

        Assert.True((await _host.SendAsync(_host.Client("calm"), "GET", "/zaken/api/v1/zaken")).Forwarded);
        Assert.Equal(HttpStatusCode.OK, (await _host.Anonymous().GetAsync("/health/live")).StatusCode);
    }
}
