using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>
/// End to end through the YARP gateway: the gateway checks token and scope per route, forwards to the real Catalogi and
/// Zaken services, and the Zaken service resolves the zaaktype from the real Catalogi service with its own identity.
/// </summary>
[Collection(ZakenCollection.Name)]
public sealed class ZakenGatewayTests(ZakenApp app) : IAsyncLifetime
{
    private WebApplicationFactory<GatewayMarker> _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new WebApplicationFactory<GatewayMarker>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Zgw:PublicBaseUrl", ZakenApp.PublicBase);
            b.UseSetting("Zgw:Services:zaken:InternalUrl", app.ZakenUrl);
            b.UseSetting("Zgw:Services:catalogi:InternalUrl", app.CatalogiUrl);
            foreach (var (k, v) in app.ClientSettings)
                b.UseSetting(k, v);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private HttpClient Through(string clientId)
    {
        var client = _gateway.CreateClient().WithToken(clientId, ZakenApp.Secret);
        client.DefaultRequestHeaders.Add("Accept-Crs", "EPSG:4326");
        client.DefaultRequestHeaders.Add("Content-Crs", "EPSG:4326");
        return client;
    }

    [Fact]
    public async Task ThroughTheGateway_AZaakOfAPublishedZaaktype_IsCreatedReadListedAndSearched()
    {
        var beheerder = Through(ZakenApp.Beheerder);
        var zaaktype = await beheerder.GetAsync(ZakenApp.PathOf(app.A.Url));
        Assert.Equal(HttpStatusCode.OK, zaaktype.StatusCode);

        var bron = ZaakListTests.NieuweBronorganisatie();
        var body = ZakenApp.ZaakBody(app.A.Url);
        body["bronorganisatie"] = bron;
        var created = await beheerder.PostAsJsonAsync("/zaken/api/v1/zaken", body);
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var zaak = JsonNode.Parse(text)!.AsObject();
        var url = ZakenApp.Url(zaak);
        Assert.StartsWith(ZakenApp.ApiRoot + "/zaken/", url);

        var read = await Through(ZakenApp.Behandelaar).GetAsync(ZakenApp.PathOf(url));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(zaak["identificatie"]!.GetValue<string>(), (await read.ReadJsonAsync())["identificatie"]!.GetValue<string>());

        var list = await (await Through(ZakenApp.Lezer).GetAsync($"/zaken/api/v1/zaken?bronorganisatie={bron}")).ReadJsonAsync();
        Assert.Equal(1, list["count"]!.GetValue<int>());
        Assert.StartsWith(ZakenApp.PublicBase, list["results"]![0]!["url"]!.GetValue<string>());

        var zoek = await Through(ZakenApp.Lezer).PostAsJsonAsync("/zaken/api/v1/zaken/_zoek", new { bronorganisatie = bron });
        Assert.Equal(1, (await zoek.ReadJsonAsync())["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task ThroughTheGateway_ScopesAreCheckedAtTheGateway_AndZaaktypeAutorisatieAtTheService()
    {
        var noScope = await Through(ZakenApp.Buitenstaander).GetAsync("/zaken/api/v1/zaken");
        await ProblemAssert.IsProblemAsync(noScope, HttpStatusCode.Forbidden, "permission_denied");
        var anonymous = await _gateway.CreateClient().GetAsync("/zaken/api/v1/zaken");
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Forbidden, "not_authenticated");

        var otherType = await Through(ZakenApp.Behandelaar).PostAsJsonAsync("/zaken/api/v1/zaken", ZakenApp.ZaakBody(app.C.Url));
        await ProblemAssert.IsProblemAsync(otherType, HttpStatusCode.Forbidden, "permission_denied");
    }
}
