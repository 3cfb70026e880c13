using System.Net;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>Closing (Z5 / zrc-007) and reopening (Z7 / zrc-008) a zaak through <c>POST /statussen</c>.</summary>
[Collection(ZakenCollection.Name)]
public sealed class StatusAfsluitenTests(ZakenApp app)
{
    private static string Url(JsonObject o) => ZakenApp.Url(o);

    [Fact]
    public async Task Zrc007_Eindstatus_SetsEinddatumArchiefnominatieAndArchiefactiedatum()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        await app.CloseAsync(zaak, app.A, "2024-03-10T12:00:00Z");

        Assert.Equal("2024-03-10", await app.ZaakKolomAsync(zaak, "einddatum"));
        Assert.Equal("vernietigen", await app.ZaakKolomAsync(zaak, "archiefnominatie"));
        Assert.Equal("2034-03-10", await app.ZaakKolomAsync(zaak, "archiefactiedatum"));
        Assert.Equal("2024-03-10", await app.ZaakKolomAsync(zaak, "startdatum_bewaartermijn"));
        var statusNotifications = (await app.NotificationsAsync(zaak)).Where(n => n["resource"]!.GetValue<string>() == "status").ToList();
        Assert.Equal(2, statusNotifications.Count);
        Assert.Equal("create,create", await app.AuditActiesAsync(zaak, "status"));
    }

    [Fact]
    public async Task Zrc007_ClosedZaak_ShowsEindstatusResultaatAndArchiveFields_AndExpandRendersThem()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        var eindstatus = await app.CloseAsync(zaak, app.A, "2024-03-10T12:00:00Z");

        var json = await app.GetAsync(zaak);
        Assert.Equal("2024-03-10", json["einddatum"]!.GetValue<string>());
        Assert.Equal("vernietigen", json["archiefnominatie"]!.GetValue<string>());
        Assert.Equal("2034-03-10", json["archiefactiedatum"]!.GetValue<string>());
        Assert.Equal(Url(eindstatus), json["status"]!.GetValue<string>());

        var response = await app.Zaken().GetAsync($"{ZakenApp.PathOf(zaak)}?expand=status,resultaat");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expanded = (await response.ReadJsonAsync())["_expand"]!;
        Assert.Equal(eindstatus.ToJsonString(), expanded["status"]!.ToJsonString());
        Assert.Equal(app.A.Resultaattype, expanded["resultaat"]!["resultaattype"]!.GetValue<string>());
        Assert.Equal(json["resultaat"]!.GetValue<string>(), expanded["resultaat"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Zrc007_Einddatum_IsTheDateInTheOffsetTheClientSent()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CloseAsync(zaak, app.A, "2024-03-10T23:30:00-05:00"); // 2024-03-11T04:30Z
        Assert.Equal("2024-03-10", await app.ZaakKolomAsync(zaak, "einddatum"));
        Assert.Equal("2034-03-10", await app.ZaakKolomAsync(zaak, "archiefactiedatum"));
    }

    [Fact]
    public async Task Zrc007_EindstatusWithoutResultaat_Is400ResultaatDoesNotExist()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostStatusAsync(zaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "resultaat-does-not-exist");
        Assert.Null(await app.ZaakKolomAsync(zaak, "einddatum"));
        Assert.DoesNotContain(await app.NotificationsAsync(zaak), x => x["resource"]!.GetValue<string>() == "status");
    }

    [Fact]
    public async Task Zrc007_DocumentWithoutIndicatieGebruiksrecht_Is400IndicatiegebruiksrechtUnset()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.InsertZioAsync(zaak, app.StubDocument(indicatieGebruiksrecht: true));
        await app.InsertZioAsync(zaak, app.StubDocument(indicatieGebruiksrecht: null));
        await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var response = await app.PostStatusAsync(zaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "indicatiegebruiksrecht-unset");
        Assert.Null(await app.ZaakKolomAsync(zaak, "einddatum"));
    }

    [Fact]
    public async Task Zrc007_LockedDocument_Is400InformatieobjectLocked()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.InsertZioAsync(zaak, app.StubDocument(indicatieGebruiksrecht: false, locked: true));
        await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var response = await app.PostStatusAsync(zaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "informatieobject-locked");
    }

    [Fact]
    public async Task Zrc007_DocumentsAreFetchedFresh_AndOnlyVisibleZiosCount()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var uuid = Guid.NewGuid();
        var document = app.StubDocument(indicatieGebruiksrecht: null, uuid: uuid);
        await app.InsertZioAsync(zaak, document);
        await app.InsertZioAsync(zaak, app.StubDocument(indicatieGebruiksrecht: null), mirror: "pending");
        await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var response = await app.PostStatusAsync(zaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "indicatiegebruiksrecht-unset");

        app.StubDocument(indicatieGebruiksrecht: true, uuid: uuid); // the document changed in the Documenten API
        await app.CreateStatusAsync(zaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        Assert.Equal("2024-03-10", await app.ZaakKolomAsync(zaak, "einddatum"));
    }

    [Fact]
    public async Task Zrc007_OpenDeelzaak_Is400DeelzakenNotClosed_DeelzaakWithoutResultaat_Is400()
    {
        var hoofdzaak = Url(await app.CreateZaakAsync(app.A.Url));
        var deelzaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.SetHoofdzaakAsync(deelzaak, hoofdzaak);
        await app.CreateResultaatAsync(hoofdzaak, app.A.Resultaattype);

        var response = await app.PostStatusAsync(hoofdzaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "deelzaken-not-closed");
        Assert.Contains(body.GetProperty("invalidParams").EnumerateArray(), p => p.GetProperty("code").GetString() == "deelzaak-resultaat-does-not-exist");

        // a deelzaak closed earlier whose resultaat was removed afterwards (with geforceerd-bijwerken)
        var resultaat = await app.CreateResultaatAsync(deelzaak, app.A.Resultaattype);
        await app.CreateStatusAsync(deelzaak, app.A.Eindstatustype, "2024-03-09T12:00:00Z");
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client(ZakenApp.Forceerder).DeleteAsync(ZakenApp.PathOf(Url(resultaat)))).StatusCode);
        response = await app.PostStatusAsync(hoofdzaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "deelzaak-resultaat-does-not-exist");

        await app.CreateResultaatAsync(deelzaak, app.A.Resultaattype, ZakenApp.Forceerder);
        await app.CreateStatusAsync(hoofdzaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        Assert.Equal("2024-03-10", await app.ZaakKolomAsync(hoofdzaak, "einddatum"));
    }

    [Fact]
    public async Task Z7_NonFinalStatusOnClosedZaak_ReopensAndClearsArchiveFields()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CloseAsync(zaak, app.A);
        Assert.NotNull(await app.ZaakKolomAsync(zaak, "archiefactiedatum"));

        await app.CreateStatusAsync(zaak, app.A.Statustypen[1], "2024-03-11T10:00:00Z", ZakenApp.Forceerder);
        Assert.Null(await app.ZaakKolomAsync(zaak, "einddatum"));
        Assert.Null(await app.ZaakKolomAsync(zaak, "archiefactiedatum"));
        Assert.Null(await app.ZaakKolomAsync(zaak, "archiefnominatie"));
        Assert.Null(await app.ZaakKolomAsync(zaak, "startdatum_bewaartermijn"));

        // closing again derives the fields again
        await app.CreateStatusAsync(zaak, app.A.Eindstatustype, "2024-03-12T10:00:00Z", ZakenApp.Behandelaar);
        Assert.Equal("2024-03-12", await app.ZaakKolomAsync(zaak, "einddatum"));
        Assert.Equal("2034-03-12", await app.ZaakKolomAsync(zaak, "archiefactiedatum"));
    }

    [Fact]
    public async Task Z7_ReopeningADeelzaakWhileItsHoofdzaakIsClosed_Is400HoofdzaakClosed()
    {
        var hoofdzaak = Url(await app.CreateZaakAsync(app.A.Url));
        var deelzaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.SetHoofdzaakAsync(deelzaak, hoofdzaak);
        await app.CloseAsync(deelzaak, app.A, "2024-03-09T12:00:00Z");
        await app.CloseAsync(hoofdzaak, app.A, "2024-03-10T12:00:00Z");

        var response = await app.PostStatusAsync(deelzaak, app.A.Statustypen[1], "2024-03-11T10:00:00Z", ZakenApp.Forceerder);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "hoofdzaak-closed");
        Assert.Equal("2024-03-09", await app.ZaakKolomAsync(deelzaak, "einddatum"));

        await app.CreateStatusAsync(hoofdzaak, app.A.Statustypen[1], "2024-03-11T10:00:00Z", ZakenApp.Forceerder);
        await app.CreateStatusAsync(deelzaak, app.A.Statustypen[1], "2024-03-11T10:00:00Z", ZakenApp.Forceerder);
        Assert.Null(await app.ZaakKolomAsync(deelzaak, "einddatum"));
    }

    [Fact]
    public async Task Zrc007_DocumentThatCannotBeFetched_Is400NotA500()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var path = $"/documenten/api/v1/enkelvoudiginformatieobjecten/{Guid.NewGuid()}";
        app.Documenten.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        await app.InsertZioAsync(zaak, app.Documenten.Url + path);
        await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var response = await app.PostStatusAsync(zaak, app.A.Eindstatustype, "2024-03-10T12:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await app.ZaakKolomAsync(zaak, "einddatum"));
    }
}
