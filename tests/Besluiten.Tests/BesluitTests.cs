using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Besluiten.Tests;

/// <summary>/besluiten: every operation, rules brc-001, brc-002, B3, brc-007, authorisation (A8) and notifications.</summary>
[Collection(BesluitenCollection.Name)]
public sealed class BesluitTests(BesluitenApp app)
{
    private const string Path = "/besluiten/api/v1/besluiten";

    [Fact]
    public async Task Create_WithoutZaak_Is201_WithBodyFields_GeneratedIdentificatie_AuditAndNotification()
    {
        new BronnenStub(app);
        var (response, body) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, app.BesluitBody(), toelichting: "aangemaakt");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var b = body!.AsObject();
        var url = BesluitenApp.Url(b);
        Assert.Equal(url, response.Headers.Location!.ToString());
        Assert.StartsWith(BesluitenApp.ApiRoot + "/besluiten/", url);
        Assert.Matches(@"^BESLUIT-2024-\d{10}$", b["identificatie"]!.GetValue<string>());
        Assert.Equal(BesluitenApp.Rsin, b["verantwoordelijkeOrganisatie"]!.GetValue<string>());
        Assert.Equal(app.Bt, b["besluittype"]!.GetValue<string>());
        Assert.Equal("", b["zaak"]!.GetValue<string>());
        Assert.Equal("2024-03-01", b["datum"]!.GetValue<string>());
        Assert.Equal("2024-03-02", b["ingangsdatum"]!.GetValue<string>());
        Assert.Equal("2025-03-02", b["vervaldatum"]!.GetValue<string>());
        Assert.Equal("tijdelijk", b["vervalreden"]!.GetValue<string>());
        Assert.Equal("Besluit met tijdelijke werking", b["vervalredenWeergave"]!.GetValue<string>());
        Assert.Equal("College van B&W", b["bestuursorgaan"]!.GetValue<string>());
        Assert.Equal("2024-04-15", b["uiterlijkeReactiedatum"]!.GetValue<string>());

        var notifications = await app.NotificationsAsync(url);
        var n = Assert.Single(notifications);
        Assert.Equal("besluiten", n["kanaal"]!.GetValue<string>());
        Assert.Equal("besluit", n["resource"]!.GetValue<string>());
        Assert.Equal("create", n["actie"]!.GetValue<string>());
        Assert.Equal(BesluitenApp.Rsin, n["kenmerken"]!["verantwoordelijkeOrganisatie"]!.GetValue<string>());
        Assert.Equal(app.Bt, n["kenmerken"]!["besluittype"]!.GetValue<string>());

        var audit = await app.Client().GetAsync(BesluitenApp.PathOf(url) + "/audittrail");
        var trail = JsonNode.Parse(await audit.Content.ReadAsStringAsync())!.AsArray();
        var record = Assert.Single(trail);
        Assert.Equal("brc", record!["bron"]!.GetValue<string>());
        Assert.Equal("create", record["actie"]!.GetValue<string>());
        Assert.Equal("aangemaakt", record["toelichting"]!.GetValue<string>());
        Assert.Equal(url, record["wijzigingen"]!["nieuw"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Brc001_BesluittypeNotResolving_Is400BadUrl()
    {
        new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            app.BesluitBody(besluittype: app.CatalogiUrl.Replace("127.0.0.1", "localhost") + "/catalogi/api/v1/besluittypen/" + Guid.NewGuid()));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "besluittype", "bad-url");
    }

    [Fact]
    public async Task Brc001_BesluittypeIsAZaaktype_Is400InvalidResource()
    {
        new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, app.BesluitBody(besluittype: app.Zaaktype));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "besluittype", "invalid-resource");
    }

    [Fact]
    public async Task Brc001_ConceptBesluittype_Is400NotPublished_NothingWritten()
    {
        new BronnenStub(app);
        var before = await app.QueryAsync<long>("SELECT count(*) FROM besluit");
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, app.BesluitBody(besluittype: app.BtConcept));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "besluittype", "not-published");
        Assert.Equal(before, await app.QueryAsync<long>("SELECT count(*) FROM besluit"));
    }

    [Fact]
    public async Task Brc001_BesluittypeChangedOnUpdate_Is400WijzigenNietToegelaten()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, BesluitenApp.PathOf(BesluitenApp.Url(besluit)), new { besluittype = app.Bt2 });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "besluittype", "wijzigen-niet-toegelaten");
    }

    [Fact]
    public async Task Brc002_IdentificatieGiven_IsKept_AndDuplicateForSameOrganisatie_Is400()
    {
        new BronnenStub(app);
        var identificatie = BesluitenApp.Unique("B-");
        var besluit = await app.CreateBesluitAsync(change: b => b["identificatie"] = identificatie);
        Assert.Equal(identificatie, besluit["identificatie"]!.GetValue<string>());
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            new Dictionary<string, object?>(app.BesluitBody()) { ["identificatie"] = identificatie });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "identificatie", "identificatie-niet-uniek");
        // another organisatie may use the same identificatie
        await app.CreateBesluitAsync(change: b => { b["identificatie"] = identificatie; b["verantwoordelijkeOrganisatie"] = "000000000"; });
    }

    [Fact]
    public async Task Brc002_GeneratedIdentificatie_UsesYearOfDatum_AndIsUnique()
    {
        new BronnenStub(app);
        var a = await app.CreateBesluitAsync(change: b => b["datum"] = "2023-12-31");
        var c = await app.CreateBesluitAsync(change: b => b["datum"] = "2023-06-01");
        Assert.StartsWith("BESLUIT-2023-", a["identificatie"]!.GetValue<string>());
        Assert.NotEqual(a["identificatie"]!.GetValue<string>(), c["identificatie"]!.GetValue<string>());
    }

    [Fact]
    public async Task Brc002_IdentificatieAndOrganisatieImmutable_Is400()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var path = BesluitenApp.PathOf(BesluitenApp.Url(besluit));
        var (r1, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, path, new { identificatie = "ANDERS" });
        await ProblemAssert.IsProblemAsync(r1, HttpStatusCode.BadRequest, "invalid", "identificatie", "wijzigen-niet-toegelaten");
        var (r2, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, path, new { verantwoordelijkeOrganisatie = "000000000" });
        await ProblemAssert.IsProblemAsync(r2, HttpStatusCode.BadRequest, "invalid", "verantwoordelijkeOrganisatie", "wijzigen-niet-toegelaten");
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("123456789")]
    [InlineData("abcdefghi")]
    public async Task Brc002_VerantwoordelijkeOrganisatieNotAValidRsin_Is400(string rsin)
    {
        new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            new Dictionary<string, object?>(app.BesluitBody()) { ["verantwoordelijkeOrganisatie"] = rsin });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "verantwoordelijkeOrganisatie", "invalid");
    }

    [Fact]
    public async Task Create_MissingRequiredFields_Is400WithEveryField()
    {
        new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, new { toelichting = "leeg" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "verantwoordelijkeOrganisatie", "required");
        var names = problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("besluittype", names);
        Assert.Contains("datum", names);
        Assert.Contains("ingangsdatum", names);
    }

    [Fact]
    public async Task Create_BadVervalreden_Is400InvalidChoice()
    {
        new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            new Dictionary<string, object?>(app.BesluitBody()) { ["vervalreden"] = "vergeten" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "vervalreden", "invalid_choice");
    }

    [Fact]
    public async Task B3_DatumInTheFuture_Is400FutureNotAllowed()
    {
        new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            new Dictionary<string, object?>(app.BesluitBody()) { ["datum"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd") });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "datum", "future_not_allowed");
    }

    [Fact]
    public async Task B3_ZaakNotResolving_Is400BadUrl()
    {
        var stub = new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            app.BesluitBody(zaak: $"{stub.ZakenRoot}/zaken/{Guid.NewGuid()}"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "bad-url");
        Assert.Empty(stub.ZaakbesluitCalls("POST"));
    }

    [Fact]
    public async Task B3_ZaakIsNotAZaak_Is400InvalidResource()
    {
        var stub = new BronnenStub(app);
        var document = stub.Document(app.Iot);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, app.BesluitBody(zaak: document));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "invalid-resource");
    }

    [Fact]
    public async Task Brc006_ZaakChangedOnUpdate_Is400WijzigenNietToegelaten()
    {
        var stub = new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync(zaak: stub.Zaak(app.Zaaktype));
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, BesluitenApp.PathOf(BesluitenApp.Url(besluit)),
            new { zaak = stub.Zaak(app.Zaaktype) });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "wijzigen-niet-toegelaten");
        var (cleared, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, BesluitenApp.PathOf(BesluitenApp.Url(besluit)), new { zaak = "" });
        await ProblemAssert.IsProblemAsync(cleared, HttpStatusCode.BadRequest, "invalid", "zaak", "wijzigen-niet-toegelaten");
    }

    [Fact]
    public async Task Brc007_BesluittypeNotAllowedByZaaktype_Is400ZaaktypeMismatch()
    {
        var stub = new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, app.BesluitBody(besluittype: app.Bt2, zaak: stub.Zaak(app.Zaaktype)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaaktype-mismatch");
        Assert.Empty(stub.ZaakbesluitCalls("POST"));
    }

    [Fact]
    public async Task Read_Is200_AndUnknownIs404()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var read = await app.GetAsync(BesluitenApp.Url(besluit), BesluitenApp.Lezer);
        Assert.Equal(besluit.ToJsonString(), read.ToJsonString());
        var missing = await app.Client().GetAsync($"{Path}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Put_Is200_ChangesFields_AuditAndNotificationUpdate()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var url = BesluitenApp.Url(besluit);
        var body = app.BesluitBody();
        body["toelichting"] = "Herzien";
        body["vervaldatum"] = null;
        body["vervalreden"] = "";
        var (response, updated) = await app.Client(BesluitenApp.Behandelaar).SendJsonAsync(HttpMethod.Put, BesluitenApp.PathOf(url), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Herzien", updated!["toelichting"]!.GetValue<string>());
        Assert.Null(updated["vervaldatum"]);
        Assert.Equal("", updated["vervalreden"]!.GetValue<string>());
        Assert.Equal(besluit["identificatie"]!.GetValue<string>(), updated["identificatie"]!.GetValue<string>());
        var n = (await app.NotificationsAsync(url)).Last();
        Assert.Equal("update", n["actie"]!.GetValue<string>());
        var trail = JsonNode.Parse(await (await app.Client().GetAsync(BesluitenApp.PathOf(url) + "/audittrail")).Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("update", trail.Last()!["actie"]!.GetValue<string>());
        Assert.Equal("Vergunning verleend", trail.Last()!["wijzigingen"]!["oud"]!["toelichting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_Is200_KeepsOtherFields_NotificationPartialUpdate()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var url = BesluitenApp.Url(besluit);
        var (response, updated) = await app.Client().SendJsonAsync(HttpMethod.Patch, BesluitenApp.PathOf(url), new { vervalreden = "ingetrokken_overheid" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Besluit ingetrokken door overheid", updated!["vervalredenWeergave"]!.GetValue<string>());
        Assert.Equal("Vergunning verleend", updated["toelichting"]!.GetValue<string>());
        Assert.Equal("partial_update", (await app.NotificationsAsync(url)).Last()["actie"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_UnknownBesluit_Is404()
    {
        new BronnenStub(app);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, $"{Path}/{Guid.NewGuid()}", new { toelichting = "x" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Delete_WithoutZaak_Is204_AuditTrailGone_NotificationDestroy()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var url = BesluitenApp.Url(besluit);
        var response = await app.Client(BesluitenApp.Behandelaar).DeleteAsync(BesluitenApp.PathOf(url));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(BesluitenApp.PathOf(url)), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE hoofd_object = @url", new { url }));
        Assert.Equal("destroy", (await app.NotificationsAsync(url)).Last()["actie"]!.GetValue<string>());
        await ProblemAssert.IsProblemAsync(await app.Client().DeleteAsync(BesluitenApp.PathOf(url)), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task List_IsPaginated_FiltersPerOas()
    {
        var stub = new BronnenStub(app);
        var zaak = stub.Zaak(app.Zaaktype);
        var identificatie = BesluitenApp.Unique("L-");
        var a = await app.CreateBesluitAsync(zaak: zaak, change: b => b["identificatie"] = identificatie);
        await app.CreateBesluitAsync(besluittype: app.Bt2);
        var client = app.Client();

        async Task<JsonObject> ListAsync(string query) =>
            JsonNode.Parse(await (await client.GetAsync(Path + query)).Content.ReadAsStringAsync())!.AsObject();

        var byId = await ListAsync($"?identificatie={identificatie}");
        Assert.Equal(1, byId["count"]!.GetValue<int>());
        Assert.Equal(BesluitenApp.Url(a), byId["results"]![0]!["url"]!.GetValue<string>());
        Assert.Null(byId["next"]);
        var byZaak = await ListAsync($"?zaak={Uri.EscapeDataString(zaak)}");
        Assert.Equal(1, byZaak["count"]!.GetValue<int>());
        var byType = await ListAsync($"?besluittype={Uri.EscapeDataString(app.Bt2)}");
        Assert.All(byType["results"]!.AsArray(), r => Assert.Equal(app.Bt2, r!["besluittype"]!.GetValue<string>()));
        var byOrg = await ListAsync($"?verantwoordelijkeOrganisatie={BesluitenApp.Rsin}&identificatie={identificatie}");
        Assert.Equal(1, byOrg["count"]!.GetValue<int>());
        var all = await ListAsync("?page=1");
        Assert.True(all["count"]!.GetValue<int>() >= 2);
    }

    [Fact]
    public async Task List_UnknownParameter_Is400_AndBadUrlFilter_Is400_AndPagePastEnd_Is404()
    {
        new BronnenStub(app);
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(Path + "?onbekend=1"), HttpStatusCode.BadRequest, "invalid",
            "nonFieldErrors", "unknown-parameters");
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(Path + "?besluittype=geen-url"), HttpStatusCode.BadRequest, "invalid",
            "besluittype");
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(Path + "?page=9999"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A8_List_IsFilteredOnBesluittype()
    {
        new BronnenStub(app);
        var bt = await app.CreateBesluitAsync();
        var bt2 = await app.CreateBesluitAsync(besluittype: app.Bt2);
        var text = await (await app.Client(BesluitenApp.Lezer).GetAsync(Path + "?verantwoordelijkeOrganisatie=" + BesluitenApp.Rsin)).Content.ReadAsStringAsync();
        var page = JsonNode.Parse(text)!.AsObject();
        var urls = page["results"]!.AsArray().Select(r => r!["url"]!.GetValue<string>()).ToList();
        Assert.Contains(BesluitenApp.Url(bt), urls);
        Assert.DoesNotContain(BesluitenApp.Url(bt2), urls);
        Assert.All(page["results"]!.AsArray(), r => Assert.Equal(app.Bt, r!["besluittype"]!.GetValue<string>()));
        Assert.Equal(urls.Count, page["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A6_NoScope_Is403_OnEveryOperation()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var path = BesluitenApp.PathOf(BesluitenApp.Url(besluit));
        var client = app.Client(BesluitenApp.Buitenstaander);
        await ProblemAssert.IsProblemAsync(await client.GetAsync(Path), HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await client.GetAsync(path), HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await client.SendJsonAsync(HttpMethod.Post, Path, app.BesluitBody())).Response, HttpStatusCode.Forbidden,
            "permission_denied");
        await ProblemAssert.IsProblemAsync(await client.DeleteAsync(path), HttpStatusCode.Forbidden, "permission_denied");
        // lezen does not allow writing
        await ProblemAssert.IsProblemAsync((await app.Client(BesluitenApp.Lezer).SendJsonAsync(HttpMethod.Patch, path, new { toelichting = "x" })).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Anonymous().GetAsync(Path), HttpStatusCode.Forbidden, "not_authenticated");
    }

    [Fact]
    public async Task A8_OtherBesluittype_Is403_OnObject()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var path = BesluitenApp.PathOf(BesluitenApp.Url(besluit));
        var anders = app.Client(BesluitenApp.Anders);
        await ProblemAssert.IsProblemAsync(await anders.GetAsync(path), HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await anders.SendJsonAsync(HttpMethod.Patch, path, new { toelichting = "x" })).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await anders.DeleteAsync(path), HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await anders.SendJsonAsync(HttpMethod.Post, Path, app.BesluitBody())).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await anders.GetAsync(path + "/audittrail"), HttpStatusCode.Forbidden, "permission_denied");
        Assert.NotNull(await app.CreateBesluitAsync(besluittype: app.Bt2, clientId: BesluitenApp.Anders));
    }

    [Fact]
    public async Task Expand_BesluittypeAndZaak_OnListAndDetail_UnknownNameIs404()
    {
        var stub = new BronnenStub(app);
        var zaak = stub.Zaak(app.Zaaktype);
        var besluit = await app.CreateBesluitAsync(zaak: zaak);
        var detail = await app.GetAsync(BesluitenApp.Url(besluit) + "?expand=besluittype,zaak");
        Assert.Equal(app.Bt, detail["_expand"]!["besluittype"]!["url"]!.GetValue<string>());
        Assert.Equal(zaak, detail["_expand"]!["zaak"]!["url"]!.GetValue<string>());
        var list = JsonNode.Parse(await (await app.Client().GetAsync(Path + $"?zaak={Uri.EscapeDataString(zaak)}&expand=besluittype")).Content
            .ReadAsStringAsync())!;
        Assert.Equal(app.Bt, list["results"]![0]!["_expand"]!["besluittype"]!["url"]!.GetValue<string>());
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(BesluitenApp.PathOf(BesluitenApp.Url(besluit)) + "?expand=toelichting"),
            HttpStatusCode.NotFound, "not_found");
        // the lezer has no zaken autorisatie: the zaak is not shown to it
        var lezer = await app.GetAsync(BesluitenApp.Url(besluit) + "?expand=zaak", BesluitenApp.Lezer);
        Assert.Null(lezer["_expand"]!["zaak"]);
    }
}
