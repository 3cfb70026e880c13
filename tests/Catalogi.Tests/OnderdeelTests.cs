using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary>
/// The six parts of a zaaktype (statustypen, roltypen, eigenschappen, resultaattypen, zaakobjecttypen,
/// zaaktype-informatieobjecttypen): create, read with ETag/HEAD, list, update, partial update, delete.
/// </summary>
[Collection(CatalogiCollection.Name)]
public sealed class OnderdeelTests(CatalogiApp app)
{
    private readonly Samples _samples = new(app);

    public static TheoryData<string, string> Parts => new()
    {
        { "statustypen", "omschrijving" },
        { "roltypen", "omschrijving" },
        { "eigenschappen", "definitie" },
        { "resultaattypen", "toelichting" },
        { "zaakobjecttypen", "relatieOmschrijving" },
        { "zaaktype-informatieobjecttypen", "richting" },
    };

    private async Task<(string Catalogus, string Zaaktype, Dictionary<string, object?> Body)> ArrangeAsync(string collection)
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.ZaaktypeAsync(catalogus);
        var iot = Samples.Unique("IOT-");
        if (collection == "zaaktype-informatieobjecttypen")
            await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus, iot));
        var body = collection switch
        {
            "statustypen" => Samples.Statustype(zaaktype, 1),
            "roltypen" => Samples.Roltype(zaaktype),
            "eigenschappen" => Samples.Eigenschap(zaaktype),
            "resultaattypen" => _samples.Resultaattype(zaaktype),
            "zaakobjecttypen" => Samples.Zaakobjecttype(zaaktype, catalogus),
            _ => Samples.ZaaktypeInformatieobjecttype(zaaktype, iot),
        };
        return (catalogus, zaaktype, body);
    }

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task Create_Read_List_Update_PartialUpdate_Delete(string collection, string field)
    {
        var (catalogus, zaaktype, body) = await ArrangeAsync(collection);
        var path = $"/catalogi/api/v1/{collection}";

        var create = await app.Client().PostAsJsonAsync(path, body);
        Assert.True(create.StatusCode == HttpStatusCode.Created, await create.Content.ReadAsStringAsync());
        var created = JsonNode.Parse(await create.Content.ReadAsStringAsync())!.AsObject();
        var url = Samples.Url(created);
        Assert.StartsWith($"{CatalogiApp.ApiRoot}/{collection}/", url);
        Assert.Equal(url, create.Headers.Location!.ToString());
        Assert.Equal(zaaktype, created["zaaktype"]!.GetValue<string>());
        Assert.Equal(catalogus, created["catalogus"]!.GetValue<string>());
        Assert.Equal((await app.GetAsync(zaaktype))["identificatie"]!.GetValue<string>(), created["zaaktypeIdentificatie"]!.GetValue<string>());

        var get = await app.Client(CatalogiApp.Lezer).GetAsync(CatalogiApp.PathOf(url));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var head = await app.Client(CatalogiApp.Lezer).SendAsync(new HttpRequestMessage(HttpMethod.Head, CatalogiApp.PathOf(url)));
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);

        var alles = collection == "zaakobjecttypen" ? "" : "&status=alles";
        var list = CatalogiApp.Json(await app.Client().GetStringAsync($"{path}?zaaktype={Uri.EscapeDataString(zaaktype)}{alles}"));
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        if (collection != "zaakobjecttypen")
        {
            var definitief = CatalogiApp.Json(await app.Client().GetStringAsync($"{path}?zaaktype={Uri.EscapeDataString(zaaktype)}"));
            Assert.Equal(0, definitief.GetProperty("count").GetInt32());
        }

        var value = field == "richting" ? "uitgaand" : "Gewijzigd";
        body[field] = value;
        var put = await app.Client().PutAsJsonAsync(CatalogiApp.PathOf(url), body);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var patch = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(url), new Dictionary<string, object> { [field] = field == "richting" ? "intern" : "Weer anders" });
        Assert.True(patch.StatusCode == HttpStatusCode.OK, await patch.Content.ReadAsStringAsync());
        Assert.Equal(field == "richting" ? "intern" : "Weer anders", (await app.GetAsync(url))[field]!.GetValue<string>());
        Assert.NotEqual(get.Headers.ETag, (await app.Client().GetAsync(CatalogiApp.PathOf(url))).Headers.ETag);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync(CatalogiApp.PathOf(url))).StatusCode);
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(CatalogiApp.PathOf(url)), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM outbox WHERE payload->>'resourceUrl' = @url", new { url }));
    }

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task Create_WithAZaaktypeThatDoesNotExist_IsDoesNotExist(string collection, string field)
    {
        var (_, _, body) = await ArrangeAsync(collection);
        body["zaaktype"] = $"{CatalogiApp.ApiRoot}/zaaktypen/{Guid.NewGuid()}";
        var response = await app.Client().PostAsJsonAsync($"/catalogi/api/v1/{collection}", body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaaktype", "does_not_exist");
        Assert.NotEmpty(field);
    }

    [Fact]
    public async Task Statustype_IsEindstatus_IsTheHighestVolgnummer_AndVolgnummerIsUnique()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        var eerste = await app.CreateAsync("statustypen", Samples.Statustype(zaaktype, 1));
        var laatste = await app.CreateAsync("statustypen", Samples.Statustype(zaaktype, 2));
        Assert.False((await app.GetAsync(Samples.Url(eerste)))["isEindstatus"]!.GetValue<bool>());
        Assert.True(laatste["isEindstatus"]!.GetValue<bool>());
        var response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/statustypen", Samples.Statustype(zaaktype, 2));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
        var range = await app.Client().PostAsJsonAsync("/catalogi/api/v1/statustypen", Samples.Statustype(zaaktype, 10000));
        await ProblemAssert.IsProblemAsync(range, HttpStatusCode.BadRequest, "invalid", "volgnummer", "max_value");
    }

    [Fact]
    public async Task Statustype_Eigenschappen_AreTheEigenschappenWithThisStatustype()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        var statustype = Samples.Url(await app.CreateAsync("statustypen", Samples.Statustype(zaaktype, 1)));
        var body = Samples.Eigenschap(zaaktype);
        body["statustype"] = statustype;
        var eigenschap = await app.CreateAsync("eigenschappen", body);
        Assert.Equal(statustype, eigenschap["statustype"]!.GetValue<string>());
        Assert.Equal([Samples.Url(eigenschap)], (await app.GetAsync(statustype))["eigenschappen"]!.AsArray().Select(e => e!.GetValue<string>()));
        var patch = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(statustype), new { eigenschappen = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Null((await app.GetAsync(Samples.Url(eigenschap)))["statustype"]);
    }

    [Fact]
    public async Task Eigenschap_StatustypeOfAnotherZaaktype_IsInvalid()
    {
        var catalogus = await _samples.CatalogusAsync();
        var ander = await _samples.ZaaktypeAsync(catalogus);
        var statustype = Samples.Url(await app.CreateAsync("statustypen", Samples.Statustype(ander, 1)));
        var body = Samples.Eigenschap(await _samples.ZaaktypeAsync(catalogus));
        body["statustype"] = statustype;
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/eigenschappen", body), HttpStatusCode.BadRequest,
            "invalid", "statustype", "invalid");
    }

    [Fact]
    public async Task Ztc015_DatumEigenschap_HasLengte8()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        var response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/eigenschappen", Samples.Eigenschap(zaaktype, formaat: "datum", lengte: "10"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "specificatie.lengte", "invalid");
        await app.CreateAsync("eigenschappen", Samples.Eigenschap(zaaktype, formaat: "datum", lengte: "8"));
        await app.CreateAsync("eigenschappen", Samples.Eigenschap(zaaktype, formaat: "datum_tijd", lengte: "14"));
    }

    [Fact]
    public async Task Roltype_ListFiltersOnOmschrijvingGeneriek_AndRefusesAnUnknownValue()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        await app.CreateAsync("roltypen", Samples.Roltype(zaaktype, "initiator"));
        await app.CreateAsync("roltypen", Samples.Roltype(zaaktype, "behandelaar"));
        var q = $"/catalogi/api/v1/roltypen?zaaktype={Uri.EscapeDataString(zaaktype)}&status=alles";
        Assert.Equal(1, CatalogiApp.Json(await app.Client().GetStringAsync(q + "&omschrijvingGeneriek=behandelaar")).GetProperty("count").GetInt32());
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(q + "&omschrijvingGeneriek=baas"), HttpStatusCode.BadRequest, "invalid",
            "omschrijvingGeneriek");
    }

    [Fact]
    public async Task T12_CatalogusOfAPart_MustBeTheZaaktypes()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.ZaaktypeAsync(catalogus);
        var elders = await _samples.CatalogusAsync();
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/zaakobjecttypen", Samples.Zaakobjecttype(zaaktype, elders)),
            HttpStatusCode.BadRequest, "invalid", "catalogus", "relations-incorrect-catalogus");
        var roltype = Samples.Roltype(zaaktype);
        roltype["catalogus"] = elders;
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/roltypen", roltype),
            HttpStatusCode.BadRequest, "invalid", "catalogus", "relations-incorrect-catalogus");
    }

    [Fact]
    public async Task T12_ZaaktypeInformatieobjecttype_InformatieobjecttypeOfAnotherCatalogus_IsRelationsIncorrectCatalogus()
    {
        var elders = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("IOT-");
        await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(elders, omschrijving));
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        var response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/zaaktype-informatieobjecttypen",
            Samples.ZaaktypeInformatieobjecttype(zaaktype, omschrijving));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobjecttype", "relations-incorrect-catalogus");
        response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/zaaktype-informatieobjecttypen",
            Samples.ZaaktypeInformatieobjecttype(zaaktype, "bestaat niet"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobjecttype", "does_not_exist");
    }

    [Fact]
    public async Task ZaaktypeInformatieobjecttype_ListFiltersOnInformatieobjecttypeNameOrUrl_AndRichting()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("IOT-");
        var iot = Samples.Url(await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus, omschrijving)));
        var zaaktype = await _samples.ZaaktypeAsync(catalogus);
        await app.CreateAsync("zaaktype-informatieobjecttypen", Samples.ZaaktypeInformatieobjecttype(zaaktype, omschrijving));
        var q = "/catalogi/api/v1/zaaktype-informatieobjecttypen?status=alles";
        Assert.Equal(1, Count(await app.Client().GetStringAsync($"{q}&informatieobjecttype={Uri.EscapeDataString(omschrijving)}")));
        Assert.Equal(1, Count(await app.Client().GetStringAsync($"{q}&informatieobjecttype={Uri.EscapeDataString(iot)}&richting=inkomend")));
        Assert.Equal(0, Count(await app.Client().GetStringAsync($"{q}&informatieobjecttype={Uri.EscapeDataString(iot)}&richting=uitgaand")));
    }

    [Fact]
    public async Task Zaakobjecttype_ListFilters()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.ZaaktypeAsync(catalogus, begin: "2024-02-01");
        await app.CreateAsync("zaakobjecttypen", Samples.Zaakobjecttype(zaaktype, catalogus));
        var q = $"/catalogi/api/v1/zaakobjecttypen?catalogus={Uri.EscapeDataString(catalogus)}";
        Assert.Equal(1, Count(await app.Client().GetStringAsync($"{q}&anderObjecttype=false&relatieOmschrijving=Melding%20over")));
        Assert.Equal(1, Count(await app.Client().GetStringAsync($"{q}&datumBeginGeldigheid=2024-02-01&datumGeldigheid=2024-03-01")));
        Assert.Equal(0, Count(await app.Client().GetStringAsync($"{q}&datumGeldigheid=2024-01-31")));
        Assert.Equal(1, Count(await app.Client().GetStringAsync(
            $"{q}&objecttype={Uri.EscapeDataString("https://objecttypen.example.nl/api/v2/objecttypes/1")}")));
    }

    private static int Count(string page) => CatalogiApp.Json(page).GetProperty("count").GetInt32();
}
