using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zaken.Api.Resources.Zaakeigenschap;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>/zaken/{zaak_uuid}/zaakeigenschappen: zrc-018, the waarde against the specificatie (Open Zaak), nesting, scopes.</summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakeigenschapTests(ZakenApp app)
{
    private static string Path(string zaakUrl) => ZakenApp.PathOf(zaakUrl) + "/zaakeigenschappen";

    private async Task<string> ZaakAsync(ZaaktypeSet? type = null) => ZakenApp.Url(await app.CreateZaakAsync((type ?? app.A).Url));

    private Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(string zaakUrl, object body, string client = ZakenApp.Beheerder) =>
        app.Client(client).SendJsonAsync(HttpMethod.Post, Path(zaakUrl), body);

    private async Task<JsonObject> CreateAsync(string zaakUrl, string waarde = "20240301", string client = ZakenApp.Beheerder)
    {
        var (response, body) = await PostAsync(zaakUrl, new { zaak = zaakUrl, eigenschap = app.A.Eigenschap, waarde }, client);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
        return body!.AsObject();
    }

    private async Task<List<string>> ActiesAsync(string zaakUrl) =>
        (await app.NotificationsAsync(zaakUrl)).Where(n => n["resource"]!.GetValue<string>() == "zaakeigenschap")
        .Select(n => n["actie"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Create_CopiesTheNaam_NestedUrl_AuditAndNotification()
    {
        var zaakUrl = await ZaakAsync();
        var (response, body) = await PostAsync(zaakUrl, new { zaak = zaakUrl, eigenschap = app.A.Eigenschap, waarde = "20240301" }, ZakenApp.Behandelaar);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ze = body!.AsObject();
        var url = ZakenApp.Url(ze);
        Assert.Equal($"{zaakUrl}/zaakeigenschappen/{ze["uuid"]!.GetValue<string>()}", url);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.Equal(zaakUrl, ze["zaak"]!.GetValue<string>());
        Assert.Equal(app.A.Eigenschap, ze["eigenschap"]!.GetValue<string>());
        Assert.Equal("datum", ze["naam"]!.GetValue<string>());
        Assert.Equal("20240301", ze["waarde"]!.GetValue<string>());
        Assert.Equal(["create"], await ActiesAsync(zaakUrl));
        Assert.Equal(1, await app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE resource_url = @url AND actie = 'create'", new { url }));

        Assert.Equal(ze.ToJsonString(), (await app.GetAsync(url, ZakenApp.Lezer)).ToJsonString());
        var list = JsonNode.Parse(await app.Client().GetStringAsync(Path(zaakUrl)))!.AsArray();
        Assert.Equal(url, ZakenApp.Url(Assert.Single(list)!.AsObject()));
        var zaak = await app.GetAsync(zaakUrl);
        Assert.Contains(url, zaak["eigenschappen"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task Update_PutPatchDelete_AnnounceEachWrite()
    {
        var zaakUrl = await ZaakAsync();
        var ze = await CreateAsync(zaakUrl);
        var path = ZakenApp.PathOf(ZakenApp.Url(ze));

        var (put, putBody) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Put, path,
            new { zaak = zaakUrl, eigenschap = app.A.Eigenschap, waarde = "20240401" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("20240401", putBody!["waarde"]!.GetValue<string>());
        var (patch, patchBody) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, path, new { waarde = "20240501" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("20240501", patchBody!["waarde"]!.GetValue<string>());
        Assert.Equal("datum", patchBody["naam"]!.GetValue<string>());
        var (delete, _) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Delete, path);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        Assert.Equal(["create", "update", "partial_update", "destroy"], await ActiesAsync(zaakUrl));
        var gone = await app.Client().GetAsync(path);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Zrc018_EigenschapOfAnotherZaaktype_Is400ZaaktypeMismatch()
    {
        var zaakUrl = await ZaakAsync();
        var (response, _) = await PostAsync(zaakUrl, new { zaak = zaakUrl, eigenschap = app.B.Eigenschap, waarde = "20240301" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaaktype-mismatch");
        Assert.Empty(await ActiesAsync(zaakUrl));
    }

    [Fact]
    public async Task Waarde_NotMatchingTheSpecificatie_Is400WaardeIncorrectFormat()
    {
        var zaakUrl = await ZaakAsync();
        var ze = await CreateAsync(zaakUrl);

        var (create, _) = await PostAsync(zaakUrl, new { zaak = zaakUrl, eigenschap = app.A.Eigenschap, waarde = "2024-03-01" });
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "waarde-incorrect-format");
        var (patch, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, ZakenApp.PathOf(ZakenApp.Url(ze)), new { waarde = "20241301" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "waarde-incorrect-format");
        var (blank, _) = await PostAsync(zaakUrl, new { zaak = zaakUrl, eigenschap = app.A.Eigenschap, waarde = "" });
        await ProblemAssert.IsProblemAsync(blank, HttpStatusCode.BadRequest, "invalid", "waarde", "blank");
    }

    [Theory]
    [InlineData("""{"formaat": "tekst", "lengte": "5"}""", "abcde", true)]
    [InlineData("""{"formaat": "tekst", "lengte": "5"}""", "abcdef", false)]
    [InlineData("""{"formaat": "getal", "lengte": "3"}""", "123", true)]
    [InlineData("""{"formaat": "getal", "lengte": "3"}""", "1234", false)]
    [InlineData("""{"formaat": "getal", "lengte": "3"}""", "1,5", false)]
    [InlineData("""{"formaat": "getal", "lengte": "3,2"}""", "12,50", true)]
    [InlineData("""{"formaat": "getal", "lengte": "3,2"}""", "12,505", false)]
    [InlineData("""{"formaat": "getal", "lengte": "3,2"}""", "-12", false)]
    [InlineData("""{"formaat": "datum", "lengte": "8"}""", "20240229", true)]
    [InlineData("""{"formaat": "datum", "lengte": "8"}""", "20230229", false)]
    [InlineData("""{"formaat": "datum_tijd", "lengte": "14"}""", "20240301123000", true)]
    [InlineData("""{"formaat": "datum_tijd", "lengte": "14"}""", "2024-03-01T12:30:00", false)]
    [InlineData("""{"formaat": "tekst", "lengte": "10", "waardenverzameling": ["ja", "nee"]}""", "ja", true)]
    [InlineData("""{"formaat": "tekst", "lengte": "10", "waardenverzameling": ["ja", "nee"]}""", "misschien", false)]
    public void Waarde_IsCheckedAgainstTheSpecificatie_AsOpenZaak(string specificatie, string waarde, bool valid) =>
        Assert.Equal(valid, ZaakeigenschapRules.Matches(JsonDocument.Parse(specificatie).RootElement, waarde));

    [Fact]
    public async Task Update_ZaakAndEigenschapCannotChange_Is400WijzigenNietToegelaten()
    {
        var zaakUrl = await ZaakAsync();
        var ze = await CreateAsync(zaakUrl);
        var path = ZakenApp.PathOf(ZakenApp.Url(ze));

        var (put, _) = await app.Client().SendJsonAsync(HttpMethod.Put, path, new { zaak = await ZaakAsync(), eigenschap = app.A.Eigenschap, waarde = "20240301" });
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.BadRequest, "invalid", "zaak", "wijzigen-niet-toegelaten");
        var (patch, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, path, new { eigenschap = app.B.Eigenschap });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.BadRequest, "invalid", "eigenschap", "wijzigen-niet-toegelaten");
        Assert.Equal(["create"], await ActiesAsync(zaakUrl));
    }

    [Fact]
    public async Task ZaakInTheBody_MustBeTheZaakOfThePath()
    {
        var zaakUrl = await ZaakAsync();
        var other = await ZaakAsync();
        var (response, _) = await PostAsync(zaakUrl, new { zaak = other, eigenschap = app.A.Eigenschap, waarde = "20240301" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "zaak-mismatch");
    }

    [Fact]
    public async Task Authorisation_ScopeObjectLevelAndClosedZaak_Are403()
    {
        var zaakA = await ZaakAsync();
        var zaakC = await ZaakAsync(app.C);
        var ze = await CreateAsync(zaakA);

        var (lezer, _) = await PostAsync(zaakA, new { zaak = zaakA, eigenschap = app.A.Eigenschap, waarde = "20240301" }, ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");
        var (otherType, _) = await PostAsync(zaakC, new { zaak = zaakC, eigenschap = app.C.Eigenschap, waarde = "20240301" }, ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(otherType, HttpStatusCode.Forbidden, "permission_denied");
        var read = await app.Client(ZakenApp.Behandelaar).GetAsync(Path(zaakC));
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Forbidden, "permission_denied");

        await app.QueryAsync<int>("UPDATE zaak SET einddatum = '2024-04-01' WHERE uuid = @u", new { u = Guid.Parse(zaakA.Split('/')[^1]) });
        var (closed, _) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, ZakenApp.PathOf(ZakenApp.Url(ze)), new { waarde = "20240401" });
        await ProblemAssert.IsProblemAsync(closed, HttpStatusCode.Forbidden, "permission_denied");
        var (forced, _) = await app.Client(ZakenApp.Forceerder).SendJsonAsync(HttpMethod.Patch, ZakenApp.PathOf(ZakenApp.Url(ze)), new { waarde = "20240401" });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
    }

    [Fact]
    public async Task ArchiefstatusNotNogTeArchiveren_Is400()
    {
        var zaakUrl = await ZaakAsync();
        await app.QueryAsync<int>("UPDATE zaak SET archiefstatus = 'gearchiveerd' WHERE uuid = @u", new { u = Guid.Parse(zaakUrl.Split('/')[^1]) });
        var (response, _) = await PostAsync(zaakUrl, new { zaak = zaakUrl, eigenschap = app.A.Eigenschap, waarde = "20240301" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
    }

    [Fact]
    public async Task MissingZaakOrEigenschap_Is404()
    {
        var zaakUrl = await ZaakAsync();
        var unknownZaak = $"{ZakenApp.ApiRoot}/zaken/{Guid.NewGuid()}";
        var list = await app.Client().GetAsync(Path(unknownZaak));
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.NotFound, "not_found");
        var (post, _) = await PostAsync(unknownZaak, new { zaak = unknownZaak, eigenschap = app.A.Eigenschap, waarde = "20240301" });
        await ProblemAssert.IsProblemAsync(post, HttpStatusCode.NotFound, "not_found");
        var read = await app.Client().GetAsync($"{Path(zaakUrl)}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound, "not_found");
    }
}
