using System.Net;
using System.Net.Http.Json;
using System.Text;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary>ZGW HTTP semantics on the Catalogi API: API-version, pagination (G4), query parameters (G3), content types, expand (G10).</summary>
[Collection(CatalogiCollection.Name)]
public sealed class HttpSemanticsTests(CatalogiApp app)
{
    private readonly Samples _samples = new(app);

    [Fact]
    public async Task EveryResponse_CarriesApiVersion133()
    {
        var response = await app.Client().GetAsync("/catalogi/api/v1/catalogussen");
        Assert.Equal("1.3.3", response.Headers.GetValues("API-version").Single());
    }

    [Fact]
    public async Task Pagination_HasAbsoluteLinks_AndAPagePastTheLastIs404()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        for (var i = 0; i < 3; i++)
            await app.CreateAsync("roltypen", Samples.Roltype(zaaktype));
        var q = $"/catalogi/api/v1/roltypen?zaaktype={Uri.EscapeDataString(zaaktype)}&status=alles&pageSize=2";
        var first = CatalogiApp.Json(await app.Client().GetStringAsync(q));
        Assert.Equal(3, first.GetProperty("count").GetInt32());
        Assert.Equal(2, first.GetProperty("results").GetArrayLength());
        var next = first.GetProperty("next").GetString()!;
        Assert.StartsWith(CatalogiApp.ApiRoot + "/roltypen?", next);
        var second = CatalogiApp.Json(await app.Client().GetStringAsync(CatalogiApp.PathOf(next)));
        Assert.Single(second.GetProperty("results").EnumerateArray());
        Assert.Equal(JsonValueKindNull, second.GetProperty("next").ValueKind);
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(q + "&page=3"), HttpStatusCode.NotFound, "not_found");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task DetailAndWrites_RefuseUnknownQueryParameters()
    {
        var catalogus = await _samples.CatalogusAsync();
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(CatalogiApp.PathOf(catalogus) + "?datumGeldigheid=2024-01-01"),
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/catalogussen?x=1", Samples.Catalogus()),
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Write_WithoutJson_Is415_AndMalformedJsonIs400()
    {
        var text = await app.Client().PostAsync("/catalogi/api/v1/catalogussen", new StringContent("domein=X", Encoding.UTF8, "text/plain"));
        await ProblemAssert.IsProblemAsync(text, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var broken = await app.Client().PostAsync("/catalogi/api/v1/catalogussen", new StringContent("{\"domein\": ", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(broken, HttpStatusCode.BadRequest, "parse_error");
        var wrongType = await app.Client().PostAsync("/catalogi/api/v1/statustypen",
            new StringContent("{\"volgnummer\": \"een\"}", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.BadRequest, "invalid", "volgnummer", "invalid");
    }

    [Fact]
    public async Task Expand_OnAList_ExpandsEveryItem_AndOnACatalogusItsTypes()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.PublishableZaaktypeAsync(catalogus);
        var page = CatalogiApp.Json(await app.Client().GetStringAsync(
            $"/catalogi/api/v1/statustypen?zaaktype={Uri.EscapeDataString(zaaktype)}&status=alles&expand=zaaktype.catalogus"));
        Assert.All(page.GetProperty("results").EnumerateArray(), s =>
            Assert.Equal(catalogus, s.GetProperty("_expand").GetProperty("zaaktype").GetProperty("_expand").GetProperty("catalogus").GetProperty("url").GetString()));
        var read = CatalogiApp.Json(await app.Client().GetStringAsync(CatalogiApp.PathOf(catalogus) + "?expand=zaaktypen,besluittypen"));
        Assert.Equal(zaaktype, read.GetProperty("_expand").GetProperty("zaaktypen")[0].GetProperty("url").GetString());
        Assert.Equal(0, read.GetProperty("_expand").GetProperty("besluittypen").GetArrayLength());
    }

    [Fact]
    public async Task Expand_OfAnEmptySingleRelation_IsAnEmptyObject()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        var eigenschap = Samples.Url(await app.CreateAsync("eigenschappen", Samples.Eigenschap(zaaktype)));
        var read = CatalogiApp.Json(await app.Client().GetStringAsync(CatalogiApp.PathOf(eigenschap) + "?expand=statustype"));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, read.GetProperty("_expand").GetProperty("statustype").ValueKind);
        Assert.Empty(read.GetProperty("_expand").GetProperty("statustype").EnumerateObject());
    }

    [Fact]
    public async Task OfficialOas_IsServedWithoutAToken()
    {
        var response = await app.Anonymous().GetAsync("/catalogi/api/v1/schema/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var oas = CatalogiApp.Json(await response.Content.ReadAsStringAsync());
        Assert.Equal("1.3.3", oas.GetProperty("info").GetProperty("version").GetString());
        Assert.Equal(CatalogiApp.ApiRoot, oas.GetProperty("servers")[0].GetProperty("url").GetString());
    }
}
