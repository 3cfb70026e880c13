using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// PUT/PATCH /enkelvoudiginformatieobjecten/{uuid}: every update is a new version (D6), needs the lock (drc-009/010, D9),
/// replaces or keeps the content or opens a new upload (D7, D10), and checks drc-001/005/006/007, identificatie and the
/// autorisatie on the current and the new type/vertrouwelijkheid. Documents are locked in the database (the /lock endpoint
/// is another stage).
/// </summary>
[Collection(DocumentenCollection.Name)]
public sealed class EnkelvoudiginformatieobjectWijzigenTests(DocumentenApp app)
{
    private static readonly byte[] NieuweInhoud = Encoding.UTF8.GetBytes("De stoeptegel is inmiddels vastgezet.");

    private static string PathOf(JsonObject document) => DocumentenApp.PathOf(DocumentenApp.Url(document));

    /// <summary>A full PUT body: the document as created, with <paramref name="lockId"/> and without the read-only fields.</summary>
    private static Dictionary<string, object?> PutBody(JsonObject document, string? lockId, string informatieobjecttype)
    {
        var body = DocumentenApp.DocumentBody(informatieobjecttype, inhoud: null);
        body.Remove("inhoud");
        body["identificatie"] = document["identificatie"]!.GetValue<string>();
        body["lock"] = lockId;
        return body;
    }

    private async Task<JsonObject> OkAsync(HttpMethod method, JsonObject document, object body, string client = DocumentenApp.Beheerder,
        string? toelichting = null)
    {
        var (response, json) = await app.Client(client).SendJsonAsync(method, PathOf(document), body, toelichting);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {(int)response.StatusCode} {json}");
        return json!.AsObject();
    }

    private async Task<byte[]> DownloadAsync(JsonObject document, string query = "")
    {
        var response = await app.Client().GetAsync(PathOf(document) + "/download" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task D6_Put_MakesANewVersion_TheUrlStays_TheContentIsKept_TheLockStaysHeld_AuditAndNotification()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var url = DocumentenApp.Url(created);
        var lockId = await app.LockAsync(created);
        var body = PutBody(created, lockId, app.A);
        body["titel"] = "Melding (bijgewerkt)";

        var updated = await OkAsync(HttpMethod.Put, created, body, toelichting: "Titel verbeterd");
        Assert.Equal(EnkelvoudiginformatieobjectTests.OasVelden, updated.Select(p => p.Key).ToArray()); // no lock in the response
        Assert.Equal(url, DocumentenApp.Url(updated));
        Assert.Equal(2, updated["versie"]!.GetValue<int>());
        Assert.Equal("Melding (bijgewerkt)", updated["titel"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(updated["beginRegistratie"]!.GetValue<string>()) > DateTimeOffset.Parse(created["beginRegistratie"]!.GetValue<string>()));
        Assert.Equal(url + "/download?versie=2", updated["inhoud"]!.GetValue<string>());
        Assert.Equal(created["bestandsomvang"]!.GetValue<long>(), updated["bestandsomvang"]!.GetValue<long>());
        Assert.True(updated["locked"]!.GetValue<bool>());
        Assert.Equal(lockId, await app.LockInDatabaseAsync(created));

        Assert.Equal(await DownloadAsync(created, "?versie=1"), await DownloadAsync(created));
        var keys = await app.InhoudKeysAsync(created);
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]); // the new version refers to the same content

        var v1 = await app.GetAsync(url + "?versie=1");
        Assert.Equal(created["titel"]!.GetValue<string>(), v1["titel"]!.GetValue<string>());
        var list = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?identificatie={created["identificatie"]}");
        Assert.Equal(2, Assert.Single(list["results"]!.AsArray())!["versie"]!.GetValue<int>());

        var notification = (await app.NotificationsAsync(url)).Last();
        Assert.Equal("update", notification["actie"]!.GetValue<string>());
        Assert.Equal("enkelvoudiginformatieobject", notification["resource"]!.GetValue<string>());
        Assert.Equal(app.A, notification["kenmerken"]!["informatieobjecttype"]!.GetValue<string>());

        var (audit, _) = await app.Client().SendJsonAsync(HttpMethod.Get, PathOf(created) + "/audittrail");
        var record = JsonNode.Parse(await audit.Content.ReadAsStringAsync())!.AsArray().Last()!;
        Assert.Equal("update", record["actie"]!.GetValue<string>());
        Assert.Equal(200, record["resultaat"]!.GetValue<int>());
        Assert.Equal("Titel verbeterd", record["toelichting"]!.GetValue<string>());
        Assert.Equal(1, record["wijzigingen"]!["oud"]!["versie"]!.GetValue<int>());
        Assert.Equal(created["titel"]!.GetValue<string>(), record["wijzigingen"]!["oud"]!["titel"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(updated, record["wijzigingen"]!["nieuw"]));
    }

    [Fact]
    public async Task D6_Patch_ChangesOnlyTheSentFields_EachPatchIsAVersion_AuditPartialUpdate()
    {
        var created = await app.CreateDocumentAsync(app.A, change: b => b["trefwoorden"] = new[] { "stoep" });
        var lockId = await app.LockAsync(created);
        var v2 = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, beschrijving = "Hoek Dorpsstraat" });
        Assert.Equal(2, v2["versie"]!.GetValue<int>());
        Assert.Equal("Hoek Dorpsstraat", v2["beschrijving"]!.GetValue<string>());
        foreach (var unchanged in new[] { "identificatie", "titel", "auteur", "taal", "bestandsnaam", "vertrouwelijkheidaanduiding", "informatieobjecttype", "bestandsomvang" })
            Assert.True(JsonNode.DeepEquals(created[unchanged], v2[unchanged]), unchanged);
        Assert.Equal(["stoep"], v2["trefwoorden"]!.AsArray().Select(t => t!.GetValue<string>()));

        var v3 = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, trefwoorden = new[] { "tegel", "hoek" } });
        Assert.Equal(3, v3["versie"]!.GetValue<int>());
        Assert.Equal("Hoek Dorpsstraat", v3["beschrijving"]!.GetValue<string>());
        Assert.Equal(1, await app.QueryAsync<int>("SELECT count(*) FROM enkelvoudiginformatieobject WHERE 'tegel' = ANY(trefwoorden) AND uuid = @uuid",
            new { uuid = DocumentTestData.Uuid(created) }));
        Assert.Equal("partial_update", (await app.NotificationsAsync(DocumentenApp.Url(created))).Last()["actie"]!.GetValue<string>());
        Assert.Equal(2, await app.QueryAsync<int>("SELECT count(*) FROM audittrail WHERE hoofd_object = @url AND actie = 'partial_update'",
            new { url = DocumentenApp.Url(created) }));
    }

    [Fact]
    public async Task D7_Base64InhoudReplacesTheContent_InANewFile_TheOldVersionKeepsItsOwn()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var oud = await DownloadAsync(created);
        var lockId = await app.LockAsync(created);
        var files = app.StoredFiles().Count;

        var updated = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, inhoud = Convert.ToBase64String(NieuweInhoud) });
        Assert.Equal(NieuweInhoud.Length, updated["bestandsomvang"]!.GetValue<long>());
        Assert.Equal(NieuweInhoud, await DownloadAsync(created));
        Assert.Equal(oud, await DownloadAsync(created, "?versie=1"));
        Assert.Equal(files + 1, app.StoredFiles().Count);

        // PUT with inhoud and its size
        var body = PutBody(created, lockId, app.A);
        body["inhoud"] = Convert.ToBase64String(oud);
        body["bestandsomvang"] = oud.Length;
        var v3 = await OkAsync(HttpMethod.Put, created, body);
        Assert.Equal(3, v3["versie"]!.GetValue<int>());
        Assert.Equal(oud, await DownloadAsync(created));
    }

    [Fact]
    public async Task D7_InhoudAndBestandsomvangDisagree_Is400FileSize_BadBase64Is400_NothingWrittenNoFileLeft()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var lockId = await app.LockAsync(created);
        var files = app.StoredFiles().Count;
        var (mismatch, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created),
            new { @lock = lockId, inhoud = Convert.ToBase64String(NieuweInhoud), bestandsomvang = 3 });
        await ProblemAssert.IsProblemAsync(mismatch, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "file-size");
        var (bad, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created), new { @lock = lockId, inhoud = "geen base64!" });
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "invalid", "inhoud", "invalid-base64");
        Assert.Equal(files, app.StoredFiles().Count);
        Assert.Equal(1, (await app.GetAsync(DocumentenApp.Url(created)))["versie"]!.GetValue<int>());
    }

    [Fact]
    public async Task D10_BestandsomvangWithEmptyInhoud_OpensANewUpload_InPartsCarryingTheLock()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var lockId = await app.LockAsync(created);
        var updated = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, inhoud = (string?)null, bestandsomvang = 25 });
        Assert.Equal(2, updated["versie"]!.GetValue<int>());
        Assert.Null(updated["inhoud"]);
        Assert.Equal(25, updated["bestandsomvang"]!.GetValue<long>());
        Assert.True(updated["locked"]!.GetValue<bool>());
        var delen = updated["bestandsdelen"]!.AsArray();
        Assert.Equal([10L, 10L, 5L], delen.Select(d => d!["omvang"]!.GetValue<long>()));
        Assert.Equal([1, 2, 3], delen.Select(d => d!["volgnummer"]!.GetValue<int>()));
        Assert.All(delen, d => Assert.False(d!["voltooid"]!.GetValue<bool>()));
        Assert.All(delen, d => Assert.Equal(lockId, d!["lock"]!.GetValue<string>()));
        Assert.Equal(3, (await app.GetAsync(DocumentenApp.Url(created)))["bestandsdelen"]!.AsArray().Count);

        // a PATCH of another field keeps the open upload (moved to the new version); another size replaces it
        var v3 = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, titel = "Grote melding" });
        Assert.Equal(delen.Select(d => d!["url"]!.GetValue<string>()), v3["bestandsdelen"]!.AsArray().Select(d => d!["url"]!.GetValue<string>()));
        var v4 = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, bestandsomvang = 8 });
        Assert.Equal([8L], v4["bestandsdelen"]!.AsArray().Select(d => d!["omvang"]!.GetValue<long>()));
        Assert.Equal(1, await app.CountAsync("bestandsdeel", await app.DocumentIdAsync(created)));

        // new base64 content closes the upload
        var v5 = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, inhoud = Convert.ToBase64String(NieuweInhoud) });
        Assert.Empty(v5["bestandsdelen"]!.AsArray());
        Assert.Equal(0, await app.CountAsync("bestandsdeel", await app.DocumentIdAsync(created)));
        Assert.Equal(NieuweInhoud, await DownloadAsync(created));
    }

    [Fact]
    public async Task Drc009_010_LockChecks_InOpenZaakOrder_Unlocked_MissingLockId_IncorrectLockId_NothingWritten()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var (unlocked, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created), new { @lock = "abc", titel = "x" });
        await ProblemAssert.IsProblemAsync(unlocked, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unlocked");
        var (unlockedPut, _) = await app.Client().SendJsonAsync(HttpMethod.Put, PathOf(created), PutBody(created, null, app.A));
        await ProblemAssert.IsProblemAsync(unlockedPut, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unlocked");

        await app.LockAsync(created);
        var (missing, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created), new { titel = "x" });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "missing-lock-id");
        var (missingPut, _) = await app.Client().SendJsonAsync(HttpMethod.Put, PathOf(created), PutBody(created, null, app.A));
        await ProblemAssert.IsProblemAsync(missingPut, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "missing-lock-id");
        var (wrong, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created), new { @lock = "0123456789abcdef0123456789abcdef", titel = "x" });
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "incorrect-lock-id");

        var current = await app.GetAsync(DocumentenApp.Url(created));
        Assert.Equal(1, current["versie"]!.GetValue<int>());
        Assert.Equal(created["titel"]!.GetValue<string>(), current["titel"]!.GetValue<string>());
        Assert.Single(await app.NotificationsAsync(DocumentenApp.Url(created)));
    }

    [Fact]
    public async Task Drc001_TheInformatieobjecttypeMayChange_ButMustBePublished_AndResolve()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var lockId = await app.LockAsync(created);
        var concept = await app.Seed.InformatieobjecttypeAsync(app.Catalogus, publish: false);
        var (notPublished, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created), new { @lock = lockId, informatieobjecttype = concept });
        await ProblemAssert.IsProblemAsync(notPublished, HttpStatusCode.BadRequest, "invalid", "informatieobjecttype", "not-published");
        var (bad, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created),
            new { @lock = lockId, informatieobjecttype = app.CatalogiUrl + "/catalogi/api/v1/informatieobjecttypen/" + Guid.NewGuid() });
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "invalid", "informatieobjecttype");

        var updated = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, informatieobjecttype = app.C });
        Assert.Equal(app.C, updated["informatieobjecttype"]!.GetValue<string>());
        Assert.Equal(app.C, (await app.NotificationsAsync(DocumentenApp.Url(created))).Last()["kenmerken"]!["informatieobjecttype"]!.GetValue<string>());
        Assert.Equal(app.C, await app.QueryAsync<string>("SELECT informatieobjecttype FROM enkelvoudiginformatieobject WHERE uuid = @uuid",
            new { uuid = DocumentTestData.Uuid(created) }));
    }

    [Fact]
    public async Task Drc005_OntvangstdatumWithStatusInBewerking_Is400()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var lockId = await app.LockAsync(created);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created),
            new { @lock = lockId, ontvangstdatum = "2024-03-02", status = "in_bewerking" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "status", "invalid_for_received");
        var ok = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, ontvangstdatum = "2024-03-02", status = "definitief" });
        Assert.Equal("2024-03-02", ok["ontvangstdatum"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drc006_IndicatieGebruiksrecht_TrueOnlyWithGebruiksrechten_FalseOrNullOnlyWithout()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var lockId = await app.LockAsync(created);
        var (missing, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created), new { @lock = lockId, indicatieGebruiksrecht = true });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "indicatieGebruiksrecht", "missing-gebruiksrechten");
        Assert.False((await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, indicatieGebruiksrecht = false }))["indicatieGebruiksrecht"]!.GetValue<bool>());

        await app.AddGebruiksrechtAsync(created);
        var (existing, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created), new { @lock = lockId, indicatieGebruiksrecht = (bool?)null });
        await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.BadRequest, "invalid", "indicatieGebruiksrecht", "existing-gebruiksrechten");
        // a PUT that leaves the indicatie out keeps it (true, with gebruiksrechten)
        var put = await OkAsync(HttpMethod.Put, created, PutBody(created, lockId, app.A));
        Assert.True(put["indicatieGebruiksrecht"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Drc007_WithoutVertrouwelijkheidaanduiding_TheDocumentKeepsItsOwn_OrTakesTheNewTypes()
    {
        var created = await app.CreateDocumentAsync(app.A, vertrouwelijkheid: "geheim");
        var lockId = await app.LockAsync(created);
        var body = PutBody(created, lockId, app.A);
        body.Remove("vertrouwelijkheidaanduiding");
        Assert.Equal("geheim", (await OkAsync(HttpMethod.Put, created, body))["vertrouwelijkheidaanduiding"]!.GetValue<string>());

        var naarB = PutBody(created, lockId, app.B);
        naarB.Remove("vertrouwelijkheidaanduiding");
        var updated = await OkAsync(HttpMethod.Put, created, naarB);
        Assert.Equal("zaakvertrouwelijk", updated["vertrouwelijkheidaanduiding"]!.GetValue<string>());
        Assert.Equal("zaakvertrouwelijk", (await app.NotificationsAsync(DocumentenApp.Url(created))).Last()["kenmerken"]!["vertrouwelijkheidaanduiding"]!.GetValue<string>());
    }

    [Fact]
    public async Task Identificatie_StaysUniquePerBronorganisatie_OnUpdate()
    {
        var other = await app.CreateDocumentAsync(app.A);
        var created = await app.CreateDocumentAsync(app.A);
        var lockId = await app.LockAsync(created);
        var (taken, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created),
            new { @lock = lockId, identificatie = other["identificatie"]!.GetValue<string>() });
        await ProblemAssert.IsProblemAsync(taken, HttpStatusCode.BadRequest, "invalid", "identificatie", "identificatie-niet-uniek");
        // the content written before the failed transaction is removed again
        var files = app.StoredFiles().Count;
        var (takenWithContent, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created),
            new { @lock = lockId, identificatie = other["identificatie"]!.GetValue<string>(), inhoud = Convert.ToBase64String(NieuweInhoud) });
        await ProblemAssert.IsProblemAsync(takenWithContent, HttpStatusCode.BadRequest, "invalid", "identificatie", "identificatie-niet-uniek");
        Assert.Equal(files, app.StoredFiles().Count);

        var own = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, identificatie = created["identificatie"]!.GetValue<string>() });
        Assert.Equal(2, own["versie"]!.GetValue<int>());
        var renamed = await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, identificatie = CatalogiSeeder.Unique("DOC-") });
        Assert.StartsWith("DOC-", renamed["identificatie"]!.GetValue<string>());
    }

    [Fact]
    public async Task Autorisatie_ScopeCurrentTypeAndNewTypeOrVertrouwelijkheid_403_GeforceerdBijwerkenSuffices_404_400()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var lockId = await app.LockAsync(created);

        var (geenScope, _) = await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Patch, PathOf(created), new { @lock = lockId, titel = "x" });
        await ProblemAssert.IsProblemAsync(geenScope, HttpStatusCode.Forbidden, "permission_denied");
        var (nieuwType, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, PathOf(created),
            new { @lock = lockId, informatieobjecttype = app.C });
        await ProblemAssert.IsProblemAsync(nieuwType, HttpStatusCode.Forbidden, "permission_denied");
        var (teGeheim, _) = await app.Client(DocumentenApp.Bijwerker).SendJsonAsync(HttpMethod.Patch, PathOf(created),
            new { @lock = lockId, vertrouwelijkheidaanduiding = "geheim" });
        await ProblemAssert.IsProblemAsync(teGeheim, HttpStatusCode.Forbidden, "permission_denied");

        var c = await app.CreateDocumentAsync(app.C);
        var cLock = await app.LockAsync(c);
        var (huidigType, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, PathOf(c),
            new { @lock = cLock, informatieobjecttype = app.A });
        await ProblemAssert.IsProblemAsync(huidigType, HttpStatusCode.Forbidden, "permission_denied");
        Assert.Equal(1, (await app.GetAsync(DocumentenApp.Url(created)))["versie"]!.GetValue<int>());

        Assert.Equal(2, (await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, titel = "Geforceerd" }, DocumentenApp.Bijwerker))["versie"]!.GetValue<int>());
        Assert.Equal(3, (await OkAsync(HttpMethod.Patch, created, new { @lock = lockId, titel = "Behandeld" }, DocumentenApp.Behandelaar))["versie"]!.GetValue<int>());

        var (missing, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, $"/documenten/api/v1/enkelvoudiginformatieobjecten/{Guid.NewGuid()}", new { titel = "x" });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
        var (unknownParameter, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created) + "?foo=1", new { @lock = lockId });
        await ProblemAssert.IsProblemAsync(unknownParameter, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Put_IsValidatedAsAWhole_MissingRequiredFieldIs400()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var lockId = await app.LockAsync(created);
        var body = PutBody(created, lockId, app.A);
        body.Remove("titel");
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Put, PathOf(created), body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "titel", "required");
        var (nullTitel, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(created), new { @lock = lockId, titel = (string?)null });
        await ProblemAssert.IsProblemAsync(nullTitel, HttpStatusCode.BadRequest, "invalid", "titel");
        Assert.Equal(1, (await app.GetAsync(DocumentenApp.Url(created)))["versie"]!.GetValue<int>());
    }
}
