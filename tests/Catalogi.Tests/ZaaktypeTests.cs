using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary><c>/zaaktypen</c>: the operations, filters, datumGeldigheid, expand and notifications.</summary>
[Collection(CatalogiCollection.Name)]
public sealed class ZaaktypeTests(CatalogiApp app)
{
    private const string Zaaktypen = "/catalogi/api/v1/zaaktypen";
    private readonly Samples _samples = new(app);

    [Fact]
    public async Task Create_Returns201_ConceptWithTheOasShape_AndNotifies()
    {
        var catalogus = await _samples.CatalogusAsync();
        var response = await app.Client().PostAsJsonAsync(Zaaktypen, _samples.Zaaktype(catalogus));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var url = body["url"]!.GetValue<string>();
        Assert.Equal(url, response.Headers.Location!.ToString());
        Assert.True(body["concept"]!.GetValue<bool>());
        Assert.Equal(catalogus, body["catalogus"]!.GetValue<string>());
        Assert.Equal("P30D", body["doorlooptijd"]!.GetValue<string>());
        Assert.Equal("2024-01-01", body["versiedatum"]!.GetValue<string>());
        Assert.Empty(body["statustypen"]!.AsArray());
        Assert.Equal(1, await app.QueryAsync<long>("""
            SELECT count(*) FROM outbox WHERE payload->>'kanaal' = 'zaaktypen' AND payload->>'resourceUrl' = @url
              AND payload->>'hoofdObject' = @url AND payload->>'resource' = 'zaaktype'
              AND payload->>'actie' = 'create' AND payload->'kenmerken'->>'catalogus' = @catalogus
            """, new { url, catalogus }));
    }

    [Fact]
    public async Task List_DefaultsToDefinitief_AndStatusAllesShowsConcepts()
    {
        var catalogus = await _samples.CatalogusAsync();
        var concept = await _samples.ZaaktypeAsync(catalogus);
        var published = await _samples.PublishedZaaktypeAsync(catalogus);
        var q = $"{Zaaktypen}?catalogus={Uri.EscapeDataString(catalogus)}";
        Assert.Equal([published], Urls(await app.Client(CatalogiApp.Lezer).GetStringAsync(q)));
        Assert.Equal([concept], Urls(await app.Client(CatalogiApp.Lezer).GetStringAsync(q + "&status=concept")));
        Assert.Equal(2, Urls(await app.Client(CatalogiApp.Lezer).GetStringAsync(q + "&status=alles")).Count);
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(q + "&status=ander"), HttpStatusCode.BadRequest, "invalid", "status");
    }

    [Fact]
    public async Task List_FiltersOnIdentificatieTrefwoordenAndDatumGeldigheid()
    {
        var catalogus = await _samples.CatalogusAsync();
        var identificatie = Samples.Unique("ZT-");
        var oud = await _samples.PublishedZaaktypeAsync(catalogus, identificatie, "2020-01-01", "2022-12-31");
        var nieuw = await _samples.PublishedZaaktypeAsync(catalogus, identificatie, "2023-01-01");
        var q = $"{Zaaktypen}?catalogus={Uri.EscapeDataString(catalogus)}&identificatie={identificatie}";
        Assert.Equal(2, Urls(await app.Client().GetStringAsync(q)).Count);
        Assert.Equal([oud], Urls(await app.Client().GetStringAsync(q + "&datumGeldigheid=2021-06-01")));
        Assert.Equal([nieuw], Urls(await app.Client().GetStringAsync(q + "&datumGeldigheid=2023-01-01")));
        Assert.Equal(2, Urls(await app.Client().GetStringAsync(q + "&trefwoorden=melding,openbare ruimte")).Count);
        Assert.Empty(Urls(await app.Client().GetStringAsync(q + "&trefwoorden=melding,anders")));
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(q + "&datumGeldigheid=gisteren"), HttpStatusCode.BadRequest, "invalid",
            "datumGeldigheid");
    }

    [Fact]
    public async Task Read_WithDatumGeldigheid_IsTheVersionValidThen_Else404()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.PublishedZaaktypeAsync(catalogus, begin: "2020-01-01", einde: "2020-12-31");
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(CatalogiApp.PathOf(zaaktype) + "?datumGeldigheid=2020-12-31")).StatusCode);
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(CatalogiApp.PathOf(zaaktype) + "?datumGeldigheid=2021-01-01"),
            HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Read_HasETagAndHead()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        var get = await app.Client().GetAsync(CatalogiApp.PathOf(zaaktype));
        var head = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, CatalogiApp.PathOf(zaaktype)));
        Assert.NotNull(get.Headers.ETag);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task UpdateAndPartialUpdate_ChangeAConcept_AndNotify()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.ZaaktypeAsync(catalogus);
        var body = _samples.Zaaktype(catalogus);
        body["omschrijving"] = "Nieuwe omschrijving";
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PutAsJsonAsync(CatalogiApp.PathOf(zaaktype), body)).StatusCode);
        var patch = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(zaaktype), new { toelichting = "Uitleg" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var read = await app.GetAsync(zaaktype);
        Assert.Equal("Nieuwe omschrijving", read["omschrijving"]!.GetValue<string>());
        Assert.Equal("Uitleg", read["toelichting"]!.GetValue<string>());
        Assert.Equal("create,update,partial_update", await app.QueryAsync<string>("""
            SELECT string_agg(payload->>'actie', ',' ORDER BY seq) FROM outbox WHERE payload->>'resourceUrl' = @zaaktype
            """, new { zaaktype }));
    }

    [Fact]
    public async Task Delete_RemovesAConceptWithItsParts_AndNotifies()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.PublishableZaaktypeAsync(catalogus);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync(CatalogiApp.PathOf(zaaktype))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(CatalogiApp.PathOf(zaaktype))).StatusCode);
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM statustype s WHERE NOT EXISTS (SELECT 1 FROM zaaktype z WHERE z.id = s.zaaktype_id)"));
        Assert.Equal(1, await app.QueryAsync<long>(
            "SELECT count(*) FROM outbox WHERE payload->>'resourceUrl' = @zaaktype AND payload->>'actie' = 'destroy'", new { zaaktype }));
    }

    [Fact]
    public async Task Publish_SetsConceptFalse_AndSendsNoNotification()
    {
        var zaaktype = await _samples.PublishableZaaktypeAsync(await _samples.CatalogusAsync());
        var response = await app.Client().PostAsync(CatalogiApp.PathOf(zaaktype) + "/publish", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(CatalogiApp.Json(await response.Content.ReadAsStringAsync()).GetProperty("concept").GetBoolean());
        Assert.Equal(1, await app.QueryAsync<long>("SELECT count(*) FROM outbox WHERE payload->>'resourceUrl' = @zaaktype", new { zaaktype }));
    }

    [Fact]
    public async Task Expand_PutsRelationsUnderExpand_AndUnknownNameIs404()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.PublishableZaaktypeAsync(catalogus);
        var json = CatalogiApp.Json(await app.Client().GetStringAsync(CatalogiApp.PathOf(zaaktype) + "?expand=catalogus,statustypen.zaaktype"));
        var expand = json.GetProperty("_expand");
        Assert.Equal(catalogus, expand.GetProperty("catalogus").GetProperty("url").GetString());
        Assert.Equal(2, expand.GetProperty("statustypen").GetArrayLength());
        Assert.Equal(zaaktype, expand.GetProperty("statustypen")[0].GetProperty("_expand").GetProperty("zaaktype").GetProperty("url").GetString());
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(CatalogiApp.PathOf(zaaktype) + "?expand=onbekend"), HttpStatusCode.NotFound,
            "not_found");
    }

    [Fact]
    public async Task Ztc014_ZakenLezenAndDocumentenLezen_ReadZaaktypen_ButNotWrite()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.Client(CatalogiApp.ZakenLezer).GetAsync(CatalogiApp.PathOf(zaaktype))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(CatalogiApp.DocumentenLezer).GetAsync(Zaaktypen)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(CatalogiApp.ZakenLezer).GetAsync("/catalogi/api/v1/statustypen")).StatusCode);
        await ProblemAssert.IsProblemAsync(await app.Client(CatalogiApp.ZakenLezer).PatchAsJsonAsync(CatalogiApp.PathOf(zaaktype), new { }),
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Client(CatalogiApp.Buitenstaander).GetAsync(Zaaktypen), HttpStatusCode.Forbidden,
            "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Anonymous().GetAsync(Zaaktypen), HttpStatusCode.Forbidden, "not_authenticated");
    }

    [Fact]
    public async Task Create_MissingAndMalformedFields_Are400WithTheirNames()
    {
        var catalogus = await _samples.CatalogusAsync();
        var body = _samples.Zaaktype(catalogus);
        body.Remove("doel");
        body["doorlooptijd"] = "30 dagen";
        body["vertrouwelijkheidaanduiding"] = "supergeheim";
        body["beginGeldigheid"] = "2024-13-01";
        var response = await app.Client().PostAsJsonAsync(Zaaktypen, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "beginGeldigheid", "invalid");
        body["beginGeldigheid"] = "2024-01-01";
        var problem = await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync(Zaaktypen, body), HttpStatusCode.BadRequest, "invalid",
            "doel", "required");
        var names = problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("doorlooptijd", names);
        Assert.Contains("vertrouwelijkheidaanduiding", names);
    }

    [Fact]
    public async Task Create_CatalogusThatIsNotOurs_IsNoMatch_AndMissingIsDoesNotExist()
    {
        var body = _samples.Zaaktype("https://elders.example.nl/catalogi/api/v1/catalogussen/" + Guid.NewGuid());
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync(Zaaktypen, body), HttpStatusCode.BadRequest, "invalid", "catalogus",
            "no_match");
        body = _samples.Zaaktype(CatalogiApp.ApiRoot + "/catalogussen/" + Guid.NewGuid());
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync(Zaaktypen, body), HttpStatusCode.BadRequest, "invalid", "catalogus",
            "does_not_exist");
    }

    [Fact]
    public async Task VerlengingMismatch_TermijnWithoutVerlengingIs400()
    {
        var body = _samples.Zaaktype(await _samples.CatalogusAsync());
        body["verlengingMogelijk"] = false;
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync(Zaaktypen, body), HttpStatusCode.BadRequest, "invalid",
            "verlengingstermijn", "verlenging-mismatch");
    }

    private static List<string> Urls(string page) =>
        CatalogiApp.Json(page).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("url").GetString()!).ToList();
}
