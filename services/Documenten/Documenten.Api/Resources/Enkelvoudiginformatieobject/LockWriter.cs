using Dapper;
using Documenten.Api.Resources.Bestandsdeel;
using Documenten.Api.Resources.Common;
using Documenten.Api.Storage;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Data;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// <c>POST …/lock</c> and <c>POST …/unlock</c> (D9, and the completion of a bestandsdelen upload, D10). Both commit with an
/// audit record (actie <c>lock</c> / <c>unlock</c>) and send no notification (Open Zaak sends none; specs README §5).
/// </summary>
public sealed class LockWriter(
    ZgwDatabase db,
    EnkelvoudiginformatieobjectRepository repository,
    BestandsdeelWriter bestandsdelen,
    DocumentEvents events,
    DocumentenUrls urls,
    IInhoudStore store)
{
    public const string LockActie = "lock";
    public const string UnlockActie = "unlock";

    /// <summary>Locks the document with a new unguessable id (D9); an already locked one is a 400 <c>existing-lock</c>.</summary>
    public async Task<string> LockAsync(HttpContext ctx, Guid uuid)
    {
        await EnsureAllowedAsync(ctx, uuid, [DocumentenScopes.Lock]);
        return await db.InTransactionAsync(async (c, tx) =>
        {
            var document = await DocumentRef.LockAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
            LockRules.D9_LockAlleenOpOntgrendeldDocument(document);
            var oud = await RenderAsync(c, tx, uuid);
            var lockId = DocumentLocks.NewId();
            await SetLockAsync(c, tx, document.Id, lockId);
            await events.RecordAsync(c, tx, ctx, document, EnkelvoudiginformatieobjectWriter.Resource, urls.Document(uuid), LockActie,
                oud, await RenderAsync(c, tx, uuid), notify: false);
            return lockId;
        }, ctx.RequestAborted);
    }

    /// <summary>
    /// Unlocks the document (D9): with its lock (<c>documenten.lock</c>), or without or with any lock when the caller holds
    /// <c>documenten.geforceerd-unlock</c> for it. An open bestandsdelen upload is completed (or, forced and incomplete,
    /// abandoned) in the same transaction (<see cref="BestandsdeelWriter.CompleteUploadAsync"/>); the part files are removed
    /// after the commit, the joined content when anything fails.
    /// </summary>
    public async Task UnlockAsync(HttpContext ctx, Guid uuid, UnlockRequest body)
    {
        var ct = ctx.RequestAborted;
        var caller = ctx.GetZgwCaller();
        var before = await EnsureAllowedAsync(ctx, uuid, DocumentenScopes.Ontgrendelaars);
        var geforceerd = DocumentGuard.Allows(caller, DocumentenScopes.GeforceerdUnlock, before);
        OpgeslagenInhoud? samengevoegd = null;
        try
        {
            var delen = await db.InTransactionAsync(async (c, tx) =>
            {
                var document = await DocumentRef.LockAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
                LockRules.D9_UnlockMetDeJuisteLock(document, body.Lock, geforceerd);
                if (!document.Locked)
                    return [];
                var oud = await RenderAsync(c, tx, uuid);
                var teVerwijderen = await bestandsdelen.CompleteUploadAsync(c, tx, document, geforceerd, s => samengevoegd = s, ct);
                await SetLockAsync(c, tx, document.Id, null);
                await events.RecordAsync(c, tx, ctx, document, EnkelvoudiginformatieobjectWriter.Resource, urls.Document(uuid), UnlockActie,
                    oud, await RenderAsync(c, tx, uuid), notify: false, resultaat: StatusCodes.Status204NoContent);
                return teVerwijderen;
            }, ct);
            foreach (var key in delen)
                await store.DeleteAsync(key, CancellationToken.None);
        }
        catch
        {
            if (samengevoegd is not null)
                await store.DeleteAsync(samengevoegd.Key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>404 when the document does not exist, 403 when the caller holds none of <paramref name="scopes"/> for it (ZGW A8).</summary>
    private async Task<DocumentRef> EnsureAllowedAsync(HttpContext ctx, Guid uuid, IReadOnlyCollection<string> scopes)
    {
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var document = await DocumentRef.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
        DocumentGuard.EnsureCanWrite(ctx, document, scopes);
        return document;
    }

    private async Task<System.Text.Json.Nodes.JsonObject> RenderAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid) =>
        (await repository.GetAsync(uuid, VersieSelectie.Laatste, c, tx))!.Render(urls);

    private static Task SetLockAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, string? lockId) =>
        c.ExecuteAsync("UPDATE enkelvoudiginformatieobject SET lock = @lockId WHERE id = @id", new { id, lockId }, tx);
}
