using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary>
/// T8/T9/T11: relations are written by omschrijving/identificatie and rendered as the URLs of the published versions in the
/// catalogus valid today, or on <c>datumGeldigheid</c>.
/// </summary>
[Collection(CatalogiCollection.Name)]
public sealed class HistoriemodelTests(CatalogiApp app)
{
    private readonly Samples _samples = new(app);

    [Fact]
    public async Task T9_Besluittypen_RenderTheVersionValidOnTheDate()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("BT-");
        var v1 = Samples.Url(await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus, omschrijving, begin: "2020-01-01", einde: "2022-12-31")));
        var v2 = Samples.Url(await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus, omschrijving, begin: "2023-01-01")));
        await app.PublishAsync(v1);
        await app.PublishAsync(v2);
        var zaaktype = await _samples.PublishableZaaktypeAsync(catalogus, begin: "2020-01-01", besluittypen: [omschrijving]);
        await app.PublishAsync(zaaktype);

        var today = await app.GetAsync(zaaktype);
        Assert.Equal([v2], Strings(today["besluittypen"]));
        Assert.Equal([omschrijving], Strings(today["besluittypeOmschrijving"]));
        var then = await app.GetAsync(zaaktype + "?datumGeldigheid=2021-05-01");
        Assert.Equal([v1], Strings(then["besluittypen"]));

        var besluittype = await app.GetAsync(v2);
        Assert.Equal([zaaktype], Strings(besluittype["zaaktypen"]));
    }

    [Fact]
    public async Task T9_ConceptVersions_AreNotRendered()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("BT-");
        await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus, omschrijving));
        var zaaktype = await _samples.ZaaktypeAsync(catalogus, besluittypen: [omschrijving]);
        var read = await app.GetAsync(zaaktype);
        Assert.Empty(read["besluittypen"]!.AsArray());
        Assert.Equal([omschrijving], Strings(read["besluittypeOmschrijving"]));
    }

    [Fact]
    public async Task T8_ANameThatDoesNotExist_IsDoesNotExist_AndOneInAnotherCatalogus_IsRelationsIncorrectCatalogus()
    {
        var catalogus = await _samples.CatalogusAsync();
        var elders = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("BT-");
        await app.CreateAsync("besluittypen", Samples.Besluittype(elders, omschrijving));
        var response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/zaaktypen",
            _samples.Zaaktype(catalogus, besluittypen: ["bestaat-niet", omschrijving]));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "besluittypen.0", "does_not_exist");
        Assert.Contains(problem.GetProperty("invalidParams").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "besluittypen.1" && p.GetProperty("code").GetString() == "relations-incorrect-catalogus");
    }

    [Fact]
    public async Task T8_InformatieobjecttypenOfAZaaktype_ComeFromItsZaaktypeInformatieobjecttypen()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("IOT-");
        var iot = Samples.Url(await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus, omschrijving)));
        await app.PublishAsync(iot);
        var zaaktype = await _samples.PublishableZaaktypeAsync(catalogus);
        var ziot = await app.CreateAsync("zaaktype-informatieobjecttypen", Samples.ZaaktypeInformatieobjecttype(zaaktype, omschrijving));
        await app.PublishAsync(zaaktype);
        var read = await app.GetAsync(zaaktype);
        Assert.Equal([iot], Strings(read["informatieobjecttypen"]));
        Assert.Equal([omschrijving], Strings(read["informatieobjecttypeOmschrijving"]));
        Assert.Equal([zaaktype], Strings((await app.GetAsync(iot))["zaaktypen"]));
        var expanded = await app.GetAsync(Samples.Url(ziot) + "?expand=informatieobjecttype");
        Assert.Equal(iot, expanded["_expand"]!["informatieobjecttype"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task T8_DeelzaaktypenAndGerelateerdeZaaktypen_AreIdentificaties()
    {
        var catalogus = await _samples.CatalogusAsync();
        var deel = Samples.Unique("DEEL-");
        var deelzaaktype = await _samples.PublishedZaaktypeAsync(catalogus, deel);
        var body = _samples.Zaaktype(catalogus, deelzaaktypen: [deel]);
        body["gerelateerdeZaaktypen"] = new[] { new { zaaktype = deel, aardRelatie = "vervolg", toelichting = "daarna" } };
        var created = await app.CreateAsync("zaaktypen", body);
        Assert.Equal([deelzaaktype], Strings(created["deelzaaktypen"]));
        Assert.Equal([deel], Strings(created["deelzaaktypeIdentificaties"]));
        var relatie = created["gerelateerdeZaaktypen"]![0]!;
        Assert.Equal(deelzaaktype, relatie["zaaktype"]!.GetValue<string>());
        Assert.Equal(deel, relatie["zaaktypeIdentificatie"]!.GetValue<string>());
        Assert.Equal("vervolg", relatie["aardRelatie"]!.GetValue<string>());
    }

    [Fact]
    public async Task T11_ZaaktypeIdentificatieAndDatumGeldigheid_FindTheStatustypenOfAVersion()
    {
        var catalogus = await _samples.CatalogusAsync();
        var identificatie = Samples.Unique("ZT-");
        var oud = await _samples.PublishedZaaktypeAsync(catalogus, identificatie, "2020-01-01", "2022-12-31");
        var nieuw = await _samples.PublishedZaaktypeAsync(catalogus, identificatie, "2023-01-01");
        foreach (var (datum, expected) in new[] { ("2021-01-01", oud), ("2024-01-01", nieuw) })
        {
            var page = CatalogiApp.Json(await app.Client().GetStringAsync(
                $"/catalogi/api/v1/statustypen?zaaktypeIdentificatie={identificatie}&datumGeldigheid={datum}"));
            Assert.Equal(2, page.GetProperty("count").GetInt32());
            Assert.All(page.GetProperty("results").EnumerateArray(), s => Assert.Equal(expected, s.GetProperty("zaaktype").GetString()));
        }
        var resultaattypen = CatalogiApp.Json(await app.Client().GetStringAsync(
            $"/catalogi/api/v1/resultaattypen?zaaktype_identificatie={identificatie}&datum_geldigheid=2021-01-01"));
        Assert.Equal(1, resultaattypen.GetProperty("count").GetInt32());
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
