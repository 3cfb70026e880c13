using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary><c>/resultaten</c>: list, create, read (GET/HEAD), update, partial update, delete and their rules over real HTTP.</summary>
[Collection(ZakenCollection.Name)]
public sealed class ResultaatTests(ZakenApp app)
{
    private static string Url(JsonObject o) => ZakenApp.Url(o);

    private static List<JsonObject> Of(List<JsonObject> notifications) =>
        notifications.Where(n => n["resource"]!.GetValue<string>() == "resultaat").ToList();

    [Fact]
    public async Task Resultaat_Create_Returns201_WithNotificationAndAudit()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostResultaatAsync(zaak, app.A.Resultaattype, ZakenApp.Behandelaar);
        var resultaat = await StatusTestSupport.CreatedAsync(response, "resultaten");
        Assert.Equal(Url(resultaat), response.Headers.Location?.ToString());
        Assert.StartsWith(ZakenApp.ApiRoot + "/resultaten/", Url(resultaat));
        Assert.Equal(zaak, resultaat["zaak"]!.GetValue<string>());
        Assert.Equal(app.A.Resultaattype, resultaat["resultaattype"]!.GetValue<string>());
        Assert.Equal("Afgehandeld", resultaat["toelichting"]!.GetValue<string>());
        Assert.Equal(StatusTestSupport.UuidOf(Url(resultaat)).ToString(), resultaat["uuid"]!.GetValue<string>());

        var notification = Assert.Single(Of(await app.NotificationsAsync(zaak)));
        Assert.Equal("create", notification["actie"]!.GetValue<string>());
        Assert.Equal(Url(resultaat), notification["resourceUrl"]!.GetValue<string>());
        Assert.Equal("create", await app.AuditActiesAsync(zaak, "resultaat"));
    }

    [Fact]
    public async Task Resultaat_Create_InvalidBody_Is400()
    {
        var response = await app.Client().PostAsJsonAsync(StatusTestSupport.ResultatenPath, new { toelichting = new string('x', 1001) });
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "required");
        var names = body.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("resultaattype", names);
        Assert.Contains("toelichting", names);

        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        response = await app.PostResultaatAsync(zaak, app.CatalogiUrl + $"/catalogi/api/v1/resultaattypen/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "resultaattype");
        response = await app.PostResultaatAsync($"{ZakenApp.ApiRoot}/zaken/{Guid.NewGuid()}", app.A.Resultaattype);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "does_not_exist");
    }

    [Fact]
    public async Task Zrc020_ResultaattypeOfAnotherZaaktype_Is400ZaaktypeMismatch()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostResultaatAsync(zaak, app.B.Resultaattype);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaaktype-mismatch");
        Assert.Empty(Of(await app.NotificationsAsync(zaak)));
    }

    [Fact]
    public async Task Resultaat_SecondForTheSameZaak_Is400Unique()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var response = await app.PostResultaatAsync(zaak, app.A.Resultaattype);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "unique");
    }

    [Fact]
    public async Task Resultaat_Scopes_LezerAndAanmakerAre403_ZaaktypeNotAuthorisedIs403()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var response = await app.PostResultaatAsync(zaak, app.A.Resultaattype, ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        response = await app.PostResultaatAsync(zaak, app.A.Resultaattype, ZakenApp.Aanmaker);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        var zaakC = Url(await app.CreateZaakAsync(app.C.Url));
        response = await app.PostResultaatAsync(zaakC, app.C.Resultaattype, ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Resultaat_Read_DetailWithETag_Head_404_AndObjectAuthorisation()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim"));
        var resultaat = await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var response = await app.Client(ZakenApp.Lezer).GetAsync(ZakenApp.PathOf(Url(resultaat)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(resultaat.ToJsonString(), JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString());
        var head = await app.Client(ZakenApp.Lezer).SendAsync(new HttpRequestMessage(HttpMethod.Head, ZakenApp.PathOf(Url(resultaat))));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(response.Headers.ETag, head.Headers.ETag);

        response = await app.Client(ZakenApp.Beperkt).GetAsync(ZakenApp.PathOf(Url(resultaat)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        response = await app.Client().GetAsync($"{StatusTestSupport.ResultatenPath}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Resultaat_List_FiltersAndAuthorisation()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var geheim = Url(await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim"));
        var resultaat = await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        await app.CreateResultaatAsync(geheim, app.A.Resultaattype);

        var list = await app.Client().GetFromJsonAsync<JsonObject>($"{StatusTestSupport.ResultatenPath}?zaak={zaak}");
        Assert.Equal(1, list!["count"]!.GetValue<int>());
        Assert.Equal(Url(resultaat), list["results"]![0]!["url"]!.GetValue<string>());
        list = await app.Client().GetFromJsonAsync<JsonObject>($"{StatusTestSupport.ResultatenPath}?resultaattype={app.A.Resultaattype}");
        Assert.True(list!["count"]!.GetValue<int>() >= 2);
        Assert.All(list["results"]!.AsArray(), r => Assert.Equal(app.A.Resultaattype, r!["resultaattype"]!.GetValue<string>()));

        list = await app.Client(ZakenApp.Beperkt).GetFromJsonAsync<JsonObject>($"{StatusTestSupport.ResultatenPath}?zaak={geheim}");
        Assert.Equal(0, list!["count"]!.GetValue<int>());
        list = await app.Client(ZakenApp.Beperkt).GetFromJsonAsync<JsonObject>($"{StatusTestSupport.ResultatenPath}?zaak={zaak}");
        Assert.Equal(1, list!["count"]!.GetValue<int>());

        var response = await app.Client().GetAsync($"{StatusTestSupport.ResultatenPath}?statustype=x");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        response = await app.Client().GetAsync($"{StatusTestSupport.ResultatenPath}?resultaattype=geen-url");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "resultaattype");
    }

    [Fact]
    public async Task Resultaat_PutAndPatch_ChangeIt_WithUpdateAndPartialUpdateNotifications()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var resultaat = await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var client = app.Client(ZakenApp.Behandelaar);

        var response = await client.PutAsJsonAsync(ZakenApp.PathOf(Url(resultaat)),
            new { zaak, resultaattype = app.A.Resultaattype, toelichting = "Gewijzigd" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Gewijzigd", (await response.Content.ReadFromJsonAsync<JsonObject>())!["toelichting"]!.GetValue<string>());

        response = await client.PatchAsJsonAsync(ZakenApp.PathOf(Url(resultaat)), new { toelichting = "Nogmaals" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Nogmaals", patched["toelichting"]!.GetValue<string>());
        Assert.Equal(app.A.Resultaattype, patched["resultaattype"]!.GetValue<string>());
        Assert.Equal("Nogmaals", (await app.GetAsync(Url(resultaat)))["toelichting"]!.GetValue<string>());

        var acties = Of(await app.NotificationsAsync(zaak)).Select(n => n["actie"]!.GetValue<string>()).ToList();
        Assert.Equal(["create", "update", "partial_update"], acties);
        Assert.Equal("create,update,partial_update", await app.AuditActiesAsync(zaak, "resultaat"));
    }

    [Fact]
    public async Task Resultaat_Update_ZaakChange_Is400WijzigenNietToegelaten_WrongTypeIs400_MissingIs404()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var other = Url(await app.CreateZaakAsync(app.A.Url));
        var resultaat = await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var response = await app.Client().PutAsJsonAsync(ZakenApp.PathOf(Url(resultaat)),
            new { zaak = other, resultaattype = app.A.Resultaattype, toelichting = "" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "wijzigen-niet-toegelaten");
        response = await app.Client().PatchAsJsonAsync(ZakenApp.PathOf(Url(resultaat)), new { resultaattype = app.B.Resultaattype });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaaktype-mismatch");
        response = await app.Client().PatchAsJsonAsync($"{StatusTestSupport.ResultatenPath}/{Guid.NewGuid()}", new { toelichting = "x" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        response = await app.Client(ZakenApp.Lezer).PatchAsJsonAsync(ZakenApp.PathOf(Url(resultaat)), new { toelichting = "x" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Resultaat_Delete_Returns204_WithDestroyNotification_ThenGoneIs404()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        var resultaat = await app.CreateResultaatAsync(zaak, app.A.Resultaattype);
        var response = await app.Client(ZakenApp.Lezer).DeleteAsync(ZakenApp.PathOf(Url(resultaat)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");

        response = await app.Client(ZakenApp.Behandelaar).DeleteAsync(ZakenApp.PathOf(Url(resultaat)));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(ZakenApp.PathOf(Url(resultaat)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().DeleteAsync(ZakenApp.PathOf(Url(resultaat)))).StatusCode);
        Assert.Equal("destroy", Of(await app.NotificationsAsync(zaak)).Last()["actie"]!.GetValue<string>());
        Assert.Equal("create,destroy", await app.AuditActiesAsync(zaak, "resultaat"));
    }

    [Fact]
    public async Task Zrc007_ResultaatOfClosedZaak_NeedsGeforceerdBijwerken()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.CloseAsync(zaak, app.A);
        var resultaat = (await app.Client().GetFromJsonAsync<JsonObject>($"{StatusTestSupport.ResultatenPath}?zaak={zaak}"))!["results"]![0]!.AsObject();

        var response = await app.Client(ZakenApp.Behandelaar).PatchAsJsonAsync(ZakenApp.PathOf(Url(resultaat)), new { toelichting = "x" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        response = await app.Client(ZakenApp.Behandelaar).DeleteAsync(ZakenApp.PathOf(Url(resultaat)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "permission_denied");
        response = await app.Client(ZakenApp.Forceerder).PatchAsJsonAsync(ZakenApp.PathOf(Url(resultaat)), new { toelichting = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Resultaat_ZaakNotNogTeArchiveren_Is400ArchiefstatusInvalid()
    {
        var zaak = Url(await app.CreateZaakAsync(app.A.Url));
        await app.ExecAsync("UPDATE zaak SET archiefstatus = 'overgedragen' WHERE uuid = @u", new { u = StatusTestSupport.UuidOf(zaak) });
        var response = await app.PostResultaatAsync(zaak, app.A.Resultaattype);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
    }

    /// <summary>Open Zaak: a resultaat created or changed on an already closed zaak recomputes the archive fields (zrc-021).</summary>
    [Fact]
    public async Task Zrc021_ResultaatChangedOnClosedZaak_RecomputesArchiveFields()
    {
        var set = await app.Seed.ZaaktypeAsync(app.A.Catalogus, archiefactietermijn: "P5Y");
        var zaak = Url(await app.CreateZaakAsync(set.Url));
        await app.CloseAsync(zaak, set, "2024-03-10T12:00:00Z");
        Assert.Equal("2029-03-10", await app.ZaakKolomAsync(zaak, "archiefactiedatum"));

        var resultaat = (await app.Client().GetFromJsonAsync<JsonObject>($"{StatusTestSupport.ResultatenPath}?zaak={zaak}"))!["results"]![0]!.AsObject();
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync(ZakenApp.PathOf(Url(resultaat)))).StatusCode);
        await app.ExecAsync("UPDATE zaak SET archiefactiedatum = NULL, archiefnominatie = NULL, startdatum_bewaartermijn = '2020-01-01' WHERE uuid = @u",
            new { u = StatusTestSupport.UuidOf(zaak) });
        resultaat = await app.CreateResultaatAsync(zaak, set.Resultaattype);
        Assert.Equal("2025-01-01", await app.ZaakKolomAsync(zaak, "archiefactiedatum")); // brondatum = startdatumBewaartermijn

        await app.ExecAsync("UPDATE zaak SET startdatum_bewaartermijn = '2021-06-30' WHERE uuid = @u", new { u = StatusTestSupport.UuidOf(zaak) });
        var response = await app.Client().PatchAsJsonAsync(ZakenApp.PathOf(Url(resultaat)), new { toelichting = "Herzien" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-06-30", await app.ZaakKolomAsync(zaak, "archiefactiedatum"));
        Assert.Equal("vernietigen", await app.ZaakKolomAsync(zaak, "archiefnominatie"));
    }
}
