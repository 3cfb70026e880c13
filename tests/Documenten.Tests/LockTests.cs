using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>POST /enkelvoudiginformatieobjecten/{uuid}/lock and …/unlock (zgw-rules D9): lock ids, existing-lock, incorrect-lock-id, forced unlock, autorisatie, audit.</summary>
[Collection(DocumentenCollection.Name)]
public sealed class LockTests(DocumentenApp app)
{
    private static string PathOf(JsonObject document) => DocumentenApp.PathOf(DocumentenApp.Url(document));

    private async Task<string> LockAsync(JsonObject document, string clientId = DocumentenApp.Behandelaar)
    {
        var (response, body) = await app.Client(clientId).SendJsonAsync(HttpMethod.Post, PathOf(document) + "/lock");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"lock: {(int)response.StatusCode} {body}");
        return body!["lock"]!.GetValue<string>();
    }

    private Task<(HttpResponseMessage Response, JsonNode? Body)> UnlockAsync(JsonObject document, string clientId, object? body) =>
        app.Client(clientId).SendJsonAsync(HttpMethod.Post, PathOf(document) + "/unlock", body);

    [Fact]
    public async Task D9_Lock_Answers200WithAnUnguessableId_TheDocumentShowsLocked_AuditedNotNotified()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var url = DocumentenApp.Url(document);
        var (response, body) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Post, PathOf(document) + "/lock");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["lock"], body!.AsObject().Select(p => p.Key).ToArray());
        var lockId = body["lock"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", lockId);
        Assert.NotEqual(lockId, await LockAsync(await app.CreateDocumentAsync(app.A)));

        var read = await app.GetAsync(url);
        Assert.True(read["locked"]!.GetValue<bool>());
        Assert.Null(read["lock"]); // the id is only returned by /lock
        Assert.Equal(1, read["versie"]!.GetValue<int>()); // locking makes no version
        Assert.Equal(lockId, await app.QueryAsync<string>("SELECT lock FROM enkelvoudiginformatieobject WHERE uuid = @u",
            new { u = Guid.Parse(url[(url.LastIndexOf('/') + 1)..]) }));

        Assert.Equal(200, await app.QueryAsync<int>("SELECT resultaat FROM audittrail WHERE hoofd_object = @url AND actie = 'lock'", new { url }));
        Assert.Equal(["create"], (await app.NotificationsAsync(url)).Select(n => n["actie"]!.GetValue<string>()));
    }

    [Fact]
    public async Task D9_LockingALockedDocument_Is400ExistingLock_AndKeepsTheLock()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var lockId = await LockAsync(document);
        var (response, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Post, PathOf(document) + "/lock");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "existing-lock");
        var (unlock, _) = await UnlockAsync(document, DocumentenApp.Behandelaar, new { @lock = lockId });
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
    }

    [Fact]
    public async Task D9_UnlockWithTheLock_Is204_UnlocksWithoutNewVersion_AuditedAs204()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var url = DocumentenApp.Url(document);
        var lockId = await LockAsync(document);
        var (response, body) = await UnlockAsync(document, DocumentenApp.Behandelaar, new { @lock = lockId });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(body);
        var read = await app.GetAsync(url);
        Assert.False(read["locked"]!.GetValue<bool>());
        Assert.Equal(1, read["versie"]!.GetValue<int>());
        Assert.Equal(204, await app.QueryAsync<int>("SELECT resultaat FROM audittrail WHERE hoofd_object = @url AND actie = 'unlock'", new { url }));
        Assert.Equal(["create"], (await app.NotificationsAsync(url)).Select(n => n["actie"]!.GetValue<string>()));
        // and it can be locked again
        Assert.NotEqual(lockId, await LockAsync(document));
    }

    [Theory]
    [InlineData("verkeerd")]
    [InlineData("")]
    [InlineData(null)]
    public async Task D9_UnlockWithAWrongOrMissingLock_Is400IncorrectLockId_AndStaysLocked(string? lockId)
    {
        var document = await app.CreateDocumentAsync(app.A);
        await LockAsync(document);
        var (response, _) = await UnlockAsync(document, DocumentenApp.Behandelaar, lockId is null ? null : new { @lock = lockId });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "incorrect-lock-id");
        Assert.True((await app.GetAsync(DocumentenApp.Url(document)))["locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task D9_UnlockOfAnUnlockedDocument_WithoutLockIs204_WithALockIsIncorrectLockId()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var (zonder, _) = await UnlockAsync(document, DocumentenApp.Behandelaar, new { });
        Assert.Equal(HttpStatusCode.NoContent, zonder.StatusCode);
        var (met, _) = await UnlockAsync(document, DocumentenApp.Behandelaar, new { @lock = "0123456789abcdef0123456789abcdef" });
        await ProblemAssert.IsProblemAsync(met, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "incorrect-lock-id");
    }

    /// <summary>
    /// D9 forced unlock: <c>documenten.geforceerd-unlock</c> (for the document's type and vertrouwelijkheid) may omit the lock
    /// or send a wrong one; <c>documenten.lock</c> alone may not; neither scope is 403.
    /// </summary>
    [Theory]
    [InlineData(DocumentenApp.Behandelaar, "juist", HttpStatusCode.NoContent)]
    [InlineData(DocumentenApp.Behandelaar, "geen", HttpStatusCode.BadRequest)]
    [InlineData(DocumentenApp.Behandelaar, "verkeerd", HttpStatusCode.BadRequest)]
    [InlineData(DocumentenApp.Ontgrendelaar, "geen", HttpStatusCode.NoContent)]
    [InlineData(DocumentenApp.Ontgrendelaar, "leeg", HttpStatusCode.NoContent)]
    [InlineData(DocumentenApp.Ontgrendelaar, "verkeerd", HttpStatusCode.NoContent)]
    [InlineData(DocumentenApp.Ontgrendelaar, "juist", HttpStatusCode.NoContent)]
    [InlineData(DocumentenApp.Beheerder, "geen", HttpStatusCode.NoContent)]
    [InlineData(DocumentenApp.Lezer, "juist", HttpStatusCode.Forbidden)]
    [InlineData(DocumentenApp.Buitenstaander, "geen", HttpStatusCode.Forbidden)]
    public async Task D9_ForcedUnlock_ScopeMatrix(string clientId, string lockSoort, HttpStatusCode expected)
    {
        var document = await app.CreateDocumentAsync(app.A);
        var lockId = await LockAsync(document);
        object? body = lockSoort switch
        {
            "juist" => new { @lock = lockId },
            "verkeerd" => new { @lock = "verkeerd" },
            "leeg" => new { },
            _ => null,
        };
        var (response, _) = await UnlockAsync(document, clientId, body);
        if (expected == HttpStatusCode.BadRequest)
            await ProblemAssert.IsProblemAsync(response, expected, "invalid", "nonFieldErrors", "incorrect-lock-id");
        else if (expected == HttpStatusCode.Forbidden)
            await ProblemAssert.IsProblemAsync(response, expected, "permission_denied");
        else
            Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected != HttpStatusCode.NoContent, (await app.GetAsync(DocumentenApp.Url(document)))["locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task D9_ForcedUnlock_IsObjectLevel_OnlyForTheTypesOfTheAutorisatie()
    {
        var b = await app.CreateDocumentAsync(app.B);
        var lockId = await LockAsync(b);
        var (zonder, _) = await UnlockAsync(b, DocumentenApp.Ontgrendelaar, null); // geforceerd-unlock on A only
        await ProblemAssert.IsProblemAsync(zonder, HttpStatusCode.Forbidden, "permission_denied");
        var (met, _) = await UnlockAsync(b, DocumentenApp.Ontgrendelaar, new { @lock = lockId });
        await ProblemAssert.IsProblemAsync(met, HttpStatusCode.Forbidden, "permission_denied");
        Assert.True((await app.GetAsync(DocumentenApp.Url(b)))["locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task D9_Lock403_ForScope_Informatieobjecttype_AndMaxVertrouwelijkheidaanduiding()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var (scope, _) = await app.Client(DocumentenApp.Lezer).SendJsonAsync(HttpMethod.Post, PathOf(document) + "/lock");
        await ProblemAssert.IsProblemAsync(scope, HttpStatusCode.Forbidden, "permission_denied");

        var c = await app.CreateDocumentAsync(app.C);
        var (type, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Post, PathOf(c) + "/lock");
        await ProblemAssert.IsProblemAsync(type, HttpStatusCode.Forbidden, "permission_denied");

        var vertrouwelijk = await app.CreateDocumentAsync(app.A, vertrouwelijkheid: "zaakvertrouwelijk");
        var (max, _) = await app.Client(DocumentenApp.Slotbeperkt).SendJsonAsync(HttpMethod.Post, PathOf(vertrouwelijk) + "/lock");
        await ProblemAssert.IsProblemAsync(max, HttpStatusCode.Forbidden, "permission_denied");
        Assert.False((await app.GetAsync(DocumentenApp.Url(vertrouwelijk)))["locked"]!.GetValue<bool>());

        var lockId = await LockAsync(document, DocumentenApp.Slotbeperkt); // openbaar: allowed
        var (unlock, _) = await UnlockAsync(vertrouwelijk, DocumentenApp.Slotbeperkt, new { @lock = lockId });
        await ProblemAssert.IsProblemAsync(unlock, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task D9_UnknownDocument_Is404_AndABadBodyIs400()
    {
        var path = $"/documenten/api/v1/enkelvoudiginformatieobjecten/{Guid.NewGuid()}";
        var (lockMissing, _) = await app.Client().SendJsonAsync(HttpMethod.Post, path + "/lock");
        await ProblemAssert.IsProblemAsync(lockMissing, HttpStatusCode.NotFound, "not_found");
        var (unlockMissing, _) = await app.Client().SendJsonAsync(HttpMethod.Post, path + "/unlock", new { @lock = "x" });
        await ProblemAssert.IsProblemAsync(unlockMissing, HttpStatusCode.NotFound, "not_found");

        var document = await app.CreateDocumentAsync(app.A);
        var (tooLong, _) = await UnlockAsync(document, DocumentenApp.Behandelaar, new { @lock = new string('a', 101) });
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest, "invalid", "lock", "max_length");
        var (query, _) = await app.Client().SendJsonAsync(HttpMethod.Post, PathOf(document) + "/lock?onbekend=1");
        await ProblemAssert.IsProblemAsync(query, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }
}
