using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary>ztc-009, ztc-010, ztc-012 (Open Zaak's publish checks) and ztc-016: published types and versions.</summary>
[Collection(CatalogiCollection.Name)]
public sealed class PublishedTypeRulesTests(CatalogiApp app)
{
    private readonly Samples _samples = new(app);

    [Fact]
    public async Task Ztc009_PublishedZaaktype_CannotBeChanged()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.PublishedZaaktypeAsync(catalogus);
        var before = await app.QueryAsync<long>("SELECT count(*) FROM outbox");
        var put = await app.Client().PutAsJsonAsync(CatalogiApp.PathOf(zaaktype), _samples.Zaaktype(catalogus));
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "non-concept-object");
        var patch = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(zaaktype), new { omschrijving = "Anders" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "non-concept-object");
        Assert.Equal("Melding openbare ruimte", (await app.GetAsync(zaaktype))["omschrijving"]!.GetValue<string>());
        Assert.Equal(before, await app.QueryAsync<long>("SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task Ztc009_PublishedZaaktype_PatchOfOnlyEindeGeldigheid_IsAllowed()
    {
        var zaaktype = await _samples.PublishedZaaktypeAsync(await _samples.CatalogusAsync());
        var patch = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(zaaktype), new { eindeGeldigheid = "2030-12-31" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("2030-12-31", (await app.GetAsync(zaaktype))["eindeGeldigheid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ztc009_Correctie_WithGeforceerdSchrijven_ChangesAPublishedType()
    {
        var zaaktype = await _samples.PublishedZaaktypeAsync(await _samples.CatalogusAsync());
        var patch = await app.Client(CatalogiApp.Corrector).PatchAsJsonAsync(CatalogiApp.PathOf(zaaktype), new { trefwoorden = new[] { "extra" } });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
    }

    [Fact]
    public async Task Ztc009_PublishedTypes_CannotBeDeleted_ExceptWithGeforceerdVerwijderen()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.PublishedZaaktypeAsync(catalogus);
        var besluittype = Samples.Url(await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus)));
        await app.PublishAsync(besluittype);
        var informatieobjecttype = Samples.Url(await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus)));
        await app.PublishAsync(informatieobjecttype);
        foreach (var url in new[] { zaaktype, besluittype, informatieobjecttype })
        {
            await ProblemAssert.IsProblemAsync(await app.Client().DeleteAsync(CatalogiApp.PathOf(url)), HttpStatusCode.BadRequest, "invalid",
                "nonFieldErrors", "non-concept-object");
            Assert.Equal(HttpStatusCode.NoContent, (await app.Client(CatalogiApp.Corrector).DeleteAsync(CatalogiApp.PathOf(url))).StatusCode);
        }
    }

    [Fact]
    public async Task Ztc009_PublishedBesluittypeAndInformatieobjecttype_CannotBeChanged()
    {
        var catalogus = await _samples.CatalogusAsync();
        var besluittype = Samples.Url(await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus)));
        await app.PublishAsync(besluittype);
        var informatieobjecttype = Samples.Url(await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus)));
        await app.PublishAsync(informatieobjecttype);
        await ProblemAssert.IsProblemAsync(await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(besluittype), new { toelichting = "x" }),
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "non-concept-object");
        await ProblemAssert.IsProblemAsync(await app.Client().PutAsJsonAsync(CatalogiApp.PathOf(informatieobjecttype), Samples.Informatieobjecttype(catalogus)),
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "non-concept-object");
        Assert.Equal(HttpStatusCode.OK,
            (await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(besluittype), new { eindeGeldigheid = "2031-01-01" })).StatusCode);
    }

    [Fact]
    public async Task Ztc010_PartsOfAPublishedZaaktype_CannotBeCreatedChangedOrDeleted()
    {
        var catalogus = await _samples.CatalogusAsync();
        var zaaktype = await _samples.PublishedZaaktypeAsync(catalogus);
        var statustype = (await app.GetAsync(zaaktype))["statustypen"]![0]!.GetValue<string>();
        var create = await app.Client().PostAsJsonAsync("/catalogi/api/v1/statustypen", Samples.Statustype(zaaktype, 3));
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.BadRequest, "invalid", "zaaktype", "non-concept-zaaktype");
        var patch = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(statustype), new { omschrijving = "Anders" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.BadRequest, "invalid", "zaaktype", "non-concept-zaaktype");
        var delete = await app.Client().DeleteAsync(CatalogiApp.PathOf(statustype));
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "non-concept-zaaktype");
        foreach (var (collection, body) in new (string, object)[]
                 {
                     ("roltypen", Samples.Roltype(zaaktype)), ("eigenschappen", Samples.Eigenschap(zaaktype)),
                     ("resultaattypen", _samples.Resultaattype(zaaktype)), ("zaakobjecttypen", Samples.Zaakobjecttype(zaaktype, catalogus)),
                 })
            await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync($"/catalogi/api/v1/{collection}", body), HttpStatusCode.BadRequest,
                "invalid", "zaaktype", "non-concept-zaaktype");
    }

    [Fact]
    public async Task Ztc010_Correctie_AddsATrailingStatustypeToAPublishedZaaktype()
    {
        var zaaktype = await _samples.PublishedZaaktypeAsync(await _samples.CatalogusAsync());
        var created = await app.CreateAsync("statustypen", Samples.Statustype(zaaktype, 3), CatalogiApp.Corrector);
        Assert.True(created["isEindstatus"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client(CatalogiApp.Corrector).DeleteAsync(CatalogiApp.PathOf(Samples.Url(created)))).StatusCode);
    }

    [Fact]
    public async Task Ztc010_ZaaktypeInformatieobjecttype_IsProtectedOnlyWhenItsInformatieobjecttypeIsPublishedToo()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("IOT-");
        var informatieobjecttype = Samples.Url(await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus, omschrijving)));
        var zaaktype = await _samples.PublishableZaaktypeAsync(catalogus);
        var ziot = Samples.Url(await app.CreateAsync("zaaktype-informatieobjecttypen", Samples.ZaaktypeInformatieobjecttype(zaaktype, omschrijving)));
        await app.PublishAsync(informatieobjecttype);
        await app.PublishAsync(zaaktype);
        await ProblemAssert.IsProblemAsync(await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(ziot), new { richting = "uitgaand" }),
            HttpStatusCode.BadRequest, "invalid", "zaaktype", "non-concept-zaaktype");
    }

    [Fact]
    public async Task Ztc012_Publish_WithConceptBesluittype_IsConceptRelation()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("BT-");
        var besluittype = Samples.Url(await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus, omschrijving)));
        var zaaktype = await _samples.PublishableZaaktypeAsync(catalogus, besluittypen: [omschrijving]);
        var response = await app.Client().PostAsync(CatalogiApp.PathOf(zaaktype) + "/publish", JsonContent.Create(new { }));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "concept-relation");
        Assert.True((await app.GetAsync(zaaktype))["concept"]!.GetValue<bool>());
        await app.PublishAsync(besluittype);
        await app.PublishAsync(zaaktype);
    }

    [Fact]
    public async Task Ztc012_Publish_WithConceptInformatieobjecttype_IsConceptRelation()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("IOT-");
        await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus, omschrijving));
        var zaaktype = await _samples.PublishableZaaktypeAsync(catalogus);
        await app.CreateAsync("zaaktype-informatieobjecttypen", Samples.ZaaktypeInformatieobjecttype(zaaktype, omschrijving));
        var response = await app.Client().PostAsync(CatalogiApp.PathOf(zaaktype) + "/publish", JsonContent.Create(new { }));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "concept-relation");
    }

    [Fact]
    public async Task Ztc012_Publish_WithoutTheMinimumParts_IsConceptRelationPerPart()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        await app.CreateAsync("statustypen", Samples.Statustype(zaaktype, 1));
        var response = await app.Client().PostAsync(CatalogiApp.PathOf(zaaktype) + "/publish", JsonContent.Create(new { }));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "statustypen", "concept-relation");
        var names = problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("resultaattypen", names);
        Assert.Contains("roltypen", names);
    }

    [Fact]
    public async Task Ztc012_BesluittypePublish_WithConceptInformatieobjecttype_IsConceptRelation()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("IOT-");
        await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus, omschrijving));
        var besluittype = Samples.Url(await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus, informatieobjecttypen: [omschrijving])));
        var response = await app.Client().PostAsync(CatalogiApp.PathOf(besluittype) + "/publish", JsonContent.Create(new { }));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "concept-relation");
    }

    [Fact]
    public async Task T4_StrictPublishOff_PublishesAsCatalogi133Allows()
    {
        await using var lenient = app.Factory.WithWebHostBuilder(b => b.UseSetting("Catalogi:StrictPublish", "false"));
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync());
        var client = lenient.CreateClient().WithToken(CatalogiApp.Schrijver, CatalogiApp.Secret);
        var response = await client.PostAsync(CatalogiApp.PathOf(zaaktype) + "/publish", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await app.GetAsync(zaaktype))["concept"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Ztc016_OverlappingVersionsOfAZaaktype_AreRefused()
    {
        var catalogus = await _samples.CatalogusAsync();
        var identificatie = Samples.Unique("ZT-");
        await _samples.ZaaktypeAsync(catalogus, identificatie, "2024-01-01");
        var response = await app.Client().PostAsJsonAsync("/catalogi/api/v1/zaaktypen", _samples.Zaaktype(catalogus, identificatie, "2025-01-01"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "beginGeldigheid", "overlap");
        var other = await _samples.CatalogusAsync();
        await _samples.ZaaktypeAsync(other, identificatie, "2025-01-01");
    }

    [Fact]
    public async Task Ztc016_ANewVersion_FitsAfterTheEndOfThePrevious()
    {
        var catalogus = await _samples.CatalogusAsync();
        var identificatie = Samples.Unique("ZT-");
        var v1 = await _samples.PublishedZaaktypeAsync(catalogus, identificatie, "2024-01-01");
        var early = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(v1), new { eindeGeldigheid = "2023-12-31" });
        await ProblemAssert.IsProblemAsync(early, HttpStatusCode.BadRequest, "invalid", "eindeGeldigheid", "date-mismatch");
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(v1), new { eindeGeldigheid = "2024-12-31" })).StatusCode);
        var v2 = await _samples.PublishedZaaktypeAsync(catalogus, identificatie, "2025-01-01");
        var back = await app.Client().PatchAsJsonAsync(CatalogiApp.PathOf(v1), new { eindeGeldigheid = "2025-06-30" });
        await ProblemAssert.IsProblemAsync(back, HttpStatusCode.BadRequest, "invalid", "eindeGeldigheid", "overlap");
        Assert.NotEqual(v1, v2);
    }

    [Fact]
    public async Task Ztc016_OverlappingVersionsOfABesluittypeOrInformatieobjecttype_AreRefused()
    {
        var catalogus = await _samples.CatalogusAsync();
        var omschrijving = Samples.Unique("T-");
        await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus, omschrijving, einde: "2024-12-31"));
        await app.CreateAsync("informatieobjecttypen", Samples.Informatieobjecttype(catalogus, omschrijving, einde: "2024-12-31"));
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/besluittypen",
            Samples.Besluittype(catalogus, omschrijving, begin: "2024-12-31")), HttpStatusCode.BadRequest, "invalid", "beginGeldigheid", "overlap");
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/informatieobjecttypen",
            Samples.Informatieobjecttype(catalogus, omschrijving, begin: "2024-06-01")), HttpStatusCode.BadRequest, "invalid", "beginGeldigheid", "overlap");
        await app.CreateAsync("besluittypen", Samples.Besluittype(catalogus, omschrijving, begin: "2025-01-01"));
    }

    [Fact]
    public async Task T10_PartsTakeTheGeldigheidOfTheirZaaktype_AndASentValueMustMatch()
    {
        var zaaktype = await _samples.ZaaktypeAsync(await _samples.CatalogusAsync(), begin: "2024-03-01", einde: "2026-02-28");
        var roltype = await app.CreateAsync("roltypen", Samples.Roltype(zaaktype));
        Assert.Equal("2024-03-01", roltype["beginGeldigheid"]!.GetValue<string>());
        Assert.Equal("2026-02-28", roltype["eindeGeldigheid"]!.GetValue<string>());
        var body = Samples.Roltype(zaaktype);
        body["beginGeldigheid"] = "2020-01-01";
        await ProblemAssert.IsProblemAsync(await app.Client().PostAsJsonAsync("/catalogi/api/v1/roltypen", body), HttpStatusCode.BadRequest,
            "invalid", "beginGeldigheid", "invalid");
    }
}
