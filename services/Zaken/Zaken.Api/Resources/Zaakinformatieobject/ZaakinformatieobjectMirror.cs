using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zaken.Api.Resources.Zaakinformatieobject;

/// <summary>
/// zrc-005 with the protocol of ARCHITECTURE §11.4. A create commits its row as <c>pending</c> first (so the
/// Documenten API, which checks that the relation exists in the source, can see it), then calls the Documenten API
/// while it holds the row's lock; on success the row becomes <c>done</c> and the audit record and notification are
/// written in that same transaction; on failure the row is deleted and the client gets 400 <c>pending-relations</c>.
/// A delete marks the row <c>removing</c> (no longer listed, so the Documenten API allows the OIO's removal), removes
/// the OIO and then the row. Rows a crash left half-done are finished or undone by <see cref="ReconcileAsync"/>.
/// </summary>
public sealed class ZaakinformatieobjectMirror(
    ZgwDatabase db,
    DocumentenClient documenten,
    ZaakEvents events,
    ZakenUrls urls,
    TimeProvider time,
    IOptions<ZakenOptions> options,
    ILogger<ZaakinformatieobjectMirror> logger) : IZaakMirrors
{
    /// <summary>Step 2 of a create: the OIO, then <c>done</c> + audit + notification, or the row removed and a 400.</summary>
    public async Task<ZaakinformatieobjectRow> FinishCreateAsync(long id, HttpContext ctx)
    {
        var (row, failure) = await db.InTransactionAsync(async (c, tx) =>
        {
            var current = await ZaakinformatieobjectRepository.LockAsync(c, tx, id);
            if (current is null)
                return (null, "de koppeling is tussentijds ongedaan gemaakt.");
            if (current.Mirror == "done")
                return (current, null);
            var zaakUrl = urls.Zaak(current.ZaakUuid);
            var outcome = await documenten.CreateAsync(current.Informatieobject, zaakUrl, CancellationToken.None);
            if (!outcome.Ok)
            {
                await ZaakinformatieobjectRepository.DeleteAsync(c, tx, id);
                return ((ZaakinformatieobjectRow?)null, outcome.Reason);
            }
            return (await CompleteCreateAsync(c, tx, current, outcome.OioUrl, ctx), (string?)null);
        });
        return row ?? throw ZaakinformatieobjectRules.PendingRelations(failure ?? "onbekende fout.");
    }

    /// <summary>Step 2 of a delete: the OIO removed at the Documenten API, then the row + audit; on failure the row is restored.</summary>
    public async Task FinishDeleteAsync(long id, HttpContext ctx)
    {
        var failure = await db.InTransactionAsync(async (c, tx) =>
        {
            var current = await ZaakinformatieobjectRepository.LockAsync(c, tx, id);
            if (current is null)
                return null;
            var outcome = await documenten.RemoveAsync(current.Oio, current.Informatieobject, urls.Zaak(current.ZaakUuid), CancellationToken.None);
            if (!outcome.Ok)
            {
                await ZaakinformatieobjectRepository.MarkDoneAsync(c, tx, id, null);
                return outcome.Reason;
            }
            await CompleteDeleteAsync(c, tx, current, ctx);
            return (string?)null;
        });
        if (failure is not null)
            throw ZaakinformatieobjectRules.PendingRelations(failure);
    }

    /// <summary>
    /// zrc-023: removes the OIO of every zaakinformatieobject of a zaak at the Documenten API (and the rows), before
    /// the zaak itself is destroyed. 400 <c>pending-relations</c> when the Documenten API fails; the rows not yet
    /// handled then stay as they were.
    /// </summary>
    public async Task DeleteMirrorsOfZaakAsync(long zaakId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var zaakUuid = await c.ExecuteScalarAsync<Guid?>("SELECT uuid FROM zaak WHERE id = @zaakId", new { zaakId });
        if (zaakUuid is null)
            return;
        var zaakUrl = urls.Zaak(zaakUuid.Value);
        var ids = (await c.QueryAsync<long>("SELECT id FROM zaakinformatieobject WHERE zaak_id = @zaakId ORDER BY id", new { zaakId })).ToList();
        // Hide them all first: the Documenten API refuses to remove an OIO whose relation is still listed here.
        var previous = (await c.QueryAsync<(long Id, string Mirror)>(
            "UPDATE zaakinformatieobject n SET mirror = 'removing', mirror_since = now() FROM zaakinformatieobject o " +
            "WHERE n.id = o.id AND n.zaak_id = @zaakId RETURNING n.id, o.mirror", new { zaakId })).ToDictionary(p => p.Id, p => p.Mirror);
        for (var i = 0; i < ids.Count; i++)
        {
            var row = await c.QuerySingleOrDefaultAsync<ZaakinformatieobjectRow>(
                $"SELECT {ZaakinformatieobjectRepository.Columns} FROM zaakinformatieobject zio JOIN zaak z ON z.id = zio.zaak_id WHERE zio.id = @id",
                new { id = ids[i] });
            if (row is null)
                continue;
            var outcome = await documenten.RemoveAsync(row.Oio, row.Informatieobject, zaakUrl, ct);
            if (!outcome.Ok)
            {
                var rest = ids.Skip(i).Where(previous.ContainsKey).ToArray();
                await c.ExecuteAsync("""
                    UPDATE zaakinformatieobject z SET mirror = p.mirror
                    FROM unnest(@rest, @mirrors) AS p(id, mirror) WHERE z.id = p.id
                    """, new { rest, mirrors = rest.Select(r => previous[r]).ToArray() });
                throw ZaakinformatieobjectRules.PendingRelations(outcome.Reason);
            }
            await c.ExecuteAsync("DELETE FROM zaakinformatieobject WHERE id = @id", new { id = row.Id });
        }
    }

    /// <summary>
    /// Finishes or undoes the rows a crash left half-done (not <c>done</c>, older than <see cref="ZakenOptions.MirrorGracePeriod"/>):
    /// <c>pending</c> with an existing OIO → done + audit + notification; without → row removed; <c>removing</c> → OIO
    /// then row removed. Each row in its own transaction with <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work
    /// and never touch a row a request is still finishing. Returns the number of rows handled.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.MirrorGracePeriod;
        List<long> candidates;
        await using (var c = await db.OpenAsync(ct))
            candidates = (await c.QueryAsync<long>(
                "SELECT id FROM zaakinformatieobject WHERE mirror <> 'done' AND mirror_since < @cutoff ORDER BY mirror_since LIMIT 100",
                new { cutoff })).ToList();
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
                logger.LogWarning(e, "Reconciling zaakinformatieobject {Id} failed; retried in the next round", id);
            }
        }
        return handled;
    }

    private async Task<bool> ReconcileRowAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<ZaakinformatieobjectRow>(
            $"""
            SELECT {ZaakinformatieobjectRepository.Columns}
            FROM zaakinformatieobject zio JOIN zaak z ON z.id = zio.zaak_id
            WHERE zio.id = @id AND zio.mirror <> 'done' AND zio.mirror_since < @cutoff
            FOR UPDATE OF zio SKIP LOCKED
            """, new { id, cutoff }, tx);
        if (row is null)
            return false;
        var zaakUrl = urls.Zaak(row.ZaakUuid);
        var ctx = (MirrorActor.Parse(row.MirrorActor) ?? new MirrorActor("", "", null, null, "")).ToContext(time);
        if (row.Mirror == "pending")
        {
            var found = await documenten.FindAsync(row.Informatieobject, zaakUrl, ct);
            if (!found.Ok)
                return false;
            if (found.OioUrl is null)
            {
                logger.LogInformation("Zaakinformatieobject {Uuid}: no objectinformatieobject at the Documenten API; the create is undone", row.Uuid);
                await ZaakinformatieobjectRepository.DeleteAsync(c, tx, row.Id);
            }
            else
            {
                logger.LogInformation("Zaakinformatieobject {Uuid}: objectinformatieobject found; the create is finished", row.Uuid);
                await CompleteCreateAsync(c, tx, row, found.OioUrl, ctx);
            }
            return true;
        }
        var removed = await documenten.RemoveAsync(row.Oio, row.Informatieobject, zaakUrl, ct);
        if (!removed.Ok)
            return false;
        logger.LogInformation("Zaakinformatieobject {Uuid}: the delete is finished", row.Uuid);
        await CompleteDeleteAsync(c, tx, row, ctx);
        return true;
    }

    private async Task<ZaakinformatieobjectRow> CompleteCreateAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakinformatieobjectRow row,
        string? oio, HttpContext ctx)
    {
        await ZaakinformatieobjectRepository.MarkDoneAsync(c, tx, row.Id, oio);
        var zaak = await ZaakRef.FindByIdAsync(c, row.ZaakId, tx) ?? throw new InvalidOperationException("zaak disappeared");
        var done = (await ZaakinformatieobjectRepository.LockAsync(c, tx, row.Id))!;
        var url = urls.Of(ZaakinformatieobjectMapping.Collection, row.Uuid);
        await events.RecordAsync(c, tx, ctx, zaak, ZaakinformatieobjectMapping.Resource, url, AuditActie.Create, null, done.ToJson(urls));
        return done;
    }

    private async Task CompleteDeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakinformatieobjectRow row, HttpContext ctx)
    {
        var zaak = await ZaakRef.FindByIdAsync(c, row.ZaakId, tx) ?? throw new InvalidOperationException("zaak disappeared");
        await ZaakinformatieobjectRepository.DeleteAsync(c, tx, row.Id);
        // The spec announces only the create of a zaakinformatieobject (README §4.1): audit only.
        await events.RecordAsync(c, tx, ctx, zaak, ZaakinformatieobjectMapping.Resource, urls.Of(ZaakinformatieobjectMapping.Collection, row.Uuid),
            AuditActie.Destroy, row.ToJson(urls), null, notify: false);
    }
}

/// <summary>Runs <see cref="ZaakinformatieobjectMirror.ReconcileAsync"/> every <see cref="ZakenOptions.ReconcileInterval"/>.</summary>
public sealed class ZaakinformatieobjectReconciler(ZaakinformatieobjectMirror mirror, IOptions<ZakenOptions> options, TimeProvider time,
    ILogger<ZaakinformatieobjectReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ReconcileInterval, time, stoppingToken);
                await mirror.ReconcileAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Reconciling zaakinformatieobjecten failed; retried in the next round");
            }
        }
    }
}
