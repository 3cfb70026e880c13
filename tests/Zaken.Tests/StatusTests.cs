using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary><c>/statussen</c>: list, create, read (GET/HEAD), the status rules (Z5, Z8, zrc-016) over real HTTP.</summary>
[Collection(ZakenCollection.Name)]
public sealed class StatusTests(ZakenApp app)
{
    private static string Url(JsonObject o) => ZakenApp.Url(o);

    [Fact]
    public async Task Status_Create_Returns201WithRepresentation_AuditAndNotification()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:15:00+01:00");
        var status = await StatusTestSupport.CreatedAsync(response, "statussen");

        Assert.Equal(Url(status), response.Headers.Location?.ToString());
        Assert.StartsWith(ZakenApp.ApiRoot + "/statussen/", Url(status));
        Assert.Equal(StatusTestSupport.UuidOf(Url(status)).ToString(), status["uuid"]!.GetValue<string>());
        Assert.Equal(zaak, status["zaak"]!.GetValue<string>());
        Assert.Equal(app.A.Statustypen[0], status["statustype"]!.GetValue<string>());
        Assert.Equal("2024-03-02T09:15:00Z", status["datumStatusGezet"]!.GetValue<string>());
        Assert.Equal("Toelichting", status["statustoelichting"]!.GetValue<string>());
        Assert.True(status["indicatieLaatstGezetteStatus"]!.GetValue<bool>());
        Assert.Null(status["gezetdoor"]);
        Assert.Empty(status["zaakinformatieobjecten"]!.AsArray());

        var notification = Assert.Single(await app.NotificationsAsync(zaak), n => n["resource"]!.GetValue<string>() == "status");
        Assert.Equal("create", notification["actie"]!.GetValue<string>());
        Assert.Equal(Url(status), notification["resourceUrl"]!.GetValue<string>());
        Assert.Equal("zaken", notification["kanaal"]!.GetValue<string>());
        Assert.Equal("create", await app.AuditActiesAsync(zaak, "status"));
        Assert.Null(await app.ZaakKolomAsync(zaak, "einddatum"));
    }

    [Fact]
    public async Task Status_Create_MissingAndMalformedFields_Is400()
    {
        var response = await app.Client().PostAsJsonAsync(StatusTestSupport.StatussenPath, new { statustoelichting = "x" });
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "required");
        var names = body.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("statustype", names);
        Assert.Contains("datumStatusGezet", names);

        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        response = await app.PostStatusAsync(zaak, app.A.Statustypen[0], "gisteren");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "datumStatusGezet", "invalid");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM status s JOIN zaak z ON z.id = s.zaak_id WHERE z.uuid = @u",
            new { u = StatusTestSupport.UuidOf(zaak) }));
    }

    [Fact]
    public async Task Status_Create_UnknownZaak_Is400DoesNotExist_AndForeignUrl_Is400BadUrl()
    {
        var response = await app.PostStatusAsync($"{ZakenApp.ApiRoot}/zaken/{Guid.NewGuid()}", app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "does_not_exist");
        response = await app.PostStatusAsync("https://elders.example.nl/zaken/1", app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "bad-url");
    }

    [Fact]
    public async Task Zrc016_StatustypeOfAnotherZaaktype_Is400ZaaktypeMismatch()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostStatusAsync(zaak, app.B.Statustypen[0], "2024-03-02T10:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaaktype-mismatch");
        Assert.DoesNotContain(await app.NotificationsAsync(zaak), n => n["resource"]!.GetValue<string>() == "status");
    }

    [Fact]
    public async Task Status_StatustypeThatDoesNotResolve_Is400BadUrl()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostStatusAsync(zaak, app.CatalogiUrl + $"/catalogi/api/v1/statustypen/{Guid.NewGuid()}", "2024-03-02T10:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "statustype");
    }

    [Fact]
    public async Task Z5_DatumStatusGezetInFuture_Is400DateInFuture()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostStatusAsync(zaak, app.A.Statustypen[0], DateTimeOffset.UtcNow.AddHours(2).ToString("O"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "datumStatusGezet", "date-in-future");
    }

    [Fact]
    public async Task Z5_SameZaakAndDatumStatusGezet_Is400Unique()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        var response = await app.PostStatusAsync(zaak, app.A.Statustypen[1], "2024-03-02T11:00:00+01:00");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
    }

    [Fact]
    public async Task Z5_Gezetdoor_RolOfSameZaak_Accepted_RolOfOtherZaak_Is400ZaakMismatch()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var other = Url(await app.CreateZaakAsync(app.A.Url));
        var rol = await app.InsertRolAsync(zaak, app.A.RoltypeBehandelaar);
        var otherRol = await app.InsertRolAsync(other, app.A.RoltypeBehandelaar);

        var response = await app.PostStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z", gezetdoor: otherRol);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "gezetdoor", "zaak-mismatch");
        response = await app.PostStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z", gezetdoor: $"{ZakenApp.ApiRoot}/rollen/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "gezetdoor", "does_not_exist");

        var status = await StatusTestSupport.CreatedAsync(
            await app.PostStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z", gezetdoor: rol), "statussen");
        Assert.Equal(rol, status["gezetdoor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_IndicatieLaatstGezetteStatus_IsTheMostRecentByDatumStatusGezet()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var later = await app.CreateStatusAsync(zaak, app.A.Statustypen[1], "2024-03-05T10:00:00Z");
        var earlier = await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        Assert.False(earlier["indicatieLaatstGezetteStatus"]!.GetValue<bool>());
        Assert.True((await app.GetAsync(Url(later)))["indicatieLaatstGezetteStatus"]!.GetValue<bool>());

        var list = await app.Client().GetFromJsonAsync<JsonObject>($"{StatusTestSupport.StatussenPath}?zaak={zaak}&indicatieLaatstGezetteStatus=true");
        var only = Assert.Single(list!["results"]!.AsArray());
        Assert.Equal(Url(later), Url(only!.AsObject()));
    }

    [Fact]
    public async Task Status_List_FiltersPagingAndOrder()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        await app.CreateStatusAsync(zaak, app.A.Statustypen[1], "2024-03-04T10:00:00Z");

        var list = await app.Client().GetFromJsonAsync<JsonObject>($"{StatusTestSupport.StatussenPath}?zaak={zaak}");
        Assert.Equal(2, list!["count"]!.GetValue<int>());
        Assert.Null(list["next"]);
        var results = list["results"]!.AsArray();
        Assert.Equal("2024-03-04T10:00:00Z", results[0]!["datumStatusGezet"]!.GetValue<string>()); // newest first
        Assert.Equal(app.A.Statustypen[1], results[0]!["statustype"]!.GetValue<string>());

        list = await app.Client().GetFromJsonAsync<JsonObject>($"{StatusTestSupport.StatussenPath}?zaak={zaak}&statustype={app.A.Statustypen[0]}");
        Assert.Equal(1, list!["count"]!.GetValue<int>());

        list = await app.Client().GetFromJsonAsync<JsonObject>($"{StatusTestSupport.StatussenPath}?zaak=https://elders.example.nl/zaken/{Guid.NewGuid()}");
        Assert.Equal(0, list!["count"]!.GetValue<int>());

        var response = await app.Client().GetAsync($"{StatusTestSupport.StatussenPath}?zaak={zaak}&page=2");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        response = await app.Client().GetAsync($"{StatusTestSupport.StatussenPath}?onbekend=1");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        response = await app.Client().GetAsync($"{StatusTestSupport.StatussenPath}?indicatieLaatstGezetteStatus=misschien");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "indicatieLaatstGezetteStatus");
        response = await app.Client().GetAsync($"{StatusTestSupport.StatussenPath}?zaak=geen-url");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak");
    }

    [Fact]
    public async Task Status_ListAndDetail_AreAuthorisedThroughTheZaak()
    {
        var geheim = Url(await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim"));
        var status = await app.CreateStatusAsync(geheim, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        var open = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CreateStatusAsync(open, app.A.Statustypen[0], "2024-03-02T10:00:00Z");

        // beperkt reads A only up to zaakvertrouwelijk
        var list = await app.Client(ZakenApp.Beperkt).GetFromJsonAsync<JsonObject>($"{StatusTestSupport.StatussenPath}?zaak={geheim}");
        Assert.Equal(0, list!["count"]!.GetValue<int>());
        list = await app.Client(ZakenApp.Beperkt).GetFromJsonAsync<JsonObject>($"{StatusTestSupport.StatussenPath}?zaak={open}");
        Assert.Equal(1, list!["count"]!.GetValue<int>());
        var response = await app.Client(ZakenApp.Beperkt).GetAsync(ZakenApp.PathOf(Url(status)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        response = await app.Client(ZakenApp.Buitenstaander).GetAsync(StatusTestSupport.StatussenPath);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Status_Read_DetailWithETag_Head_AndUnknownIs404()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var status = await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        var client = app.Client(ZakenApp.Lezer);
        var response = await client.GetAsync(ZakenApp.PathOf(Url(status)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(status.ToJsonString(), body.ToJsonString());

        await ETagAssert.HeadAndNotModifiedAsync(client, ZakenApp.PathOf(Url(status)), etag!);

        response = await client.GetAsync($"{StatusTestSupport.StatussenPath}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        response = await client.GetAsync(ZakenApp.PathOf(Url(status)) + "?x=1");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Status_Zaakinformatieobjecten_AreTheVisibleZiosPointingAtThisStatus()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var status = await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        var zio = await app.InsertZioAsync(zaak, app.StubDocument(), status: Url(status));
        await app.InsertZioAsync(zaak, app.StubDocument(), status: Url(status), mirror: "pending");
        await app.InsertZioAsync(zaak, app.StubDocument());

        var read = await app.GetAsync(Url(status));
        var zios = read["zaakinformatieobjecten"]!.AsArray().Select(z => z!.GetValue<string>()).ToList();
        Assert.Equal([$"{ZakenApp.ApiRoot}/zaakinformatieobjecten/{zio}"], zios);
    }

    [Fact]
    public async Task Status_ZaakNotNogTeArchiveren_Is400ArchiefstatusInvalid()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.ExecAsync("UPDATE zaak SET archiefstatus = 'gearchiveerd' WHERE uuid = @u", new { u = StatusTestSupport.UuidOf(zaak) });
        var response = await app.PostStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
    }

    // ---- Z8 scope matrix ----

    [Fact]
    public async Task Z8_Aanmaker_MaySetTheFirstStatus_SecondIs403()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url, ZakenApp.Aanmaker));
        await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z", ZakenApp.Aanmaker);
        var response = await app.PostStatusAsync(zaak, app.A.Statustypen[1], "2024-03-03T10:00:00Z", ZakenApp.Aanmaker);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Z8_Behandelaar_AddsStatussenAndTheEindstatusToAnOpenZaak_ButNotOnAClosedZaak()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CreateStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z", ZakenApp.Behandelaar);
        await app.CreateStatusAsync(zaak, app.A.Statustypen[1], "2024-03-03T10:00:00Z", ZakenApp.Behandelaar);
        await app.CreateResultaatAsync(zaak, app.A.Resultaattype, ZakenApp.Behandelaar);
        await app.CreateStatusAsync(zaak, app.A.Eindstatustype, "2024-03-04T10:00:00Z", ZakenApp.Behandelaar);
        Assert.Equal("2024-03-04", await app.ZaakKolomAsync(zaak, "einddatum"));

        var response = await app.PostStatusAsync(zaak, app.A.Statustypen[1], "2024-03-05T10:00:00Z", ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        response = await app.PostStatusAsync(zaak, app.A.Eindstatustype, "2024-03-05T10:00:00Z", ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        Assert.Equal("2024-03-04", await app.ZaakKolomAsync(zaak, "einddatum"));
    }

    [Fact]
    public async Task Z8_Heropener_ReopensAClosedZaak()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CloseAsync(zaak, app.A);
        var status = await app.CreateStatusAsync(zaak, app.A.Statustypen[1], "2024-03-11T10:00:00Z", ZakenApp.Heropener);
        Assert.True(status["indicatieLaatstGezetteStatus"]!.GetValue<bool>());
        Assert.Null(await app.ZaakKolomAsync(zaak, "einddatum"));
    }

    [Fact]
    public async Task Z8_NoStatusScopeOrZaaktypeNotAuthorised_Is403()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z", ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        var zaakC = Url(await app.CreateZaakAsync(app.C.Url));
        response = await app.PostStatusAsync(zaakC, app.C.Statustypen[0], "2024-03-02T10:00:00Z", ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        response = await app.PostStatusAsync(zaak, app.A.Statustypen[0], "2024-03-02T10:00:00Z", ZakenApp.Buitenstaander);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
    }
}
