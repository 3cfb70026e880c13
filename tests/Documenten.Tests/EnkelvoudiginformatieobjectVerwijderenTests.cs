using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// DELETE /enkelvoudiginformatieobjecten/{uuid} (D8): only without objectinformatieobjecten (drc-008 <c>pending-relations</c>)
/// and not locked (<c>destroy-locked</c>); hard-deletes every version, bestandsdeel, gebruiksrecht, verzending and the audit
/// trail; the content leaves the store after the commit; notification <c>destroy</c>.
/// </summary>
[Collection(DocumentenCollection.Name)]
public sealed class EnkelvoudiginformatieobjectVerwijderenTests(DocumentenApp app)
{
    private static string PathOf(JsonObject document) => DocumentenApp.PathOf(DocumentenApp.Url(document));

    private bool Stored(string key) => File.Exists(Path.Combine(app.StoragePath, key));

    [Fact]
    public async Task Drc008_Delete_RemovesEveryVersionAndRelatedRow_TheAuditTrail_AndTheContent_NotifiesDestroy()
    {
        var document = await app.CreateDocumentAsync(app.A, DocumentenApp.Behandelaar);
        var url = DocumentenApp.Url(document);
        var lockId = await app.LockAsync(document);
        var (patch, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, PathOf(document),
            new { @lock = lockId, inhoud = Convert.ToBase64String("versie twee"u8.ToArray()) });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        await app.UnlockAsync(document);
        await app.AddGebruiksrechtAsync(document);
        await app.AddVerzendingAsync(document);
        var id = await app.DocumentIdAsync(document);
        var keys = await app.InhoudKeysAsync(document);
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.True(Stored(k)));

        var (response, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Delete, PathOf(document), toelichting: "Dubbel");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var (gone, _) = await app.Client().SendJsonAsync(HttpMethod.Get, PathOf(document));
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
        foreach (var table in new[] { "enkelvoudiginformatieobject_versie", "gebruiksrechten", "verzending", "bestandsdeel" })
            Assert.Equal(0, await app.CountAsync(table, id));
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE hoofd_object = @url", new { url }));
        Assert.All(keys, k => Assert.False(Stored(k)));

        var destroy = (await app.NotificationsAsync(url)).Last();
        Assert.Equal("destroy", destroy["actie"]!.GetValue<string>());
        Assert.Equal("enkelvoudiginformatieobject", destroy["resource"]!.GetValue<string>());
        Assert.Equal(url, destroy["resourceUrl"]!.GetValue<string>());
        Assert.Equal(DocumentenApp.Bronorganisatie, destroy["kenmerken"]!["bronorganisatie"]!.GetValue<string>());
        Assert.Equal(app.A, destroy["kenmerken"]!["informatieobjecttype"]!.GetValue<string>());
    }

    [Fact]
    public async Task D10_Delete_OfADocumentWithAnOpenUpload_RemovesItsBestandsdelen()
    {
        var document = await app.CreateDocumentAsync(app.A, change: b =>
        {
            b["inhoud"] = null;
            b["bestandsomvang"] = 15;
        });
        Assert.Equal(2, document["bestandsdelen"]!.AsArray().Count);
        var id = await app.DocumentIdAsync(document);
        await app.UnlockAsync(document);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, PathOf(document));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await app.CountAsync("bestandsdeel", id));
    }

    [Fact]
    public async Task Drc008_DeleteWithObjectinformatieobjecten_Is400PendingRelations_NothingRemoved()
    {
        var document = await app.CreateDocumentAsync(app.A);
        await app.AddObjectinformatieobjectAsync(document);
        var keys = await app.InhoudKeysAsync(document);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, PathOf(document));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "pending-relations");
        Assert.Equal(1, (await app.GetAsync(DocumentenApp.Url(document)))["versie"]!.GetValue<int>());
        Assert.All(keys, k => Assert.True(Stored(k)));
        Assert.Equal(1, await app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE hoofd_object = @url", new { url = DocumentenApp.Url(document) }));
        Assert.DoesNotContain(await app.NotificationsAsync(DocumentenApp.Url(document)), n => n["actie"]!.GetValue<string>() == "destroy");

        // pending-relations is checked before the lock (Open Zaak's order)
        await app.LockAsync(document);
        var (locked, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, PathOf(document));
        await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "pending-relations");
    }

    [Fact]
    public async Task D8_DeleteOfALockedDocument_Is400DestroyLocked()
    {
        var document = await app.CreateDocumentAsync(app.A);
        await app.LockAsync(document);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, PathOf(document));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "destroy-locked");
        Assert.Equal(1, (await app.GetAsync(DocumentenApp.Url(document)))["versie"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_NeedsVerwijderenForTheDocumentsType_403_UnknownIs404_UnknownParameterIs400()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var (lezer, _) = await app.Client(DocumentenApp.Lezer).SendJsonAsync(HttpMethod.Delete, PathOf(document));
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");
        var c = await app.CreateDocumentAsync(app.C);
        var (anderType, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Delete, PathOf(c));
        await ProblemAssert.IsProblemAsync(anderType, HttpStatusCode.Forbidden, "permission_denied");
        await app.GetAsync(DocumentenApp.Url(c));

        var (missing, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, $"/documenten/api/v1/enkelvoudiginformatieobjecten/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
        var (unknown, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, PathOf(document) + "?foo=1");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        await app.GetAsync(DocumentenApp.Url(document));
    }
}
