using System.Net;
using System.Net.Http.Json;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary>
/// T1/T2: the Selectielijst references of zaaktype and resultaattype (ztc-001, ztc-002), validated through the URL resolver
/// against the Selectielijst fixture server, and the brondatumArchiefprocedure rules (ztc-003..008).
/// </summary>
[Collection(CatalogiCollection.Name)]
public sealed class ResultaattypeRulesTests(CatalogiApp app)
{
    private const string Resultaattypen = "/catalogi/api/v1/resultaattypen";
    private readonly Samples _samples = new(app);

    private async Task<string> ZaaktypeAsync() => await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());

    private async Task AssertRefused(object body, string name, string code)
    {
        var before = await app.QueryAsync<long>("SELECT count(*) FROM resultaattype");
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync(Resultaattypen, body), HttpStatusCode.BadRequest, "invalid", name, code);
        Assert.Equal(before, await app.QueryAsync<long>("SELECT count(*) FROM resultaattype"));
    }

    [Fact]
    public async Task Ztc002_Create_DerivesOmschrijvingGeneriekArchiefnominatieAndArchiefactietermijn()
    {
        var created = await app.CreateAsync("resultaattypen", _samples.Resultaattype(await ZaaktypeAsync()), CatalogiApp.Schrijver);
        Assert.Equal("Afgehandeld", created["omschrijvingGeneriek"]!.GetValue<string>());
        Assert.Equal("vernietigen", created["archiefnominatie"]!.GetValue<string>());
        Assert.Equal("P10Y", created["archiefactietermijn"]!.GetValue<string>());
        Assert.Equal("afgehandeld", created["brondatumArchiefprocedure"]!["afleidingswijze"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ztc002_ExplicitArchiefnominatie_IsKept()
    {
        var body = _samples.Resultaattype(await ZaaktypeAsync());
        body["archiefnominatie"] = "blijvend_bewaren";
        body["archiefactietermijn"] = "P20Y";
        var created = await app.CreateAsync("resultaattypen", body);
        Assert.Equal("blijvend_bewaren", created["archiefnominatie"]!.GetValue<string>());
        Assert.Equal("P20Y", created["archiefactietermijn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ztc002_SelectielijstklasseOfAnotherProcestype_IsProcestypeMismatch() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(), selectielijstklasse: app.Sl(CatalogiApp.ResultaatAnderProces)),
            "nonFieldErrors", "procestype-mismatch");

    [Fact]
    public async Task Ztc002_SelectielijstklasseThatDoesNotExist_IsBadUrl() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(), selectielijstklasse: app.Sl("resultaten/" + Guid.NewGuid())),
            "selectielijstklasse", "bad-url");

    [Fact]
    public async Task Ztc002_SelectielijstklasseOutsideTheSelectielijstApi_IsBadUrl() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(), selectielijstklasse: "https://elders.example.nl/api/v1/resultaten/1"),
            "selectielijstklasse", "bad-url");

    [Fact]
    public async Task Ztc002_AUrlOfTheWrongShape_IsInvalidResource() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(), selectielijstklasse: app.Sl("resultaten/?procesType=x")),
            "selectielijstklasse", "invalid-resource");

    [Fact]
    public async Task Ztc001_SelectielijstProcestype_IsResolved()
    {
        var body = _samples.Zaaktype(await _samples.CatalogusAsync());
        body["selectielijstProcestype"] = app.Sl("procestypen/" + Guid.NewGuid());
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/zaaktypen", body), HttpStatusCode.BadRequest,
            "invalid", "selectielijstProcestype", "bad-url");
        body["selectielijstProcestype"] = app.Sl(CatalogiApp.ResultaatNihil);
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/zaaktypen", body), HttpStatusCode.BadRequest,
            "invalid", "selectielijstProcestype", "bad-url");
    }

    [Fact]
    public async Task Ztc003_NihilRequiresAfgehandeld() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(), brondatumArchiefprocedure: new { afleidingswijze = "hoofdzaak" }),
            "nonFieldErrors", "invalid-afleidingswijze-for-procestermijn");

    [Fact]
    public async Task Ztc003_IngeschatteBestaansduurRequiresTermijn() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(), selectielijstklasse: app.Sl(CatalogiApp.ResultaatIngeschat),
            brondatumArchiefprocedure: new { afleidingswijze = "afgehandeld" }), "nonFieldErrors", "invalid-afleidingswijze-for-procestermijn");

    [Fact]
    public async Task Ztc003_WithoutProcestermijn_AnyAfleidingswijzeGoes()
    {
        var created = await app.CreateAsync("resultaattypen", _samples.Resultaattype(await ZaaktypeAsync(),
            selectielijstklasse: app.Sl(CatalogiApp.ResultaatZonderTermijn), brondatumArchiefprocedure: new { afleidingswijze = "hoofdzaak" }));
        Assert.Equal("blijvend_bewaren", created["archiefnominatie"]!.GetValue<string>());
        Assert.Null(created["archiefactietermijn"]);
    }

    [Fact]
    public async Task Ztc004_DatumkenmerkRequiredForEigenschap_AndEmptyOtherwise()
    {
        var zaaktype = await ZaaktypeAsync();
        var zonderTermijn = app.Sl(CatalogiApp.ResultaatZonderTermijn);
        await AssertRefused(_samples.Resultaattype(zaaktype, selectielijstklasse: zonderTermijn,
            brondatumArchiefprocedure: new { afleidingswijze = "eigenschap" }), "brondatumArchiefprocedure.datumkenmerk", "required");
        await AssertRefused(_samples.Resultaattype(zaaktype, brondatumArchiefprocedure: new { afleidingswijze = "afgehandeld", datumkenmerk = "x" }),
            "brondatumArchiefprocedure.datumkenmerk", "must-be-empty");
    }

    [Fact]
    public async Task Ztc005_EinddatumBekendMustBeEmptyForAfgehandeld() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(),
            brondatumArchiefprocedure: new { afleidingswijze = "afgehandeld", einddatumBekend = true }),
            "brondatumArchiefprocedure.einddatumBekend", "must-be-empty");

    [Fact]
    public async Task Ztc006_ObjecttypeRequiredForZaakobject() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(), selectielijstklasse: app.Sl(CatalogiApp.ResultaatZonderTermijn),
            brondatumArchiefprocedure: new { afleidingswijze = "zaakobject", datumkenmerk = "einddatum" }),
            "brondatumArchiefprocedure.objecttype", "required");

    [Fact]
    public async Task Ztc007_RegistratieRequiredForAnderDatumkenmerk() =>
        await AssertRefused(_samples.Resultaattype(await ZaaktypeAsync(), selectielijstklasse: app.Sl(CatalogiApp.ResultaatZonderTermijn),
            brondatumArchiefprocedure: new { afleidingswijze = "ander_datumkenmerk", datumkenmerk = "vervaldatum", objecttype = "pand" }),
            "brondatumArchiefprocedure.registratie", "required");

    [Fact]
    public async Task Ztc008_ProcestermijnRequiredForTermijn_AndEmptyOtherwise()
    {
        var zaaktype = await ZaaktypeAsync();
        await AssertRefused(_samples.Resultaattype(zaaktype, selectielijstklasse: app.Sl(CatalogiApp.ResultaatIngeschat),
            brondatumArchiefprocedure: new { afleidingswijze = "termijn" }), "brondatumArchiefprocedure.procestermijn", "required");
        await AssertRefused(_samples.Resultaattype(zaaktype, brondatumArchiefprocedure: new { afleidingswijze = "afgehandeld", procestermijn = "P5Y" }),
            "brondatumArchiefprocedure.procestermijn", "must-be-empty");
        var created = await app.CreateAsync("resultaattypen", _samples.Resultaattype(zaaktype, selectielijstklasse: app.Sl(CatalogiApp.ResultaatIngeschat),
            brondatumArchiefprocedure: new { afleidingswijze = "termijn", procestermijn = "P5Y" }));
        Assert.Equal("P5Y", created["brondatumArchiefprocedure"]!["procestermijn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unique_OmschrijvingPerZaaktype()
    {
        var zaaktype = await ZaaktypeAsync();
        await app.CreateAsync("resultaattypen", _samples.Resultaattype(zaaktype, "Toegekend"));
        await AssertRefused(_samples.Resultaattype(zaaktype, "Toegekend"), "nonFieldErrors", "unique");
    }
}
