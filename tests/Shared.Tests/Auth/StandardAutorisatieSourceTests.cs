using System.Net;
using System.Text;
using Shared.Tests.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Zgw.Api.Auth;
using Zgw.Testing;

namespace Shared.Tests.Auth;

/// <summary>
/// A vendor's Autorisaties API (<c>Zgw:Autorisaties:Source=Standard</c>; WireMock stands in for it): a client's secret
/// comes from configuration, its applicatie from the standard <c>GET /applicaties/consumer?clientId=</c>, asked with the
/// process's service identity; the scopes found there decide (ZGW A1/A6).
/// </summary>
public sealed class StandardAutorisatieSourceTests : IAsyncLifetime
{
    private const string VendorClient = "vendor-client";
    private const string VendorSecret = "vendor-geheim";
    private const string Consumer = "/autorisaties/api/v1/applicaties/consumer";
    private readonly WireMockServer _ac = WireMockServer.Start();
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await ZgwTestApi.StartAsync(extra: new Dictionary<string, string?>
    {
        ["Zgw:Autorisaties:Source"] = "Standard",
        ["Zgw:Services:autorisaties:InternalUrl"] = _ac.Url,
        ["Zgw:ServiceIdentity:ClientId"] = ZgwTestApi.AllClientId,
        ["Zgw:ServiceIdentity:Secret"] = "een-ander-geheim",
        ["Zgw:Clients:3:ClientId"] = VendorClient,
        ["Zgw:Clients:3:Secret"] = VendorSecret,
    });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _ac.Stop();
    }

    private void AcAnswers(int status, string body = "") => _ac.Given(Request.Create().WithPath(Consumer).UsingGet())
        .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private static string Applicatie(string component, string scope, bool asArray)
    {
        var applicatie = $$"""
            {"url": "https://ac.leverancier.example/autorisaties/api/v1/applicaties/1", "clientIds": ["{{VendorClient}}"],
             "label": "Zaaksysteem van de leverancier", "heeftAlleAutorisaties": false,
             "autorisaties": [{"component": "{{component}}", "componentWeergave": "x", "scopes": ["{{scope}}"],
                               "zaaktype": "https://zgw.example.nl/catalogi/api/v1/zaaktypen/1", "maxVertrouwelijkheidaanduiding": "geheim"}]}
            """;
        return asArray ? $"[{applicatie}]" : applicatie;
    }

    private Task<HttpResponseMessage> GetAs(string clientId, string secret)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + ZgwTokens.Mint(clientId, secret));
        return client.GetAsync("/zaken/api/v1/getallen");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the OAS declares an array; the reference implementation answers one object
    public async Task ApplicatieFromTheVendorsConsumerEndpoint_GrantsItsScopes_AskedWithTheServiceIdentity(bool asArray)
    {
        AcAnswers(200, Applicatie("zrc", "zaken.lezen", asArray));

        Assert.Equal(HttpStatusCode.OK, (await GetAs(VendorClient, VendorSecret)).StatusCode);

        var call = Assert.Single(_ac.LogEntries);
        Assert.Equal(VendorClient, call.RequestMessage.Query!["clientId"].Single());
        var token = call.RequestMessage.Headers!["Authorization"].Single()["Bearer ".Length..];
        Assert.Equal(ZgwTestApi.AllClientId, ZgwJwt.Validate(token, [Encoding.UTF8.GetBytes("een-ander-geheim")], DateTimeOffset.UtcNow, new ZgwJwtOptions()).Claims?.ClientId);

        Assert.Equal(HttpStatusCode.OK, (await GetAs(VendorClient, VendorSecret)).StatusCode);
        Assert.Single(_ac.LogEntries); // cached
    }

    [Fact]
    public async Task ApplicatieWithoutTheScope_Is403PermissionDenied()
    {
        AcAnswers(200, Applicatie("ztc", "catalogi.lezen", asArray: false));
        await ProblemAssert.IsProblemAsync(await GetAs(VendorClient, VendorSecret), HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task NoApplicatieAtTheVendor_ValidTokenWithoutAutorisaties_Is403PermissionDenied()
    {
        AcAnswers(404, """{"title": "Not found"}""");
        await ProblemAssert.IsProblemAsync(await GetAs(VendorClient, VendorSecret), HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task VendorUnreachable_Is503AutorisatiesUnavailable()
    {
        AcAnswers(500, """{"title": "kapot"}""");
        await ProblemAssert.IsProblemAsync(await GetAs(VendorClient, VendorSecret), HttpStatusCode.ServiceUnavailable, "autorisaties_unavailable");
    }

    [Fact]
    public async Task WrongSecret_OrAClientWithoutAConfiguredSecret_Is403NotAuthenticated_WithoutAskingTheVendor()
    {
        AcAnswers(200, Applicatie("zrc", "zaken.lezen", asArray: false));
        await ProblemAssert.IsProblemAsync(await GetAs(VendorClient, "fout"), HttpStatusCode.Forbidden, "not_authenticated");
        await ProblemAssert.IsProblemAsync(await GetAs("onbekend", VendorSecret), HttpStatusCode.Forbidden, "not_authenticated");
        Assert.DoesNotContain(_ac.LogEntries, e => e.RequestMessage.Query!["clientId"].Single() == "onbekend");
    }

    [Fact]
    public async Task ConfiguredClientWithItsOwnAutorisaties_IsUsedAsItIs()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAs(ZgwTestApi.ClientId, ZgwTestApi.Secret)).StatusCode);
        Assert.Empty(_ac.LogEntries);
    }
}
