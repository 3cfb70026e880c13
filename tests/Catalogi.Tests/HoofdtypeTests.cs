using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary><c>/besluittypen</c> and <c>/informatieobjecttypen</c>: the operations, filters and notifications.</summary>
[Collection(CatalogiCollection.Name)]
public sealed class HoofdtypeTests(CatalogiApp app)
{
    private readonly Samples _samples = new(app);

    public static TheoryData<string, string> Types => new()
    {
        { "besluittypen", "besluittypen" },
        { "informatieobjecttypen", "informatieobjecttypen" },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Create_Read_Update_PartialUpdate_Publish_Delete_WithNotifications(string collection, string kanaal)
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("T-");
        var body = collection == "besluittypen" ? Samples.Besluittype(catalogus, omschrijving) : Samples.Informatieobjecttype(catalogus, omschrijving);
        var path = $"/catalogi/api/v1/{collection}";

        var create = await app.Client().PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var url = Samples.Url(JsonNode.Parse(await create.Content.ReadAsStringAsync())!.AsObject());
        Assert.Equal(url, create.Headers.Location!.ToString());

        var get = await app.Client(CatalogiApp.Lezer).GetAsync(CatalogiApp.PathOf(url));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(get.Headers.ETag);
        var read = JsonNode.Parse(await get.Content.ReadAsStringAsync())!;
        Assert.True(read["concept"]!.GetValue<bool>());
        Assert.Equal(catalogus, read["catalogus"]!.GetValue<string>());

        body["beginObject"] = "2023-01-01";
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PutAsJsonAsync(CatalogiApp.PathOf(url), body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(url), new { eindeObject = "2030-01-01" })).StatusCode);
        Assert.Equal("2023-01-01", (await app.GetAsync(url))["beginObject"]!.GetValue<string>());

        var list = $"{path}?catalogus={Uri.EscapeDataString(catalogus)}&omschrijving={omschrijving}";
        Assert.Equal(0, Count(await app.Client().GetStringAsync(list)));
        Assert.Equal(1, Count(await app.Client().GetStringAsync(list + "&status=concept")));

        var publish = await app.Client().PostAsync(CatalogiApp.PathOf(url) + "/publish", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Equal(1, Count(await app.Client().GetStringAsync(list)));
        Assert.Equal(1, Count(await app.Client().GetStringAsync(list + "&datumGeldigheid=2024-01-01")));
        Assert.Equal(0, Count(await app.Client().GetStringAsync(list + "&datumGeldigheid=2023-12-31")));

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client(CatalogiApp.Corrector).DeleteAsync(CatalogiApp.PathOf(url))).StatusCode);
        Assert.Equal("create,update,partial_update,destroy", await app.QueryAsync<string>("""
            SELECT string_agg(payload->>'actie', ',' ORDER BY seq) FROM outbox
            WHERE payload->>'resourceUrl' = @url AND payload->>'kanaal' = @kanaal AND payload->'kenmerken'->>'catalogus' = @catalogus
            """, new { url, kanaal, catalogus }));
    }

    [Fact]
    public async Task Besluittype_ListFiltersOnZaaktypenAndInformatieobjecttypen()
    {
        var catalogus = await _samples.CatalogusAsync();
        var iotNaam = Samples.Unique("IOT-");
        var iot = Samples.Url(await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus, iotNaam)));
        var btNaam = Samples.Unique("BT-");
        await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus, btNaam, [iotNaam]));
        var zaaktype = await _samples.ZaaktypeAsync(catalogus, besluittypen: [btNaam]);
        var q = "/catalogi/api/v1/besluittypen?status=alles";
        Assert.Equal(1, Count(await app.Client().GetStringAsync($"{q}&zaaktypen={Uri.EscapeDataString(zaaktype)}")));
        Assert.Equal(1, Count(await app.Client().GetStringAsync($"{q}&informatieobjecttypen={Uri.EscapeDataString(iot)}")));
        Assert.Equal(0, Count(await app.Client().GetStringAsync($"{q}&zaaktypen={Uri.EscapeDataString(CatalogiApp.ApiRoot + "/zaaktypen/" + Guid.NewGuid())}")));
    }

    [Fact]
    public async Task Besluittype_InformatieobjecttypenAreOmschrijvingen_ThatMustExist()
    {
        var catalogus = await _samples.CatalogusAsync();
        var response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/besluittypen", Samples.Besluittype(catalogus, informatieobjecttypen: ["onbekend"]));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobjecttypen.0", "does_not_exist");
    }

    [Fact]
    public async Task InformatieobjecttypeCreate_Answers201_NotThe200TheOasDeclares()
    {
        var response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/informatieobjecttypen",
            Samples.Informatieobjecttype(await _samples.CatalogusAsync()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task EindeGeldigheidBeforeBegin_IsDateMismatch()
    {
        var response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/besluittypen",
            Samples.Besluittype(await _samples.CatalogusAsync(), begin: "2024-01-01", einde: "2023-01-01"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "eindeGeldigheid", "date-mismatch");
    }

    [Fact]
    public async Task Writes_OfAMissingType_Are404()
    {
        var path = $"/catalogi/api/v1/besluittypen/{Guid.NewGuid()}";
        await ProblemAssert.IsProblemAsync(await app.Client().PatchAsJsonAsync(path, new { }), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await app.Client().DeleteAsync(path), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsync(path + "/publish", JsonContent.Create(new { })), HttpStatusCode.NotFound,
            "not_found");
    }

    private static int Count(string page) => CatalogiApp.Json(page).GetProperty("count").GetInt32();
}
