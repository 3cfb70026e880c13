using Besluiten.Api.Resources.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Besluiten.Api.Resources.Besluitinformatieobject;

/// <summary>
/// brc-005 with the protocol of ARCHITECTURE §11.4, as the Zaken service's zaakinformatieobject. A create commits its row
/// as <c>pending</c> first (the Documenten API checks that the relation exists in the source, D2, so it must be able to
/// see it), then calls the Documenten API while it holds the row's lock; on success the row becomes <c>done</c> with the
/// audit record and notification in that same transaction; on failure the row is deleted and the client gets 400
/// <c>pending-relations</c>. A delete marks the row <c>removing</c> (no longer listed, so the Documenten API allows the
/// OIO's removal), removes the OIO and then the row. Rows a crash left half-done are finished or undone by
/// <see cref="ReconcileAsync"/>.
/// </summary>
public sealed class BesluitinformatieobjectMirror(
    ZgwDatabase db,
    DocumentenClient documenten,
    BesluitEvents events,
    BesluitenUrls urls,
    TimeProvider time,
    IOptions<BesluitenOptions> options,
    ILogger<BesluitinformatieobjectMirror> logger)
{
    /// <summary>Step 2 of a create: the OIO, then <c>done</c> + audit + notification, or the row removed and a 400.</summary>
    public async Task<BesluitinformatieobjectRow> FinishCreateAsync(long id, HttpContext ctx)
    {
        var (row, failure) = await db.InTransactionAsync(async (c, tx) =>
        {
            var current = await BesluitinformatieobjectRepository.LockAsync(c, tx, id);
            if (current is null)
                return (null, "de koppeling is tussentijds ongedaan gemaakt.");
            if (current.Mirror == "done")
                return (current, null);
            var outcome = await documenten.CreateAsync(current.Informatieobject, urls.Besluit(current.BesluitUuid), CancellationToken.None);
            if (!outcome.Ok)
            {
                await BesluitinformatieobjectRepository.DeleteAsync(c, tx, id);
                return ((BesluitinformatieobjectRow?)null, outcome.Reason);
            }
            return (await CompleteCreateAsync(c, tx, current, outcome.Url, ctx), (string?)null);
        });
        return row ?? throw BesluitinformatieobjectRules.PendingRelations(failure ?? "onbekende fout.");
    }

    /// <summary>Step 2 of a delete: the OIO removed at the Documenten API, then the row + audit + notification; on failure the row is restored.</summary>
    public async Task FinishDeleteAsync(long id, HttpContext ctx)
    {
        var failure = await db.InTransactionAsync(async (c, tx) =>
        {
            var current = await BesluitinformatieobjectRepository.LockAsync(c, tx, id);
            if (current is null)
                return null;
            var outcome = await documenten.RemoveAsync(current.Oio, current.Informatieobject, urls.Besluit(current.BesluitUuid), CancellationToken.None);
            if (!outcome.Ok)
            {
                await BesluitinformatieobjectRepository.MarkDoneAsync(c, tx, id, null);
                return outcome.Reason;
            }
            await CompleteDeleteAsync(c, tx, current, ctx, notify: true);
            return (string?)null;
        });
        if (failure is not null)
            throw BesluitinformatieobjectRules.PendingRelations(failure);
    }

    /// <summary>
    /// brc-009: removes the OIO of every besluitinformatieobject of a besluit (whose rows the besluit's <c>removing</c> state
    /// already hides) and then the row, with an audit record under the besluit. Returns null when all are gone, else the
    /// Documenten API's reason; the rows not yet handled then stay.
    /// </summary>
    public async Task<string?> RemoveAllOfBesluitAsync(long besluitId, HttpContext ctx, CancellationToken ct)
    {
        IReadOnlyList<BesluitinformatieobjectRow> rows;
        await using (var c = await db.OpenAsync(ct))
            rows = await BesluitinformatieobjectRepository.OfBesluitAsync(c, besluitId);
        foreach (var row in rows)
        {
            var outcome = await documenten.RemoveAsync(row.Oio, row.Informatieobject, urls.Besluit(row.BesluitUuid), ct);
            if (!outcome.Ok)
                return outcome.Reason;
            await db.InTransactionAsync(async (c, tx) =>
            {
                if (await BesluitinformatieobjectRepository.LockAsync(c, tx, row.Id) is { } current)
                    await CompleteDeleteAsync(c, tx, current, ctx, notify: false);
                return 0;
            }, ct);
        }
        return null;
    }

    /// <summary>
    /// Finishes or undoes the rows a crash left half-done (not <c>done</c>, older than <see cref="BesluitenOptions.MirrorGracePeriod"/>):
    /// <c>pending</c> with an existing OIO → done + audit + notification; without → row removed; <c>removing</c> → OIO
    /// then row removed. Each row in its own transaction with <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work
    /// and never touch a row a request is still finishing. Rows of a besluit being destroyed are left to the besluit.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.MirrorGracePeriod;
        List<long> candidates;
        await using (var c = await db.OpenAsync(ct))
            candidates = (await c.QueryAsync<long>("""
                SELECT bio.id FROM besluitinformatieobject bio JOIN besluit b ON b.id = bio.besluit_id
                WHERE bio.mirror <> 'done' AND bio.mirror_since < @cutoff AND b.mirror = 'done'
                ORDER BY bio.mirror_since LIMIT 100
                """, new { cutoff })).ToList();
        var handled = 0;
        foreach (var id in candidates)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await db.InTransactionAsync((c, tx) => ReconcileRowAsync(c, tx, id, cutoff, ct), ct))
                    handled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reconciling besluitinformatieobject {Id} failed; retried in the next round", id);
            }
        }
        return handled;
    }

    private async Task<bool> ReconcileRowAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<BesluitinformatieobjectRow>(
            $"""
            SELECT {BesluitinformatieobjectRepository.Columns}
            FROM besluitinformatieobject bio JOIN besluit b ON b.id = bio.besluit_id
            WHERE bio.id = @id AND bio.mirror <> 'done' AND bio.mirror_since < @cutoff
            FOR UPDATE OF bio SKIP LOCKED
            """, new { id, cutoff }, tx);
        if (row is null)
            return false;
        var besluitUrl = urls.Besluit(row.BesluitUuid);
        var ctx = MirrorActor.ContextOf(row.MirrorActor, time);
        if (row.Mirror == "pending")
        {
            var found = await documenten.FindAsync(row.Informatieobject, besluitUrl, ct);
            if (!found.Ok)
                return false;
            if (found.Url is null)
            {
                logger.LogInformation("Besluitinformatieobject {Uuid}: no objectinformatieobject at the Documenten API; the create is undone", row.Uuid);
                await BesluitinformatieobjectRepository.DeleteAsync(c, tx, row.Id);
            }
            else
            {
                logger.LogInformation("Besluitinformatieobject {Uuid}: objectinformatieobject found; the create is finished", row.Uuid);
                await CompleteCreateAsync(c, tx, row, found.Url, ctx);
            }
            return true;
        }
        var removed = await documenten.RemoveAsync(row.Oio, row.Informatieobject, besluitUrl, ct);
        if (!removed.Ok)
            return false;
        logger.LogInformation("Besluitinformatieobject {Uuid}: the delete is finished", row.Uuid);
        await CompleteDeleteAsync(c, tx, row, ctx, notify: true);
        return true;
    }

    private async Task<BesluitinformatieobjectRow> CompleteCreateAsync(NpgsqlConnection c, NpgsqlTransaction tx, BesluitinformatieobjectRow row,
        string? oio, HttpContext ctx)
    {
        await BesluitinformatieobjectRepository.MarkDoneAsync(c, tx, row.Id, oio);
        var besluit = await BesluitRef.FindByIdAsync(c, row.BesluitId, tx) ?? throw new InvalidOperationException("besluit disappeared");
        var done = (await BesluitinformatieobjectRepository.LockAsync(c, tx, row.Id))!;
        var json = done.ToJson(urls);
        await events.RecordAsync(c, tx, ctx, besluit, BesluitinformatieobjectMapping.Resource, json["url"]!.GetValue<string>(), AuditActie.Create,
            null, json);
        return done;
    }

    private async Task CompleteDeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, BesluitinformatieobjectRow row, HttpContext ctx, bool notify)
    {
        var besluit = await BesluitRef.FindByIdAsync(c, row.BesluitId, tx) ?? throw new InvalidOperationException("besluit disappeared");
        await BesluitinformatieobjectRepository.DeleteAsync(c, tx, row.Id);
        var json = row.ToJson(urls);
        await events.RecordAsync(c, tx, ctx, besluit, BesluitinformatieobjectMapping.Resource, json["url"]!.GetValue<string>(), AuditActie.Destroy,
            json, null, notify);
    }
}
