using System.Net;
using System.Net.Http.Headers;
using Shared.Tests.Http;
using Zgw.Api.Auth;
using Zgw.Testing;

namespace Shared.Tests.Auth;

/// <summary>ZGW A1/A6: no valid token or no scope → 403 problem+json; the right scope → through.</summary>
public sealed class ScopeAuthorisationTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await ZgwTestApi.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> Get(string? authorization)
    {
        var client = _app.CreateClient();
        if (authorization is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return client.GetAsync("/zaken/api/v1/getallen");
    }

    [Fact]
    public async Task NoToken_Is403NotAuthenticated() =>
        await ProblemAssert.IsProblemAsync(await Get(null), HttpStatusCode.Forbidden, "not_authenticated");

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer rommel")]
    [InlineData("Bearer a.b.c")]
    public async Task MalformedHeader_Is403NotAuthenticated(string header) =>
        await ProblemAssert.IsProblemAsync(await Get(header), HttpStatusCode.Forbidden, "not_authenticated");

    [Fact]
    public async Task UnknownClient_Is403NotAuthenticated() =>
        await ProblemAssert.IsProblemAsync(await Get("Bearer " + ZgwTokens.Mint("onbekend", "geheim")), HttpStatusCode.Forbidden, "not_authenticated");

    [Fact]
    public async Task WrongSecret_Is403NotAuthenticated() =>
        await ProblemAssert.IsProblemAsync(await Get("Bearer " + ZgwTokens.Mint(ZgwTestApi.ClientId, "fout")), HttpStatusCode.Forbidden, "not_authenticated");

    [Fact]
    public async Task ExpiredToken_Is403NotAuthenticated()
    {
        var token = ZgwTokens.Mint(ZgwTestApi.ClientId, ZgwTestApi.Secret, DateTimeOffset.UtcNow.AddHours(-2));
        var body = await ProblemAssert.IsProblemAsync(await Get("Bearer " + token), HttpStatusCode.Forbidden, "not_authenticated");
        Assert.DoesNotContain(token, body.GetRawText());
    }

    [Fact]
    public async Task ScopeOfAnotherComponent_Is403PermissionDenied() =>
        await ProblemAssert.IsProblemAsync(await Get("Bearer " + ZgwTokens.Mint(ZgwTestApi.LimitedClientId, ZgwTestApi.Secret)),
            HttpStatusCode.Forbidden, "permission_denied");

    [Fact]
    public async Task TheRequiredScope_IsLetThrough() =>
        Assert.Equal(HttpStatusCode.OK, (await Get("Bearer " + ZgwTokens.Mint(ZgwTestApi.ClientId, ZgwTestApi.Secret))).StatusCode);

    [Fact]
    public async Task HeeftAlleAutorisaties_IsLetThrough() =>
        Assert.Equal(HttpStatusCode.OK, (await Get("Bearer " + ZgwTokens.Mint(ZgwTestApi.AllClientId, "een-ander-geheim"))).StatusCode);

    [Fact]
    public async Task HealthNeedsNoToken() =>
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/health/live")).StatusCode);

    [Fact]
    public void ObjectLevel_ZaaktypeAndVertrouwelijkheid_A8()
    {
        var applicatie = new Applicatie(null, ["c"], "c", false,
        [
            new Autorisatie("zrc", ["zaken.lezen"], Zaaktype: "https://zt/1", MaxVertrouwelijkheidaanduiding: "zaakvertrouwelijk"),
            new Autorisatie("zrc", ["zaken.bijwerken"], Zaaktype: "https://zt/2", MaxVertrouwelijkheidaanduiding: "geheim"),
        ]);
        var caller = new ZgwCaller(new ZgwTokenClaims("c", null, null, DateTimeOffset.UtcNow), applicatie);
        Assert.True(caller.IsAllowed("zrc", "zaken.lezen", "https://zt/1", "openbaar"));
        Assert.True(caller.IsAllowed("zrc", "zaken.lezen", "https://zt/1", "zaakvertrouwelijk"));
        Assert.False(caller.IsAllowed("zrc", "zaken.lezen", "https://zt/1", "vertrouwelijk"));
        Assert.False(caller.IsAllowed("zrc", "zaken.lezen", "https://zt/2", "openbaar"));
        Assert.False(caller.IsAllowed("drc", "zaken.lezen", "https://zt/1", "openbaar"));
        Assert.True(caller.HasAnyScope("zrc", ["zaken.aanmaken", "zaken.bijwerken"]));
        Assert.Equal(["https://zt/1"], caller.Grants("zrc", "zaken.lezen").Select(a => a.TypeUrl));
    }

    [Fact]
    public void VertrouwelijkheidOrder_A7()
    {
        Assert.True(Vertrouwelijkheid.AtMost("openbaar", "beperkt_openbaar"));
        Assert.True(Vertrouwelijkheid.AtMost("geheim", "zeer_geheim"));
        Assert.False(Vertrouwelijkheid.AtMost("confidentieel", "vertrouwelijk"));
        Assert.False(Vertrouwelijkheid.AtMost("onbekend", "zeer_geheim"));
    }
}
