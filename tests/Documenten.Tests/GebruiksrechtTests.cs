using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// /gebruiksrechten (Documenten API 1.5.0): drc-006 (D4) — the first gebruiksrecht sets the document's
/// indicatieGebruiksrecht to true without a new version, deleting the last resets it to null — and the operations: list
/// (unpaginated, filters, expand), create, read/HEAD/ETag, PUT, PATCH, DELETE, with autorisatie through the document (A8),
/// audit under the document (G8) and notifications on kanaal documenten.
/// </summary>
[Collection(DocumentenCollection.Name)]
public sealed class GebruiksrechtTests(DocumentenApp app)
{
    private const string Gebruiksrechten = "/documenten/api/v1/gebruiksrechten";

    public static readonly string[] OasVelden = ["url", "informatieobject", "startdatum", "einddatum", "omschrijvingVoorwaarden"];

    private static Dictionary<string, object?> Body(string informatieobject, string startdatum = "2024-03-01T10:00:00Z",
        string? einddatum = null, string omschrijving = "Alleen intern gebruik") => new()
    {
        ["informatieobject"] = informatieobject,
        ["startdatum"] = startdatum,
        ["einddatum"] = einddatum,
        ["omschrijvingVoorwaarden"] = omschrijving,
    };

    private async Task<JsonObject> CreateAsync(string informatieobject, string clientId = DocumentenApp.Beheerder, string startdatum = "2024-03-01T10:00:00Z",
        string? einddatum = null)
    {
        var (response, json) = await app.Client(clientId).SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body(informatieobject, startdatum, einddatum));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST gebruiksrechten: {(int)response.StatusCode} {json}");
        return json!.AsObject();
    }

    private async Task<JsonArray> AudittrailAsync(string document) =>
        JsonNode.Parse(await (await app.Client().GetAsync(DocumentenApp.PathOf(document) + "/audittrail")).Content.ReadAsStringAsync())!.AsArray();

    private async Task<List<JsonObject>> NotificationsAsync(string document) =>
        (await app.NotificationsAsync(document)).Where(n => n["resource"]!.GetValue<string>() == "gebruiksrechten").ToList();

    [Fact]
    public async Task Create_Answers201_WithTheGebruiksrecht_AuditUnderTheDocument_AndNotification()
    {
        var document = await app.CreateDocumentAsync(app.A, DocumentenApp.Behandelaar);
        var documentUrl = DocumentenApp.Url(document);
        var (response, json) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Post, Gebruiksrechten,
            Body(documentUrl, "2024-03-01T10:00:00+01:00", "2025-01-01T00:00:00Z"), toelichting: "Rechten vastgelegd");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recht = json!.AsObject();
        var url = DocumentenApp.Url(recht);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.StartsWith(DocumentenApp.ApiRoot + "/gebruiksrechten/", url);
        Assert.Equal(OasVelden, recht.Select(p => p.Key).ToArray());
        Assert.Equal(documentUrl, recht["informatieobject"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T09:00:00Z"), DateTimeOffset.Parse(recht["startdatum"]!.GetValue<string>()));
        Assert.Equal(DateTimeOffset.Parse("2025-01-01T00:00:00Z"), DateTimeOffset.Parse(recht["einddatum"]!.GetValue<string>()));
        Assert.Equal("Alleen intern gebruik", recht["omschrijvingVoorwaarden"]!.GetValue<string>());

        var notification = Assert.Single(await NotificationsAsync(documentUrl));
        Assert.Equal("documenten", notification["kanaal"]!.GetValue<string>());
        Assert.Equal(documentUrl, notification["hoofdObject"]!.GetValue<string>());
        Assert.Equal(url, notification["resourceUrl"]!.GetValue<string>());
        Assert.Equal("create", notification["actie"]!.GetValue<string>());
        Assert.Equal(app.A, notification["kenmerken"]!["informatieobjecttype"]!.GetValue<string>());
        Assert.Equal(DocumentenApp.Bronorganisatie, notification["kenmerken"]!["bronorganisatie"]!.GetValue<string>());
        Assert.Equal("openbaar", notification["kenmerken"]!["vertrouwelijkheidaanduiding"]!.GetValue<string>());

        var record = (await AudittrailAsync(documentUrl)).Single(r => r!["resource"]!.GetValue<string>() == "gebruiksrechten")!;
        Assert.Equal("create", record["actie"]!.GetValue<string>());
        Assert.Equal(documentUrl, record["hoofdObject"]!.GetValue<string>());
        Assert.Equal(url, record["resourceUrl"]!.GetValue<string>());
        Assert.Equal("Rechten vastgelegd", record["toelichting"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(recht, record["wijzigingen"]!["nieuw"]));
    }

    [Fact]
    public async Task Drc006_TheFirstGebruiksrechtSetsIndicatieTrue_WithoutANewVersion_DeletingTheLastResetsItToNull()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var url = DocumentenApp.Url(document);
        Assert.Null(document["indicatieGebruiksrecht"]);

        var eerste = await CreateAsync(url);
        var na = await app.GetAsync(url);
        Assert.True(na["indicatieGebruiksrecht"]!.GetValue<bool>());
        Assert.Equal(1, na["versie"]!.GetValue<int>());
        Assert.Equal(document["beginRegistratie"]!.GetValue<string>(), na["beginRegistratie"]!.GetValue<string>());
        Assert.Equal(1, await app.QueryAsync<long>("SELECT count(*) FROM enkelvoudiginformatieobject_versie v JOIN enkelvoudiginformatieobject d ON d.id = v.document_id WHERE d.uuid = @u",
            new { u = Guid.Parse(url[^36..]) }));
        var lijst = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?identificatie={document["identificatie"]!.GetValue<string>()}");
        Assert.True(lijst["results"]![0]!["indicatieGebruiksrecht"]!.GetValue<bool>());

        var tweede = await CreateAsync(url);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync(DocumentenApp.PathOf(DocumentenApp.Url(eerste)))).StatusCode);
        Assert.True((await app.GetAsync(url))["indicatieGebruiksrecht"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync(DocumentenApp.PathOf(DocumentenApp.Url(tweede)))).StatusCode);
        var zonder = await app.GetAsync(url);
        Assert.Null(zonder["indicatieGebruiksrecht"]);
        Assert.Equal(1, zonder["versie"]!.GetValue<int>());
    }

    [Fact]
    public async Task Drc006_ADocumentWithIndicatieFalse_BecomesTrue()
    {
        var document = await app.CreateDocumentAsync(app.A, change: b => b["indicatieGebruiksrecht"] = false);
        await CreateAsync(DocumentenApp.Url(document));
        Assert.True((await app.GetAsync(DocumentenApp.Url(document)))["indicatieGebruiksrecht"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_BadInput_Is400_WithTheField_AndWritesNothing()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var url = DocumentenApp.Url(document);
        var client = app.Client();

        var (empty, _) = await client.SendJsonAsync(HttpMethod.Post, Gebruiksrechten, new Dictionary<string, object?>());
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "informatieobject", "required");
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "startdatum", "required");
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "omschrijvingVoorwaarden", "required");
        var (blank, _) = await client.SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body(url, omschrijving: ""));
        await ProblemAssert.IsProblemAsync(blank, HttpStatusCode.BadRequest, "invalid", "omschrijvingVoorwaarden", "blank");

        var (unknown, _) = await client.SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten/{Guid.NewGuid()}"));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "informatieobject", "does_not_exist");
        var (foreign, _) = await client.SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body("https://elders.example.org/documenten/api/v1/enkelvoudiginformatieobjecten/" + Guid.NewGuid()));
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.BadRequest, "invalid", "informatieobject", "bad-url");
        var (badDate, _) = await client.SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body(url, startdatum: "morgen"));
        await ProblemAssert.IsProblemAsync(badDate, HttpStatusCode.BadRequest, "invalid", "startdatum");
        var (query, _) = await client.SendJsonAsync(HttpMethod.Post, Gebruiksrechten + "?foo=1", Body(url));
        await ProblemAssert.IsProblemAsync(query, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");

        Assert.Null((await app.GetAsync(url))["indicatieGebruiksrecht"]);
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM gebruiksrechten g JOIN enkelvoudiginformatieobject d ON d.id = g.document_id WHERE d.uuid = @u",
            new { u = Guid.Parse(url[^36..]) }));
        Assert.Empty(await NotificationsAsync(url));
    }

    [Fact]
    public async Task Create_WithoutTheScopeOrForAnotherDocument_Is403_AndWritesNothing()
    {
        var a = await app.CreateDocumentAsync(app.A);
        var (lezer, _) = await app.Client(DocumentenApp.Lezer).SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body(DocumentenApp.Url(a)));
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");
        var (buitenstaander, _) = await app.Client(DocumentenApp.Buitenstaander).SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body(DocumentenApp.Url(a)));
        await ProblemAssert.IsProblemAsync(buitenstaander, HttpStatusCode.Forbidden, "permission_denied");

        // aanmaker may create on A up to zaakvertrouwelijk only.
        var b = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "openbaar");
        var (anderType, _) = await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body(DocumentenApp.Url(b)));
        await ProblemAssert.IsProblemAsync(anderType, HttpStatusCode.Forbidden, "permission_denied");
        var geheim = await app.CreateDocumentAsync(app.A, vertrouwelijkheid: "geheim");
        var (teGeheim, _) = await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Post, Gebruiksrechten, Body(DocumentenApp.Url(geheim)));
        await ProblemAssert.IsProblemAsync(teGeheim, HttpStatusCode.Forbidden, "permission_denied");

        foreach (var d in new[] { a, b, geheim })
        {
            Assert.Null((await app.GetAsync(DocumentenApp.Url(d)))["indicatieGebruiksrecht"]);
            Assert.Empty(await NotificationsAsync(DocumentenApp.Url(d)));
        }
        await CreateAsync(DocumentenApp.Url(a), DocumentenApp.Aanmaker);
    }

    [Fact]
    public async Task Read_WithETag_HeadHasNoBody_IfNoneMatchIs304_404_403()
    {
        var document = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk");
        var recht = await CreateAsync(DocumentenApp.Url(document));
        var path = DocumentenApp.PathOf(DocumentenApp.Url(recht));

        var response = await app.Client(DocumentenApp.Lezer).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(recht, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
        await ETagAssert.HeadAndNotModifiedAsync(app.Client(DocumentenApp.Lezer), path, response.Headers.ETag!);

        // beperkt reads B only up to openbaar; aanmaker not B at all; buitenstaander has no scope.
        foreach (var client in new[] { DocumentenApp.Beperkt, DocumentenApp.Aanmaker, DocumentenApp.Buitenstaander })
        {
            var (forbidden, _) = await app.Client(client).SendJsonAsync(HttpMethod.Get, path);
            await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "permission_denied");
        }
        var (missing, _) = await app.Client().SendJsonAsync(HttpMethod.Get, $"{Gebruiksrechten}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
        var (unknown, _) = await app.Client().SendJsonAsync(HttpMethod.Get, path + "?foo=1");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Expand_Informatieobject_AddsTheLatestVersionOfTheDocument_OnDetailAndList_NestedInformatieobjecttype_UnknownNameIs404()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var documentUrl = DocumentenApp.Url(document);
        var recht = await CreateAsync(documentUrl);
        var current = await app.GetAsync(documentUrl);

        var detail = await app.GetAsync(DocumentenApp.Url(recht) + "?expand=informatieobject");
        Assert.True(JsonNode.DeepEquals(current, detail["_expand"]!["informatieobject"]), $"{current}\n{detail}");
        Assert.Equal(DocumentenApp.Url(recht), DocumentenApp.Url(detail));

        var list = (await app.Client().SendJsonAsync(HttpMethod.Get,
            $"{Gebruiksrechten}?expand=informatieobject&informatieobject={Uri.EscapeDataString(documentUrl)}")).Body!.AsArray();
        Assert.True(JsonNode.DeepEquals(current, Assert.Single(list)!["_expand"]!["informatieobject"]));

        var nested = await app.GetAsync(DocumentenApp.Url(recht) + "?expand=informatieobject.informatieobjecttype");
        Assert.Equal(app.A, nested["_expand"]!["informatieobject"]!["_expand"]!["informatieobjecttype"]!["url"]!.GetValue<string>());
        var (tooDeep, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(recht)) + "?expand=informatieobject.titel");
        await ProblemAssert.IsProblemAsync(tooDeep, HttpStatusCode.NotFound, "not_found");

        var plain = await app.GetAsync(DocumentenApp.Url(recht));
        Assert.Null(plain["_expand"]);
        var (unknown, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(recht)) + "?expand=informatieobjecttype");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        var (unknownInList, _) = await app.Client().SendJsonAsync(HttpMethod.Get, Gebruiksrechten + "?expand=foo");
        await ProblemAssert.IsProblemAsync(unknownInList, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task List_IsUnpaginated_FiltersOnInformatieobjectAndDates_AndShowsOnlyAuthorisedDocuments()
    {
        var a = await app.CreateDocumentAsync(app.A);
        var aUrl = DocumentenApp.Url(a);
        var vroeg = await CreateAsync(aUrl, startdatum: "2020-01-01T00:00:00Z", einddatum: "2021-01-01T00:00:00Z");
        var laat = await CreateAsync(aUrl, startdatum: "2030-01-01T00:00:00Z");
        var b = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk");
        var geheim = await CreateAsync(DocumentenApp.Url(b));

        async Task<string[]> Urls(string query, string client = DocumentenApp.Beheerder)
        {
            var (response, body) = await app.Client(client).SendJsonAsync(HttpMethod.Get, Gebruiksrechten + query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
            return body!.AsArray().Select(r => DocumentenApp.Url(r!.AsObject())).ToArray();
        }

        var byDocument = "?informatieobject=" + Uri.EscapeDataString(aUrl);
        Assert.Equal([DocumentenApp.Url(vroeg), DocumentenApp.Url(laat)], await Urls(byDocument));
        Assert.Equal([DocumentenApp.Url(laat)], await Urls(byDocument + "&startdatum__gt=2025-01-01T00:00:00Z"));
        Assert.Equal([DocumentenApp.Url(vroeg)], await Urls(byDocument + "&startdatum__lte=2020-01-01T00:00:00Z"));
        Assert.Equal([DocumentenApp.Url(laat)], await Urls(byDocument + "&startdatum__gte=2030-01-01T00:00:00Z"));
        Assert.Equal([DocumentenApp.Url(vroeg)], await Urls(byDocument + "&startdatum__lt=2030-01-01T00:00:00Z"));
        Assert.Equal([DocumentenApp.Url(vroeg)], await Urls(byDocument + "&einddatum__lt=2022-01-01T00:00:00Z"));
        Assert.Equal([DocumentenApp.Url(vroeg)], await Urls(byDocument + "&einddatum__lte=2021-01-01T00:00:00Z"));
        Assert.Empty(await Urls(byDocument + "&einddatum__gt=2021-01-01T00:00:00Z"));
        Assert.Equal([DocumentenApp.Url(vroeg)], await Urls(byDocument + "&einddatum__gte=2021-01-01T00:00:00Z"));
        Assert.Empty(await Urls("?informatieobject=" + Uri.EscapeDataString($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten/{Guid.NewGuid()}")));

        var all = await Urls("");
        Assert.Contains(DocumentenApp.Url(geheim), all);
        Assert.Contains(DocumentenApp.Url(vroeg), all);
        // beperkt reads B only up to openbaar: b's gebruiksrecht is left out silently.
        var beperkt = await Urls("", DocumentenApp.Beperkt);
        Assert.DoesNotContain(DocumentenApp.Url(geheim), beperkt);
        Assert.Contains(DocumentenApp.Url(vroeg), beperkt);
        Assert.DoesNotContain(DocumentenApp.Url(geheim), await Urls("", DocumentenApp.Aanmaker));

        var (badDate, _) = await app.Client().SendJsonAsync(HttpMethod.Get, Gebruiksrechten + "?startdatum__gt=gisteren");
        await ProblemAssert.IsProblemAsync(badDate, HttpStatusCode.BadRequest, "invalid", "startdatum__gt", "invalid");
        var (badUrl, _) = await app.Client().SendJsonAsync(HttpMethod.Get, Gebruiksrechten + "?informatieobject=geen-url");
        await ProblemAssert.IsProblemAsync(badUrl, HttpStatusCode.BadRequest, "invalid", "informatieobject", "invalid");
        var (unknown, _) = await app.Client().SendJsonAsync(HttpMethod.Get, Gebruiksrechten + "?page=1");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        var (noScope, _) = await app.Client(DocumentenApp.Buitenstaander).SendJsonAsync(HttpMethod.Get, Gebruiksrechten);
        await ProblemAssert.IsProblemAsync(noScope, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task PutAndPatch_UpdateTheGebruiksrecht_AuditAndNotify_InformatieobjectCannotChange()
    {
        var document = await app.CreateDocumentAsync(app.A, DocumentenApp.Behandelaar);
        var documentUrl = DocumentenApp.Url(document);
        var recht = await CreateAsync(documentUrl, DocumentenApp.Behandelaar);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(recht));
        var client = app.Client(DocumentenApp.Behandelaar);

        var (put, putJson) = await client.SendJsonAsync(HttpMethod.Put, path, Body(documentUrl, "2024-04-01T00:00:00Z", omschrijving: "Vrij gebruik"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Vrij gebruik", putJson!["omschrijvingVoorwaarden"]!.GetValue<string>());
        Assert.Null(putJson["einddatum"]);
        Assert.Equal(DateTimeOffset.Parse("2024-04-01T00:00:00Z"), DateTimeOffset.Parse(putJson["startdatum"]!.GetValue<string>()));

        var (patch, patchJson) = await client.SendJsonAsync(HttpMethod.Patch, path, new { einddatum = "2026-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Vrij gebruik", patchJson!["omschrijvingVoorwaarden"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:00Z"), DateTimeOffset.Parse(patchJson["einddatum"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(patchJson, await app.GetAsync(DocumentenApp.Url(recht))));

        Assert.Equal(["create", "update", "partial_update"], (await NotificationsAsync(documentUrl)).Select(n => n["actie"]!.GetValue<string>()));
        var records = (await AudittrailAsync(documentUrl)).Where(r => r!["resource"]!.GetValue<string>() == "gebruiksrechten").ToList();
        Assert.Equal(["create", "update", "partial_update"], records.Select(r => r!["actie"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(putJson, records[2]!["wijzigingen"]!["oud"]));
        Assert.True(JsonNode.DeepEquals(patchJson, records[2]!["wijzigingen"]!["nieuw"]));

        var ander = await app.CreateDocumentAsync(app.A);
        var (move, _) = await client.SendJsonAsync(HttpMethod.Patch, path, new { informatieobject = DocumentenApp.Url(ander) });
        await ProblemAssert.IsProblemAsync(move, HttpStatusCode.BadRequest, "invalid", "informatieobject", "wijzigen-niet-toegelaten");
        var (blank, _) = await client.SendJsonAsync(HttpMethod.Put, path, Body(documentUrl, omschrijving: ""));
        await ProblemAssert.IsProblemAsync(blank, HttpStatusCode.BadRequest, "invalid", "omschrijvingVoorwaarden", "blank");
        Assert.Null((await app.GetAsync(DocumentenApp.Url(ander)))["indicatieGebruiksrecht"]);
        Assert.Equal(3, (await NotificationsAsync(documentUrl)).Count);
    }

    [Fact]
    public async Task PutPatchDelete_WithoutTheScopeOrForAnotherType_Is403_UnknownIs404()
    {
        var c = await app.CreateDocumentAsync(app.C);
        var recht = await CreateAsync(DocumentenApp.Url(c));
        var path = DocumentenApp.PathOf(DocumentenApp.Url(recht));
        // behandelaar has every scope, but for A and B only; lezer reads C but may not write.
        foreach (var client in new[] { DocumentenApp.Behandelaar, DocumentenApp.Lezer })
        {
            var (put, _) = await app.Client(client).SendJsonAsync(HttpMethod.Put, path, Body(DocumentenApp.Url(c)));
            await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden, "permission_denied");
            var (patch, _) = await app.Client(client).SendJsonAsync(HttpMethod.Patch, path, new { omschrijvingVoorwaarden = "x" });
            await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Forbidden, "permission_denied");
            var (delete, _) = await app.Client(client).SendJsonAsync(HttpMethod.Delete, path);
            await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Forbidden, "permission_denied");
        }
        Assert.True(JsonNode.DeepEquals(recht, await app.GetAsync(DocumentenApp.Url(recht))));

        var missing = $"{Gebruiksrechten}/{Guid.NewGuid()}";
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Put, missing, Body(DocumentenApp.Url(c)))).Response, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Patch, missing, new { })).Response, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Delete, missing)).Response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Delete_Answers204_AuditAndNotification_ThenTheGebruiksrechtIsGone()
    {
        var document = await app.CreateDocumentAsync(app.A, DocumentenApp.Behandelaar);
        var documentUrl = DocumentenApp.Url(document);
        var recht = await CreateAsync(documentUrl, DocumentenApp.Behandelaar);
        var (response, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Delete, DocumentenApp.PathOf(DocumentenApp.Url(recht)));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var (gone, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(recht)));
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
        var destroy = (await NotificationsAsync(documentUrl)).Last();
        Assert.Equal("destroy", destroy["actie"]!.GetValue<string>());
        Assert.Equal(DocumentenApp.Url(recht), destroy["resourceUrl"]!.GetValue<string>());
        var record = (await AudittrailAsync(documentUrl)).Last()!;
        Assert.Equal("destroy", record["actie"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(recht, record["wijzigingen"]!["oud"]));
        Assert.Null(record["wijzigingen"]!["nieuw"]);
    }
}
