using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// /verzendingen (D11): exactly one address kind of the seven, contactPersoon required, aardRelatie afzender|geadresseerde;
/// the documenten scopes (the OAS gives none; as Open Zaak) with autorisatie through the document; paginated list with
/// filters and expand; read/HEAD/ETag; PUT, PATCH, DELETE; audit under the document and notifications on kanaal documenten.
/// </summary>
[Collection(DocumentenCollection.Name)]
public sealed class VerzendingTests(DocumentenApp app)
{
    private const string Verzendingen = "/documenten/api/v1/verzendingen";

    public static readonly string[] OasVelden =
    [
        "url", "betrokkene", "informatieobject", "aardRelatie", "toelichting", "ontvangstdatum", "verzenddatum", "contactPersoon",
        "contactpersoonnaam", "binnenlandsCorrespondentieadres", "buitenlandsCorrespondentieadres", "correspondentiePostadres", "faxnummer",
        "emailadres", "mijnOverheid", "telefoonnummer",
    ];

    private const string Betrokkene = "https://klanten.example.org/api/v1/klanten/8a5b4cb8-9a1c-4f35-8a3b-0d1c2e3f4a5b";
    private const string ContactPersoon = "https://klanten.example.org/api/v1/contactpersonen/1d2c3b4a-0000-4000-8000-000000000001";

    private static Dictionary<string, object?> Body(string informatieobject, string aardRelatie = "geadresseerde", string? betrokkene = Betrokkene) => new()
    {
        ["betrokkene"] = betrokkene,
        ["informatieobject"] = informatieobject,
        ["aardRelatie"] = aardRelatie,
        ["toelichting"] = "Per post",
        ["verzenddatum"] = "2024-03-02",
        ["contactPersoon"] = ContactPersoon,
        ["contactpersoonnaam"] = "J. Jansen",
        ["binnenlandsCorrespondentieadres"] = new Dictionary<string, object?>
        {
            ["huisnummer"] = 12, ["naamOpenbareRuimte"] = "Stationsplein", ["woonplaatsnaam"] = "Utrecht", ["postcode"] = "3511ED",
        },
    };

    private async Task<JsonObject> CreateAsync(string informatieobject, string clientId = DocumentenApp.Beheerder, string aardRelatie = "geadresseerde",
        string betrokkene = Betrokkene)
    {
        var (response, json) = await app.Client(clientId).SendJsonAsync(HttpMethod.Post, Verzendingen, Body(informatieobject, aardRelatie, betrokkene));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST verzendingen: {(int)response.StatusCode} {json}");
        return json!.AsObject();
    }

    private async Task<JsonArray> AudittrailAsync(string document) =>
        JsonNode.Parse(await (await app.Client().GetAsync(DocumentenApp.PathOf(document) + "/audittrail")).Content.ReadAsStringAsync())!.AsArray();

    private async Task<List<JsonObject>> NotificationsAsync(string document) =>
        (await app.NotificationsAsync(document)).Where(n => n["resource"]!.GetValue<string>() == "verzending").ToList();

    [Fact]
    public async Task Create_Answers201_WithTheVerzending_AuditUnderTheDocument_AndNotification()
    {
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A, DocumentenApp.Behandelaar));
        var (response, json) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Post, Verzendingen, Body(document), toelichting: "Verstuurd");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var verzending = json!.AsObject();
        var url = DocumentenApp.Url(verzending);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.StartsWith(DocumentenApp.ApiRoot + "/verzendingen/", url);
        Assert.Equal(OasVelden, verzending.Select(p => p.Key).ToArray());
        Assert.Equal(document, verzending["informatieobject"]!.GetValue<string>());
        Assert.Equal(Betrokkene, verzending["betrokkene"]!.GetValue<string>());
        Assert.Equal("geadresseerde", verzending["aardRelatie"]!.GetValue<string>());
        Assert.Equal("2024-03-02", verzending["verzenddatum"]!.GetValue<string>());
        Assert.Null(verzending["ontvangstdatum"]);
        Assert.Equal(ContactPersoon, verzending["contactPersoon"]!.GetValue<string>());
        var adres = verzending["binnenlandsCorrespondentieadres"]!.AsObject();
        Assert.Equal(12, adres["huisnummer"]!.GetValue<int>());
        Assert.Equal("", adres["huisletter"]!.GetValue<string>());
        Assert.Equal("3511ED", adres["postcode"]!.GetValue<string>());
        Assert.Null(verzending["buitenlandsCorrespondentieadres"]);
        Assert.Null(verzending["correspondentiePostadres"]);
        Assert.Null(verzending["emailadres"]);
        Assert.False(verzending["mijnOverheid"]!.GetValue<bool>());

        var notification = Assert.Single(await NotificationsAsync(document));
        Assert.Equal("documenten", notification["kanaal"]!.GetValue<string>());
        Assert.Equal(document, notification["hoofdObject"]!.GetValue<string>());
        Assert.Equal(url, notification["resourceUrl"]!.GetValue<string>());
        Assert.Equal("create", notification["actie"]!.GetValue<string>());
        Assert.Equal(app.A, notification["kenmerken"]!["informatieobjecttype"]!.GetValue<string>());

        var record = (await AudittrailAsync(document)).Single(r => r!["resource"]!.GetValue<string>() == "verzending")!;
        Assert.Equal("create", record["actie"]!.GetValue<string>());
        Assert.Equal(url, record["resourceUrl"]!.GetValue<string>());
        Assert.Equal("Verstuurd", record["toelichting"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(verzending, record["wijzigingen"]!["nieuw"]));
    }

    public static TheoryData<string, object> EenAdres => new()
    {
        { "binnenlandsCorrespondentieadres", new Dictionary<string, object?> { ["huisnummer"] = 1, ["naamOpenbareRuimte"] = "Dorpsstraat", ["woonplaatsnaam"] = "Ede" } },
        { "buitenlandsCorrespondentieadres", new Dictionary<string, object?> { ["adresBuitenland1"] = "Rue de la Loi 1", ["landPostadres"] = "https://landen.example.org/be" } },
        { "correspondentiePostadres", new Dictionary<string, object?> { ["postBusOfAntwoordnummer"] = 100, ["postadresPostcode"] = "3500AA", ["postadresType"] = "postbusnummer", ["woonplaatsnaam"] = "Utrecht" } },
        { "faxnummer", "0301234567" },
        { "emailadres", "burger@example.org" },
        { "mijnOverheid", true },
        { "telefoonnummer", "0612345678" },
    };

    [Theory]
    [MemberData(nameof(EenAdres))]
    public async Task D11_EachOfTheSevenAddressKinds_AloneIsAccepted_WithASecondIs400InvalidAddress(string kind, object value)
    {
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var body = Body(document);
        body.Remove("binnenlandsCorrespondentieadres");
        body[kind] = value;
        var (alone, json) = await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, body);
        Assert.True(alone.StatusCode == HttpStatusCode.Created, $"{kind}: {(int)alone.StatusCode} {json}");
        Assert.NotNull(json![kind]);

        foreach (var (other, otherValue) in EenAdres.Select(d => ((string)d[0], d[1])).Where(d => d.Item1 != kind))
        {
            var twee = new Dictionary<string, object?>(body) { [other] = otherValue };
            var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, twee);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-address");
        }
        Assert.Single(await NotificationsAsync(document));
    }

    [Fact]
    public async Task D11_NoAddress_OrOnlyEmptyOnes_Is400InvalidAddress()
    {
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var body = Body(document);
        body.Remove("binnenlandsCorrespondentieadres");
        var (none, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, body);
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-address");
        body["emailadres"] = "";
        body["mijnOverheid"] = false;
        body["faxnummer"] = null;
        var (empty, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, body);
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-address");
        // faxnummer and telefoonnummer are two kinds (Open Zaak's counter misses faxnummer).
        body["faxnummer"] = "0301234567";
        body["telefoonnummer"] = "0612345678";
        var (twee, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, body);
        await ProblemAssert.IsProblemAsync(twee, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-address");
    }

    [Fact]
    public async Task Create_BadInput_Is400_WithTheField_AndWritesNothing()
    {
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var (empty, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, new Dictionary<string, object?>());
        foreach (var field in new[] { "betrokkene", "informatieobject", "aardRelatie", "contactPersoon" })
            await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", field, "required");

        var noContact = Body(document);
        noContact.Remove("contactPersoon");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, noContact)).Response,
            HttpStatusCode.BadRequest, "invalid", "contactPersoon", "required");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, Body(document, "ontvanger"))).Response,
            HttpStatusCode.BadRequest, "invalid", "aardRelatie", "invalid_choice");
        var adres = Body(document);
        adres["binnenlandsCorrespondentieadres"] = new Dictionary<string, object?> { ["huisnummer"] = 100000, ["naamOpenbareRuimte"] = "" };
        var (badAdres, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, adres);
        await ProblemAssert.IsProblemAsync(badAdres, HttpStatusCode.BadRequest, "invalid", "binnenlandsCorrespondentieadres.huisnummer", "max_value");
        await ProblemAssert.IsProblemAsync(badAdres, HttpStatusCode.BadRequest, "invalid", "binnenlandsCorrespondentieadres.naamOpenbareRuimte", "blank");
        await ProblemAssert.IsProblemAsync(badAdres, HttpStatusCode.BadRequest, "invalid", "binnenlandsCorrespondentieadres.woonplaatsnaam", "required");
        var postadres = Body(document);
        postadres.Remove("binnenlandsCorrespondentieadres");
        postadres["correspondentiePostadres"] = new Dictionary<string, object?>
            { ["postBusOfAntwoordnummer"] = 1, ["postadresPostcode"] = "3500AA", ["postadresType"] = "brievenbus", ["woonplaatsnaam"] = "Utrecht" };
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, postadres)).Response,
            HttpStatusCode.BadRequest, "invalid", "correspondentiePostadres.postadresType", "invalid_choice");
        var lang = Body(document);
        lang["toelichting"] = new string('x', 201);
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, lang)).Response,
            HttpStatusCode.BadRequest, "invalid", "toelichting", "max_length");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen, Body(document, betrokkene: "geen url"))).Response,
            HttpStatusCode.BadRequest, "invalid", "betrokkene", "invalid");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Post, Verzendingen,
                Body($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten/{Guid.NewGuid()}"))).Response,
            HttpStatusCode.BadRequest, "invalid", "informatieobject", "does_not_exist");
        Assert.Empty(await NotificationsAsync(document));
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM verzending v JOIN enkelvoudiginformatieobject d ON d.id = v.document_id WHERE d.uuid = @u",
            new { u = Guid.Parse(document[^36..]) }));
    }

    [Fact]
    public async Task Scopes_AreTheDocumentenScopes_AndTheDocumentDecides_403()
    {
        var a = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var b = DocumentenApp.Url(await app.CreateDocumentAsync(app.B));
        await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Lezer).SendJsonAsync(HttpMethod.Post, Verzendingen, Body(a))).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Post, Verzendingen, Body(b))).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Buitenstaander).SendJsonAsync(HttpMethod.Get, Verzendingen)).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await app.Anonymous().SendJsonAsync(HttpMethod.Get, Verzendingen)).Response,
            HttpStatusCode.Forbidden, "not_authenticated");
        var verzending = await CreateAsync(a, DocumentenApp.Aanmaker);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(verzending));
        // aanmaker has no bijwerken/verwijderen; behandelaar has them, but not on C.
        await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Patch, path, new { toelichting = "x" })).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Delete, path)).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        var c = await CreateAsync(DocumentenApp.Url(await app.CreateDocumentAsync(app.C)));
        var cPath = DocumentenApp.PathOf(DocumentenApp.Url(c));
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
            await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(method, cPath, method == HttpMethod.Delete ? null : Body(a))).Response,
                HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Get, cPath)).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        Assert.True(JsonNode.DeepEquals(c, await app.GetAsync(DocumentenApp.Url(c))));
    }

    [Fact]
    public async Task Read_WithETag_Head_IfNoneMatch304_Expand_404()
    {
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var verzending = await CreateAsync(document);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(verzending));
        var response = await app.Client(DocumentenApp.Lezer).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(verzending, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
        await ETagAssert.HeadAndNotModifiedAsync(app.Client(DocumentenApp.Lezer), path, response.Headers.ETag!);

        var expanded = await app.GetAsync(DocumentenApp.Url(verzending) + "?expand=informatieobject");
        Assert.True(JsonNode.DeepEquals(await app.GetAsync(document), expanded["_expand"]!["informatieobject"]));
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, path + "?expand=betrokkene")).Response, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, $"{Verzendingen}/{Guid.NewGuid()}")).Response, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, path + "?page=2")).Response,
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task List_IsPaginated_NewestFirst_FiltersOnAardRelatieInformatieobjectBetrokkene_ExpandsAndAuthorises()
    {
        var a = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var b = DocumentenApp.Url(await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk"));
        var betrokkene = $"https://klanten.example.org/api/v1/klanten/{Guid.NewGuid()}";
        var uit = await CreateAsync(a, betrokkene: betrokkene);
        var afzender = await CreateAsync(a, aardRelatie: "afzender", betrokkene: betrokkene);
        var geheim = await CreateAsync(b, betrokkene: betrokkene);

        async Task<JsonObject> Page(string query, string client = DocumentenApp.Beheerder)
        {
            var (response, body) = await app.Client(client).SendJsonAsync(HttpMethod.Get, Verzendingen + query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
            return body!.AsObject();
        }
        static string[] Urls(JsonObject page) => page["results"]!.AsArray().Select(r => DocumentenApp.Url(r!.AsObject())).ToArray();

        var q = "?betrokkene=" + Uri.EscapeDataString(betrokkene);
        var all = await Page(q);
        Assert.Equal(3, all["count"]!.GetValue<int>());
        Assert.Null(all["next"]);
        Assert.Null(all["previous"]);
        Assert.Equal([DocumentenApp.Url(geheim), DocumentenApp.Url(afzender), DocumentenApp.Url(uit)], Urls(all));
        Assert.Equal([DocumentenApp.Url(afzender)], Urls(await Page(q + "&aardRelatie=afzender")));
        Assert.Equal([DocumentenApp.Url(afzender), DocumentenApp.Url(uit)], Urls(await Page(q + "&informatieobject=" + Uri.EscapeDataString(a))));
        Assert.Equal([DocumentenApp.Url(afzender), DocumentenApp.Url(uit)], Urls(await Page(q, DocumentenApp.Beperkt)));
        Assert.Equal(2, (await Page(q, DocumentenApp.Beperkt))["count"]!.GetValue<int>());

        var expanded = (await Page(q + "&expand=informatieobject"))["results"]!.AsArray();
        Assert.True(JsonNode.DeepEquals(await app.GetAsync(b), expanded[0]!["_expand"]!["informatieobject"]));
        var nested = (await Page(q + "&expand=informatieobject.informatieobjecttype"))["results"]!.AsArray();
        Assert.Equal(app.B, nested[0]!["_expand"]!["informatieobject"]!["_expand"]!["informatieobjecttype"]!["url"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(await app.GetAsync(a), expanded[2]!["_expand"]!["informatieobject"]));

        var paged = await Page(q + "&pageSize=2");
        Assert.Equal(2, Urls(paged).Length);
        Assert.Contains("page=2", paged["next"]!.GetValue<string>());
        Assert.Equal([DocumentenApp.Url(uit)], Urls(await Page(q + "&pageSize=2&page=2")));
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, Verzendingen + q + "&page=5")).Response, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, Verzendingen + "?aardRelatie=ontvanger")).Response,
            HttpStatusCode.BadRequest, "invalid", "aardRelatie", "invalid");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, Verzendingen + "?foo=1")).Response,
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task PutAndPatch_UpdateTheVerzending_AuditAndNotify_D11OnTheMergedResult()
    {
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A, DocumentenApp.Behandelaar));
        var verzending = await CreateAsync(document, DocumentenApp.Behandelaar);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(verzending));
        var client = app.Client(DocumentenApp.Behandelaar);

        var body = Body(document, "afzender");
        body.Remove("binnenlandsCorrespondentieadres");
        body["emailadres"] = "burger@example.org";
        body["ontvangstdatum"] = "2024-03-05";
        var (put, putJson) = await client.SendJsonAsync(HttpMethod.Put, path, body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("afzender", putJson!["aardRelatie"]!.GetValue<string>());
        Assert.Equal("burger@example.org", putJson["emailadres"]!.GetValue<string>());
        Assert.Null(putJson["binnenlandsCorrespondentieadres"]);
        Assert.Equal("2024-03-05", putJson["ontvangstdatum"]!.GetValue<string>());

        // PATCH: a second address kind next to the stored emailadres is refused; replacing it is fine.
        var (twee, _) = await client.SendJsonAsync(HttpMethod.Patch, path, new { telefoonnummer = "0612345678" });
        await ProblemAssert.IsProblemAsync(twee, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-address");
        var (patch, patchJson) = await client.SendJsonAsync(HttpMethod.Patch, path, new Dictionary<string, object?> { ["telefoonnummer"] = "0612345678", ["emailadres"] = null });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("0612345678", patchJson!["telefoonnummer"]!.GetValue<string>());
        Assert.Null(patchJson["emailadres"]);
        Assert.Equal("afzender", patchJson["aardRelatie"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(patchJson, await app.GetAsync(DocumentenApp.Url(verzending))));

        Assert.Equal(["create", "update", "partial_update"], (await NotificationsAsync(document)).Select(n => n["actie"]!.GetValue<string>()));
        var records = (await AudittrailAsync(document)).Where(r => r!["resource"]!.GetValue<string>() == "verzending").ToList();
        Assert.Equal(["create", "update", "partial_update"], records.Select(r => r!["actie"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(putJson, records[2]!["wijzigingen"]!["oud"]));
        Assert.True(JsonNode.DeepEquals(patchJson, records[2]!["wijzigingen"]!["nieuw"]));

        var missing = $"{Verzendingen}/{Guid.NewGuid()}";
        await ProblemAssert.IsProblemAsync((await client.SendJsonAsync(HttpMethod.Put, missing, Body(document))).Response, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync((await client.SendJsonAsync(HttpMethod.Patch, missing, new { })).Response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Patch_ToAnotherDocument_NeedsBijwerkenOnBoth_AuditUnderBoth_NotifiesTheNewOne()
    {
        var oud = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var nieuw = DocumentenApp.Url(await app.CreateDocumentAsync(app.B));
        var c = DocumentenApp.Url(await app.CreateDocumentAsync(app.C));
        var verzending = await CreateAsync(oud);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(verzending));

        await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, path, new { informatieobject = c })).Response,
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Patch, path,
                new { informatieobject = $"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten/{Guid.NewGuid()}" })).Response,
            HttpStatusCode.BadRequest, "invalid", "informatieobject", "does_not_exist");

        var (moved, json) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, path, new { informatieobject = nieuw });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(nieuw, json!["informatieobject"]!.GetValue<string>());
        Assert.Equal("partial_update", (await AudittrailAsync(oud)).Last()!["actie"]!.GetValue<string>());
        Assert.Equal("partial_update", (await AudittrailAsync(nieuw)).Last()!["actie"]!.GetValue<string>());
        Assert.Equal(["create"], (await NotificationsAsync(oud)).Select(n => n["actie"]!.GetValue<string>()));
        Assert.Equal(["partial_update"], (await NotificationsAsync(nieuw)).Select(n => n["actie"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Delete_Answers204_AuditAndNotification_UnknownIs404()
    {
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A, DocumentenApp.Behandelaar));
        var verzending = await CreateAsync(document, DocumentenApp.Behandelaar);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(verzending));
        var (response, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Delete, path);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, path)).Response, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Delete, path)).Response, HttpStatusCode.NotFound, "not_found");
        var destroy = (await NotificationsAsync(document)).Last();
        Assert.Equal("destroy", destroy["actie"]!.GetValue<string>());
        Assert.Equal(DocumentenApp.Url(verzending), destroy["resourceUrl"]!.GetValue<string>());
        var record = (await AudittrailAsync(document)).Last()!;
        Assert.Equal("destroy", record["actie"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(verzending, record["wijzigingen"]!["oud"]));
    }
}
