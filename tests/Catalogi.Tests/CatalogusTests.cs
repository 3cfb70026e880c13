using System.Net;
using System.Net.Http.Json;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary><c>/catalogussen</c>: list, create, read, HEAD, update, partial update.</summary>
[Collection(CatalogiCollection.Name)]
public sealed class CatalogusTests(CatalogiApp app)
{
    private const string Catalogussen = "/catalogi/api/v1/catalogussen";
    private readonly Samples _samples = new(app);

    [Fact]
    public async Task Create_Returns201WithLocation_AndTheOasShape()
    {
        var response = await app.Client().PostAsJsonAsync(Catalogussen, Samples.Catalogus());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = CatalogiApp.Json(await response.Content.ReadAsStringAsync());
        var url = body.GetProperty("url").GetString()!;
        Assert.StartsWith(CatalogiApp.ApiRoot + "/catalogussen/", url);
        Assert.Equal(url, response.Headers.Location!.ToString());
        Assert.Equal(0, body.GetProperty("zaaktypen").GetArrayLength());
        Assert.Equal("2024-01-01", body.GetProperty("begindatumVersie").GetString());
    }

    [Fact]
    public async Task Create_DomeinRsinTwice_IsUnique()
    {
        var body = Samples.Catalogus();
        await app.CreateAsync("catalogussen", body);
        var response = await app.Client().PostAsJsonAsync(Catalogussen, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
    }

    [Fact]
    public async Task Create_InvalidFields_Are400WithEveryField()
    {
        var body = Samples.Catalogus();
        body["rsin"] = "123456789";
        body["domein"] = "TOOLONG";
        body["contactpersoonBeheerEmailadres"] = "geen-email";
        var response = await app.Client().PostAsJsonAsync(Catalogussen, body);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "rsin", "invalid");
        var names = problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("domein", names);
        Assert.Contains("contactpersoonBeheerEmailadres", names);
    }

    [Fact]
    public async Task Read_HasETag_HeadHasNoBody_IfNoneMatchIs304()
    {
        var url = await _samples.CatalogusAsync();
        var get = await app.Client(CatalogiApp.Lezer).GetAsync(CatalogiApp.PathOf(url));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        await ETagAssert.HeadAndNotModifiedAsync(app.Client(CatalogiApp.Lezer), CatalogiApp.PathOf(url), get.Headers.ETag!);
    }

    [Fact]
    public async Task List_FiltersOnDomeinIn_AndRefusesUnknownParameters()
    {
        var a = await app.CreateAsync("catalogussen", Samples.Catalogus());
        var b = await app.CreateAsync("catalogussen", Samples.Catalogus());
        var list = CatalogiApp.Json(await app.Client().GetStringAsync($"{Catalogussen}?domein__in={a["domein"]},{b["domein"]}"));
        Assert.Equal(2, list.GetProperty("count").GetInt32());
        var response = await app.Client().GetAsync($"{Catalogussen}?onbekend=1");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task UpdateAndPartialUpdate_ChangeTheCatalogus()
    {
        var url = await _samples.CatalogusAsync();
        var body = Samples.Catalogus();
        body["naam"] = "Nieuw";
        var put = await app.Client().PutAsJsonAsync(CatalogiApp.PathOf(url), body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var patch = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(url), new { versie = "2" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var read = await app.GetAsync(url);
        Assert.Equal("Nieuw", read["naam"]!.GetValue<string>());
        Assert.Equal("2", read["versie"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_WithOnlyLezen_Is403()
    {
        var response = await app.Client(CatalogiApp.Lezer).PostAsJsonAsync(Catalogussen, Samples.Catalogus());
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
    }
}
