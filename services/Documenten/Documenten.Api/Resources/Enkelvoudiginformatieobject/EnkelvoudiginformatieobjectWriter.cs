using Documenten.Api.Resources.Bestandsdeel;
using Documenten.Api.Resources.Common;
using Documenten.Api.Resources.Gebruiksrecht;
using Documenten.Api.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// The writes of the enkelvoudiginformatieobject resource: the checks (body, Catalogi, autorisatie) first, the content to
/// the store, then one transaction with the rows, the audit record and the notification. Content written for a write
/// that fails is removed again, so a failed request leaves nothing in the store.
/// </summary>
public sealed class EnkelvoudiginformatieobjectWriter(
    ZgwDatabase db,
    EnkelvoudiginformatieobjectRepository repository,
    DocumentenCatalogi catalogi,
    DocumentEvents events,
    DocumentenUrls urls,
    IInhoudStore store,
    IOptions<DocumentenOptions> options,
    TimeProvider time,
    ILogger<EnkelvoudiginformatieobjectWriter> logger)
{
    public const string Resource = "enkelvoudiginformatieobject";

    /// <summary>
    /// POST: drc-001 (published informatieobjecttype), drc-005, drc-006, drc-007, D7 (base64 inhoud, bestandsomvang),
    /// identificatie generated or unique per bronorganisatie; with <c>bestandsomvang</c> &gt; 0 and no <c>inhoud</c> the
    /// document is created locked with its bestandsdelen (D10).
    /// </summary>
    public async Task<DocumentRow> CreateAsync(HttpContext ctx, EnkelvoudiginformatieobjectRequest body)
    {
        var ct = ctx.RequestAborted;
        var v = new Validator();
        EnkelvoudiginformatieobjectRules.Drc005_OntvangstdatumVerbiedtStatusInBewerking(body, v);
        EnkelvoudiginformatieobjectRules.Drc006_GeenGebruiksrechtBijAanmaken(body, v);
        var inhoud = EnkelvoudiginformatieobjectRules.DecodeInhoud(body.Inhoud, v);
        var bestandsomvang = EnkelvoudiginformatieobjectRules.Bestandsomvang(inhoud, body.Bestandsomvang, v);
        v.ThrowIfInvalid();

        var type = await catalogi.InformatieobjecttypeAsync("informatieobjecttype", body.Informatieobjecttype!, mustBePublished: true, ct);
        var vertrouwelijkheid = EnkelvoudiginformatieobjectRules.Drc007_Vertrouwelijkheidaanduiding(body, type);
        DocumentGuard.EnsureCanWrite(ctx, type.Url, vertrouwelijkheid, [DocumentenScopes.Aanmaken]);

        var delen = inhoud is null && bestandsomvang > 0
            ? EnkelvoudiginformatieobjectRules.Bestandsdelen(bestandsomvang.Value, options.Value.BestandsdeelGrootte)
            : [];
        var opgeslagen = inhoud is null ? null : await WriteInhoudAsync(inhoud, ct);
        var uuid = Guid.CreateVersion7();
        try
        {
            return await db.InTransactionAsync(async (c, tx) =>
            {
                var identificatie = string.IsNullOrEmpty(body.Identificatie)
                    ? await EnkelvoudiginformatieobjectRepository.NextIdentificatieAsync(c, tx, body.Bronorganisatie!, body.Creatiedatum!.Value)
                    : body.Identificatie;
                var gegevens = VersieGegevens.From(body, identificatie, vertrouwelijkheid);
                var lockId = delen.Count > 0 ? DocumentLocks.NewId() : null;
                var id = await EnkelvoudiginformatieobjectRepository.InsertAsync(c, tx,
                    DocumentValues.From(uuid, gegevens, body.IndicatieGebruiksrecht, versie: 1, lockId));
                await VersieRepository.InsertAsync(c, tx, id,
                    new VersieValues(1, Now(), gegevens, opgeslagen?.Key, bestandsomvang, body.InhoudIsVervallen));
                await BestandsdeelRepository.InsertAsync(c, tx, id, 1, delen);
                var row = (await repository.GetAsync(uuid, VersieSelectie.Laatste, c, tx))!;
                await events.RecordAsync(c, tx, ctx, row.ToRef(), Resource, urls.Document(uuid), AuditActie.Create, null, row.Render(urls));
                return row;
            }, ct);
        }
        catch (Exception e)
        {
            if (opgeslagen is not null)
                await store.DeleteAsync(opgeslagen.Key, CancellationToken.None);
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "enkelvoudiginformatieobject_identificatie_uniek" })
                throw EnkelvoudiginformatieobjectRules.IdentificatieNietUniek();
            throw;
        }
    }

    /// <summary>
    /// PUT/PATCH (<paramref name="actie"/> <c>update</c> / <c>partial_update</c>) of the document <paramref name="current"/>
    /// (its latest version, read by the endpoint) with the merged <paramref name="body"/>; <paramref name="sent"/> names the
    /// fields the body contained. Order: drc-005, drc-006, D7 content and drc-001 (a changed informatieobjecttype must be
    /// published) → 400; the caller's autorisatie for the new type and vertrouwelijkheid → 403; the lock (drc-009/010) →
    /// 400. Then one transaction: a new version (D6: versie + 1, new beginRegistratie) that becomes the document's current
    /// state, the audit record and the notification. The lock stays held.
    /// </summary>
    public async Task<DocumentRow> UpdateAsync(HttpContext ctx, DocumentRow current, EnkelvoudiginformatieobjectRequest body,
        IReadOnlySet<string> sent, string actie)
    {
        var ct = ctx.RequestAborted;
        var uuid = current.Uuid;
        var huidig = current.Data;
        var v = new Validator();
        EnkelvoudiginformatieobjectRules.Drc005_OntvangstdatumVerbiedtStatusInBewerking(body, v);
        var indicatie = sent.Contains("indicatieGebruiksrecht") ? body.IndicatieGebruiksrecht : current.IndicatieGebruiksrecht;
        await using (var c = await db.OpenAsync(ct))
            EnkelvoudiginformatieobjectRules.Drc006_GebruiksrechtBijWijzigen(body with { IndicatieGebruiksrecht = indicatie },
                await GebruiksrechtRepository.AnyOfDocumentAsync(c, current.Id), v);
        var inhoud = EnkelvoudiginformatieobjectRules.DecodeInhoud(body.Inhoud, v);
        var keuze = EnkelvoudiginformatieobjectRules.InhoudBijWijzigen(inhoud, sent.Contains("inhoud"), body.Bestandsomvang,
            sent.Contains("bestandsomvang"), current.Bestandsomvang, v);
        var typeGewijzigd = body.Informatieobjecttype != huidig.Informatieobjecttype;
        Informatieobjecttype? type = null;
        try
        {
            type = await catalogi.InformatieobjecttypeAsync("informatieobjecttype", body.Informatieobjecttype!, mustBePublished: typeGewijzigd, ct);
        }
        catch (ZgwException e) when (e.InvalidParams is { Count: > 0 } errors)
        {
            foreach (var error in errors)
                v.Add(error.Name, error.Code, error.Reason);
        }
        v.ThrowIfInvalid();

        // drc-007: without a vertrouwelijkheidaanduiding the document keeps its own, or takes the new type's when the type changes.
        var vertrouwelijkheid = !string.IsNullOrEmpty(body.Vertrouwelijkheidaanduiding) ? body.Vertrouwelijkheidaanduiding
            : typeGewijzigd ? EnkelvoudiginformatieobjectRules.Drc007_Vertrouwelijkheidaanduiding(body, type!)
            : huidig.Vertrouwelijkheidaanduiding;
        DocumentGuard.EnsureCanWrite(ctx, type!.Url, vertrouwelijkheid, DocumentenScopes.Wijzigers);
        EnkelvoudiginformatieobjectRules.Drc009_WijzigenVereistLock(current.ToRef(), body.Lock);

        var identificatie = string.IsNullOrEmpty(body.Identificatie) ? huidig.Identificatie : body.Identificatie;
        var opgeslagen = keuze.Actie == InhoudActie.Nieuw ? await WriteInhoudAsync(inhoud!, ct) : null;
        try
        {
            var (row, vervallen) = await db.InTransactionAsync(async (c, tx) =>
            {
                var locked = await DocumentRef.LockAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
                EnkelvoudiginformatieobjectRules.Drc009_WijzigenVereistLock(locked, body.Lock);
                var before = (await repository.GetAsync(uuid, VersieSelectie.Laatste, c, tx))!;
                if ((identificatie != locked.Identificatie || body.Bronorganisatie != locked.Bronorganisatie)
                    && await EnkelvoudiginformatieobjectRepository.IdentificatieBestaatAsync(c, tx, body.Bronorganisatie!, identificatie, locked.Id))
                    throw EnkelvoudiginformatieobjectRules.IdentificatieNietUniek();

                var versie = locked.Versie + 1;
                IReadOnlyList<string> vervallen = [];
                string? key = null;
                var bestandsomvang = keuze.Bestandsomvang;
                if (keuze.Actie == InhoudActie.Behouden)
                {
                    key = before.Inhoud;
                    bestandsomvang = before.Bestandsomvang;
                    await BestandsdeelRepository.MoveToVersieAsync(c, tx, locked.Id, versie);
                }
                else
                {
                    key = opgeslagen?.Key;
                    vervallen = await BestandsdeelRepository.InhoudKeysAsync(c, tx, locked.Id);
                    await BestandsdeelRepository.DeleteOfDocumentAsync(c, tx, locked.Id);
                    if (keuze.Actie == InhoudActie.Upload)
                        await BestandsdeelRepository.InsertAsync(c, tx, locked.Id, versie,
                            EnkelvoudiginformatieobjectRules.Bestandsdelen(bestandsomvang!.Value, options.Value.BestandsdeelGrootte));
                }

                var gegevens = VersieGegevens.From(body, identificatie, vertrouwelijkheid);
                await EnkelvoudiginformatieobjectRepository.UpdateCurrentAsync(c, tx, locked.Id,
                    DocumentValues.From(uuid, gegevens, indicatie, versie, locked.Lock));
                await VersieRepository.InsertAsync(c, tx, locked.Id,
                    new VersieValues(versie, Now(), gegevens, key, bestandsomvang, body.InhoudIsVervallen));
                var after = (await repository.GetAsync(uuid, VersieSelectie.Laatste, c, tx))!;
                await events.RecordAsync(c, tx, ctx, after.ToRef(), Resource, urls.Document(uuid), actie, before.Render(urls), after.Render(urls));
                return (after, vervallen);
            }, ct);
            await DeleteAfterCommitAsync(vervallen);
            return row;
        }
        catch (Exception e)
        {
            if (opgeslagen is not null)
                await store.DeleteAsync(opgeslagen.Key, CancellationToken.None);
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "enkelvoudiginformatieobject_identificatie_uniek" })
                throw EnkelvoudiginformatieobjectRules.IdentificatieNietUniek();
            throw;
        }
    }

    /// <summary>
    /// DELETE (D8): drc-008 no objectinformatieobjecten (<c>pending-relations</c>, also when a concurrent one trips the foreign
    /// key), not locked (<c>destroy-locked</c>); then every version, bestandsdeel, gebruiksrecht, verzending and the audit
    /// trail go in one transaction with the destroy notification. The content is removed from the store only after the commit,
    /// so a failed destroy never leaves a document without its content.
    /// </summary>
    public async Task DeleteAsync(HttpContext ctx, Guid uuid)
    {
        var ct = ctx.RequestAborted;
        var current = await repository.GetAsync(uuid) ?? throw ZgwException.NotFound();
        DocumentGuard.EnsureCanWrite(ctx, current.ToRef(), [DocumentenScopes.Verwijderen]);
        IReadOnlyList<string> keys;
        try
        {
            keys = await db.InTransactionAsync(async (c, tx) =>
            {
                var locked = await DocumentRef.LockAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
                if (await EnkelvoudiginformatieobjectRepository.ObjectinformatieobjectenBestaanAsync(c, locked.Id, tx))
                    throw EnkelvoudiginformatieobjectRules.Drc008_PendingRelations();
                if (locked.Locked)
                    throw EnkelvoudiginformatieobjectRules.DestroyLocked();
                var inhoud = await VersieRepository.InhoudKeysAsync(c, locked.Id, tx);
                await EnkelvoudiginformatieobjectRepository.DeleteAsync(c, tx, locked.Id);
                await AuditTrailStore.DeleteAsync(c, tx, urls.Document(uuid));
                await events.NotifyAsync(c, tx, locked, Resource, urls.Document(uuid), AuditActie.Destroy);
                return inhoud;
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw EnkelvoudiginformatieobjectRules.Drc008_PendingRelations();
        }
        await DeleteAfterCommitAsync(keys);
    }

    /// <summary>
    /// Removes content that a committed write no longer references. A failure leaves an unreferenced file (logged), never a
    /// reference without its file.
    /// </summary>
    private async Task DeleteAfterCommitAsync(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(e, "Inhoud {Key} kon na de commit niet verwijderd worden", key);
            }
        }
    }

    /// <summary>Writes decoded base64 content to the store (D7).</summary>
    public async Task<OpgeslagenInhoud> WriteInhoudAsync(byte[] inhoud, CancellationToken ct)
    {
        await using var stream = new MemoryStream(inhoud, writable: false);
        return await store.WriteAsync(stream, ct);
    }

    /// <summary>The begin of a new version's registratie, at PostgreSQL's precision (microseconds), so it round-trips exactly.</summary>
    public DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
