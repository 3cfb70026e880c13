using Documenten.Api.Resources.Common;
using Documenten.Api.Resources.Enkelvoudiginformatieobject;
using Documenten.Api.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Documenten.Api.Resources.Bestandsdeel;

/// <summary>
/// The writes of a bestandsdelen upload (D10): receiving one part (<c>PUT /bestandsdelen/{uuid}</c>) and joining the parts
/// into the version's content when the document is unlocked. Content goes to the store outside or before the database
/// work; what a failed write stored is removed again, and what a committed write replaced is removed after the commit.
/// </summary>
public sealed class BestandsdeelWriter(
    ZgwDatabase db,
    DocumentEvents events,
    DocumentenUrls urls,
    IInhoudStore store,
    IOptions<DocumentenOptions> options)
{
    public const string Resource = "bestandsdeel";

    /// <summary>
    /// PUT: the part is streamed into the store, then checked (lock: <c>incorrect-lock-id</c>, size: <c>file-size</c>) and
    /// recorded as voltooid in one transaction with its audit record (no notification: kanaal documenten announces the
    /// document, not its parts). A re-upload replaces the part's earlier content.
    /// </summary>
    public async Task<(BestandsdeelRow Deel, string Lock)> UploadAsync(HttpContext ctx, Guid uuid)
    {
        var ct = ctx.RequestAborted;
        await using var c = await db.OpenAsync(ct);
        var deel = await BestandsdeelRepository.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
        var document = (await DocumentRef.FindByIdAsync(c, deel.DocumentId))!;
        await c.CloseAsync();
        DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Bijwerken]);

        var body = await BestandsdeelBody.ReadAsync(ctx, store, lockId =>
        {
            var early = new Validator();
            BestandsdeelRules.D10_DeelMetDeLockVanHetDocument(document, lockId, early);
            early.ThrowIfInvalid();
        }, options.Value.BestandsdeelGrootte);
        var opgeslagen = body.Inhoud;
        try
        {
            var v = new Validator();
            v.Required("inhoud", opgeslagen);
            v.Required("lock", body.Lock);
            if (opgeslagen is not null)
                BestandsdeelRules.D10_DeelGrootteIsOmvang(deel, opgeslagen.Bestandsomvang, v);
            if (!string.IsNullOrEmpty(body.Lock))
                BestandsdeelRules.D10_DeelMetDeLockVanHetDocument(document, body.Lock, v);
            v.ThrowIfInvalid();

            var (opgeslagenDeel, vervangen) = await db.InTransactionAsync(async (c, tx) =>
            {
                // The upload may have been completed or abandoned (unlock) or the lock changed while the part streamed in.
                var huidig = (await DocumentRef.LockAsync(c, tx, document.Uuid))!;
                var oud = await BestandsdeelRepository.FindAsync(c, uuid, tx) ?? throw ZgwException.NotFound();
                var check = new Validator();
                BestandsdeelRules.D10_DeelMetDeLockVanHetDocument(huidig, body.Lock!, check);
                check.ThrowIfInvalid();
                await BestandsdeelRepository.SetInhoudAsync(c, tx, oud.Id, opgeslagen!.Key);
                var nieuw = (await BestandsdeelRepository.FindAsync(c, uuid, tx))!;
                await events.RecordAsync(c, tx, ctx, huidig, Resource, urls.Bestandsdeel(uuid), AuditActie.Update,
                    oud.Render(urls, ""), nieuw.Render(urls, ""), notify: false);
                return (nieuw, oud.Inhoud);
            }, ct);
            if (vervangen is not null)
                await store.DeleteAsync(vervangen, CancellationToken.None);
            return (opgeslagenDeel, body.Lock!);
        }
        catch
        {
            if (opgeslagen is not null)
                await store.DeleteAsync(opgeslagen.Key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The upload part of an unlock (D10), inside the unlock's transaction with the document row locked. With parts for the
    /// current version: all must be voltooid (else 400 <c>incomplete-upload</c>; a forced unlock abandons an incomplete
    /// upload instead), they are joined in volgnummer order into new content (streamed by the store), which must be the
    /// version's <c>bestandsomvang</c> (400 <c>file-size</c>) and becomes the version's content. Without parts, a version that
    /// announced content it never got is a 400 <c>file-size</c> (not for a forced unlock). Every part row is removed; the
    /// returned keys are the part files to remove after the commit. <paramref name="samengevoegd"/> receives the joined
    /// content as soon as it exists, so the caller can remove it when the transaction fails.
    /// </summary>
    public async Task<IReadOnlyList<string>> CompleteUploadAsync(NpgsqlConnection c, NpgsqlTransaction tx, DocumentRef document, bool geforceerd,
        Action<OpgeslagenInhoud> samengevoegd, CancellationToken ct)
    {
        var versie = (await VersieRepository.FindAsync(c, document.Id, VersieSelectie.Laatste, tx))!;
        var alle = await BestandsdeelRepository.OfDocumentAsync(c, tx, document.Id);
        var delen = alle.Where(d => d.Versie == versie.Versie).ToList();
        if (delen.Count > 0 && !(geforceerd && delen.Any(d => !d.Voltooid)))
        {
            BestandsdeelRules.D10_AlleDelenVoltooid(delen);
            var inhoud = await store.ConcatAsync([.. delen.Select(d => d.Inhoud!)], ct);
            samengevoegd(inhoud);
            BestandsdeelRules.D10_InhoudIsBestandsomvang(versie.Bestandsomvang, inhoud.Bestandsomvang);
            await VersieRepository.SetInhoudAsync(c, tx, document.Id, versie.Versie, inhoud.Key, inhoud.Bestandsomvang);
        }
        else if (delen.Count == 0 && versie.Inhoud is null && !geforceerd)
            BestandsdeelRules.D10_InhoudIsBestandsomvang(versie.Bestandsomvang, 0);
        if (alle.Count > 0)
            await BestandsdeelRepository.DeleteOfDocumentAsync(c, tx, document.Id);
        return [.. alle.Where(d => d.Inhoud is not null).Select(d => d.Inhoud!)];
    }
}
