using System.Net;
using System.Text.Json.Nodes;
using Zaken.Api.Resources.Archivering;
using Zgw.Api.Http;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>
/// zrc-021, the archiving derivation at closing, per <c>brondatumArchiefprocedure.afleidingswijze</c> (one test each, over
/// HTTP with a real Catalogi resultaattype). The resultaattypen have archiefnominatie <c>vernietigen</c> and
/// archiefactietermijn P10Y unless said otherwise; archiefnominatie is always copied from the resultaattype (Open Zaak;
/// the standard copies it only when the zaak has none).
/// </summary>
[Collection(ZakenCollection.Name)]
public sealed class ArchiveringTests(ZakenApp app)
{
    private static string Url(JsonObject o) => ZakenApp.Url(o);

    private Task<ZaaktypeSet> ZaaktypeAsync(object brondatumArchiefprocedure, string? archiefactietermijn = "P10Y") =>
        app.Seed.ZaaktypeAsync(app.A.Catalogus, brondatumArchiefprocedure: brondatumArchiefprocedure, archiefactietermijn: archiefactietermijn);

    private async Task AssertArchiefAsync(string zaak, string? archiefactiedatum, string? startdatumBewaartermijn)
    {
        Assert.Equal("vernietigen", await app.ZaakKolomAsync(zaak, "archiefnominatie"));
        Assert.Equal(archiefactiedatum, await app.ZaakKolomAsync(zaak, "archiefactiedatum"));
        Assert.Equal(startdatumBewaartermijn, await app.ZaakKolomAsync(zaak, "startdatum_bewaartermijn"));
    }

    private async Task<HttpResponseMessage> TryCloseAsync(string zaak, ZaaktypeSet set, string datum = "2024-03-10T12:00:00Z")
    {
        await app.CreateResultaatAsync(zaak, set.Resultaattype);
        return await app.PostStatusAsync(zaak, set.Eindstatustype, datum);
    }

    /// <summary>
    /// afgehandeld: brondatum = einddatum. Standard and Open Zaak agree; Open Zaak additionally stores the brondatum as
    /// startdatumBewaartermijn.
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_Afgehandeld_UsesEinddatum()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CloseAsync(zaak, app.A, "2024-03-10T12:00:00Z");
        await AssertArchiefAsync(zaak, "2034-03-10", "2024-03-10");
    }

    /// <summary>
    /// hoofdzaak: brondatum = einddatum of the hoofdzaak. The standard says nothing about a deelzaak closing before its
    /// hoofdzaak (which Z5 requires); as in Open Zaak the deelzaak closes without a date and gets it when the hoofdzaak
    /// closes. Without any hoofdzaak: 400 archiefactiedatum-error (Open Zaak; the standard would leave the date empty).
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_Hoofdzaak_UsesEinddatumOfHoofdzaak()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "hoofdzaak" });
        var hoofdzaak = Url(await app.CreateZaakAsync(app.A.Url));
        var deelzaak = Url(await app.CreateZaakAsync(set.Url));
        await app.SetHoofdzaakAsync(deelzaak, hoofdzaak);

        await app.CloseAsync(deelzaak, set, "2024-03-05T12:00:00Z");
        Assert.Equal("2024-03-05", await app.ZaakKolomAsync(deelzaak, "einddatum"));
        await AssertArchiefAsync(deelzaak, null, null);

        await app.CloseAsync(hoofdzaak, app.A, "2024-04-01T12:00:00Z");
        await AssertArchiefAsync(deelzaak, "2034-04-01", "2024-04-01");

        var zonderHoofdzaak = Url(await app.CreateZaakAsync(set.Url));
        var response = await TryCloseAsync(zonderHoofdzaak, set);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "archiefactiedatum-error");
        Assert.Null(await app.ZaakKolomAsync(zonderHoofdzaak, "einddatum"));
    }

    /// <summary>
    /// eigenschap: brondatum = waarde of the zaakeigenschap named datumkenmerk. Without that zaakeigenschap the zaak closes
    /// without a date (Open Zaak: postponable; the standard: leave it empty); an unreadable date is a 400 (Open Zaak).
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_Eigenschap_UsesTheZaakeigenschapNamedDatumkenmerk()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "eigenschap", datumkenmerk = "datum" });
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.InsertZaakeigenschapAsync(zaak, set.Eigenschap, "datum", "20240115");
        await app.CloseAsync(zaak, set);
        await AssertArchiefAsync(zaak, "2034-01-15", "2024-01-15");

        var zonder = Url(await app.CreateZaakAsync(set.Url));
        await app.CloseAsync(zonder, set);
        Assert.Equal("2024-03-10", await app.ZaakKolomAsync(zonder, "einddatum"));
        await AssertArchiefAsync(zonder, null, null);

        var onleesbaar = Url(await app.CreateZaakAsync(set.Url));
        await app.InsertZaakeigenschapAsync(onleesbaar, set.Eigenschap, "datum", "morgen");
        var response = await TryCloseAsync(onleesbaar, set);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "archiefactiedatum-error");
    }

    /// <summary>
    /// ander_datumkenmerk: not derivable, the client sets archiefactiedatum. Standard and Open Zaak agree: the zaak closes
    /// and keeps the archiefactiedatum the client gave it (none here).
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_AnderDatumkenmerk_ClosesWithoutDate()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "ander_datumkenmerk", datumkenmerk = "vergunningsdatum", objecttype = "overige", registratie = "LV" });
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.CloseAsync(zaak, set);
        Assert.Equal("2024-03-10", await app.ZaakKolomAsync(zaak, "einddatum"));
        await AssertArchiefAsync(zaak, null, null);
    }

    /// <summary>
    /// zaakobject: brondatum = the latest value of attribute datumkenmerk of the zaakobjecten of type objecttype. Open Zaak
    /// allows a nested path with <c>/</c> and answers 400 archiefactiedatum-error without matching zaakobjecten (the
    /// standard would leave the date empty).
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_Zaakobject_UsesLatestDatumkenmerkOfZaakobjecten()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "zaakobject", datumkenmerk = "vergunning/verleend", objecttype = "overige" });
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.InsertZaakobjectAsync(zaak, "overige", new JsonObject { ["vergunning"] = new JsonObject { ["verleend"] = "2024-02-01" } });
        await app.InsertZaakobjectAsync(zaak, "overige", new JsonObject { ["vergunning"] = new JsonObject { ["verleend"] = "2024-02-20" } });
        await app.InsertZaakobjectAsync(zaak, "adres", new JsonObject { ["vergunning"] = new JsonObject { ["verleend"] = "2024-03-01" } });
        await app.CloseAsync(zaak, set);
        await AssertArchiefAsync(zaak, "2034-02-20", "2024-02-20");

        var zonder = Url(await app.CreateZaakAsync(set.Url));
        var response = await TryCloseAsync(zonder, set);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "archiefactiedatum-error");
    }

    /// <summary>
    /// termijn: brondatum = einddatum + procestermijn. Open Zaak uses the date of the eindstatus as einddatum, as the
    /// standard does; they agree.
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_Termijn_AddsProcestermijnToEinddatum()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "termijn", procestermijn = "P5Y" });
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.CloseAsync(zaak, set, "2024-03-10T12:00:00Z");
        await AssertArchiefAsync(zaak, "2039-03-10", "2029-03-10");
    }

    /// <summary>
    /// gerelateerde_zaak: brondatum = the latest einddatum of the related zaken. Open Zaak reads them from
    /// relevanteAndereZaken and answers 400 archiefactiedatum-error when there are none (the standard: leave it empty).
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_GerelateerdeZaak_UsesLatestEinddatumOfRelevanteAndereZaken()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "gerelateerde_zaak" });
        var r1 = Url(await app.CreateZaakAsync(app.A.Url));
        var r2 = Url(await app.CreateZaakAsync(app.A.Url));
        await app.ExecAsync("UPDATE zaak SET einddatum = '2024-02-01' WHERE uuid = @u", new { u = StatusTestSupport.UuidOf(r1) });
        await app.ExecAsync("UPDATE zaak SET einddatum = '2024-02-20' WHERE uuid = @u", new { u = StatusTestSupport.UuidOf(r2) });
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        var relaties = new JsonArray(
            new JsonObject { ["url"] = r1, ["aardRelatie"] = "vervolg" },
            new JsonObject { ["url"] = r2, ["aardRelatie"] = "bijdrage" }).ToJsonString();
        await app.ExecAsync("UPDATE zaak SET gegevens = jsonb_set(gegevens, '{relevanteAndereZaken}', @relaties::jsonb) WHERE uuid = @u",
            new { relaties, u = StatusTestSupport.UuidOf(zaak) });
        await app.CloseAsync(zaak, set);
        await AssertArchiefAsync(zaak, "2034-02-20", "2024-02-20");

        var zonder = Url(await app.CreateZaakAsync(set.Url));
        var response = await TryCloseAsync(zonder, set);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "archiefactiedatum-error");
    }

    /// <summary>
    /// ingangsdatum_besluit: brondatum = the latest ingangsdatum of the zaak's besluiten (fetched from the Besluiten API).
    /// Open Zaak answers 400 archiefactiedatum-error when the zaak has no besluiten (the standard: leave it empty).
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_IngangsdatumBesluit_UsesLatestIngangsdatum()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "ingangsdatum_besluit" });
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.InsertZaakbesluitAsync(zaak, app.StubBesluit("2024-05-01", null));
        await app.InsertZaakbesluitAsync(zaak, app.StubBesluit("2024-06-01", "2025-01-01"));
        await app.CloseAsync(zaak, set, "2024-07-01T12:00:00Z");
        await AssertArchiefAsync(zaak, "2034-06-01", "2024-06-01");

        var zonder = Url(await app.CreateZaakAsync(set.Url));
        var response = await TryCloseAsync(zonder, set);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "archiefactiedatum-error");
    }

    /// <summary>
    /// vervaldatum_besluit: brondatum = the latest vervaldatum of the zaak's besluiten. Postponable in Open Zaak: without a
    /// besluit with a vervaldatum the zaak closes without a date (older Open Zaak versions refused; the standard: leave it empty).
    /// </summary>
    [Fact]
    public async Task Zrc021_Afleidingswijze_VervaldatumBesluit_UsesLatestVervaldatum()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "vervaldatum_besluit" });
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.InsertZaakbesluitAsync(zaak, app.StubBesluit("2024-05-01", "2025-01-01"));
        await app.InsertZaakbesluitAsync(zaak, app.StubBesluit("2024-06-01", "2024-12-01"));
        await app.CloseAsync(zaak, set, "2024-07-01T12:00:00Z");
        await AssertArchiefAsync(zaak, "2035-01-01", "2025-01-01");

        var zonderVervaldatum = Url(await app.CreateZaakAsync(set.Url));
        await app.InsertZaakbesluitAsync(zonderVervaldatum, app.StubBesluit("2024-05-01", null));
        await app.CloseAsync(zonderVervaldatum, set);
        Assert.Equal("2024-03-10", await app.ZaakKolomAsync(zonderVervaldatum, "einddatum"));
        await AssertArchiefAsync(zonderVervaldatum, null, null);
    }

    /// <summary>Open Zaak: a filled startdatumBewaartermijn is the brondatum, whatever the afleidingswijze (the standard: informational).</summary>
    [Fact]
    public async Task Zrc021_StartdatumBewaartermijn_IsUsedAsBrondatum()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.ExecAsync("UPDATE zaak SET startdatum_bewaartermijn = '2020-01-31' WHERE uuid = @u", new { u = StatusTestSupport.UuidOf(zaak) });
        await app.CloseAsync(zaak, app.A);
        await AssertArchiefAsync(zaak, "2030-01-31", "2020-01-31");
    }

    /// <summary>zrc-021: without archiefactietermijn no archiefactiedatum is computed; archiefnominatie is still copied.</summary>
    [Fact]
    public async Task Zrc021_WithoutArchiefactietermijn_NoDate()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "afgehandeld" }, archiefactietermijn: null);
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.CloseAsync(zaak, set);
        await AssertArchiefAsync(zaak, null, null);
    }

    [Theory]
    [InlineData("P10Y", "2024-02-29", "2034-02-28")]
    [InlineData("P1M", "2024-01-31", "2024-02-29")]
    [InlineData("P14D", "2024-12-25", "2025-01-08")]
    [InlineData("P2W", "2024-01-01", "2024-01-15")]
    [InlineData("P1Y6M3D", "2024-01-01", "2025-07-04")]
    [InlineData("PT48H", "2024-01-01", "2024-01-03")]
    public void IsoDuration_AddsCalendarWise(string duur, string datum, string verwacht) =>
        Assert.Equal(DateOnly.Parse(verwacht), IsoDuration.Parse(duur).AddTo(DateOnly.Parse(datum)));

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("10Y")]
    [InlineData("P1YT")]
    [InlineData("P-1Y")]
    [InlineData("P1.5Y")]
    public void IsoDuration_RejectsInvalid(string duur) => Assert.False(IsoDuration.TryParse(duur, out _));

    [Fact]
    public async Task Zrc021_Archiefactie_NoBrondatumForNonPostponable_IsError_UnlessBlijvendBewaren()
    {
        var rt = new ArchiefResultaattype("x", "vernietigen", "P10Y", Afleidingswijze.GerelateerdeZaak, null, null, null);
        var leeg = new ArchiefUitkomst(null, null, null);
        await Assert.ThrowsAsync<BrondatumException>(() => Archiefactie.Zrc021_BerekenAsync(rt, leeg, () => Task.FromResult<DateOnly?>(null)));
        var blijvend = await Archiefactie.Zrc021_BerekenAsync(rt with { Archiefnominatie = "blijvend_bewaren" }, leeg,
            () => Task.FromResult<DateOnly?>(null));
        Assert.Equal(new ArchiefUitkomst("blijvend_bewaren", null, null), blijvend);
    }

    /// <summary>
    /// Open Zaak: a zaak closed while its archiefactiedatum had to wait (afleidingswijze eigenschap without the eigenschap)
    /// gets the date when the zaakeigenschap is added later (with zaken.geforceerd-bijwerken, the zaak being closed).
    /// The standard leaves this open; it only says not to set a date that cannot be determined.
    /// </summary>
    [Fact]
    public async Task Zrc021_PostponedDate_IsComputedWhenTheZaakeigenschapArrivesLater()
    {
        var set = await ZaaktypeAsync(new { afleidingswijze = "eigenschap", datumkenmerk = "datum" });
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.CloseAsync(zaak, set);
        await AssertArchiefAsync(zaak, null, null);

        var response = await app.Zaken().SendJsonAsync(HttpMethod.Post, ZakenApp.PathOf(zaak) + "/zaakeigenschappen",
            new { zaak, eigenschap = set.Eigenschap, waarde = "20240601" });
        Assert.Equal(HttpStatusCode.Created, response.Response.StatusCode);
        await AssertArchiefAsync(zaak, "2034-06-01", "2024-06-01");
    }
}
