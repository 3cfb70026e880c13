using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using Zgw.Api.Problems;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zgw.Service.Mirrors;

/// <summary>A stored relation of a zaak or besluit with a document, mirrored as an objectinformatieobject in the Documenten API.</summary>
public interface IMirroredInformatieobjectRow
{
    long Id { get; }
    Guid Uuid { get; }
    string Informatieobject { get; }

    /// <summary><c>pending</c> (created, not yet mirrored), <c>done</c> or <c>removing</c> (being deleted).</summary>
    string Mirror { get; }

    /// <summary>The URL of the objectinformatieobject, once known.</summary>
    string? Oio { get; }

    /// <summary>The <see cref="Zgw.Service.Mirrors.MirrorActor"/> of a write not yet done, as JSON.</summary>
    string? MirrorActor { get; }
}

/// <summary>
/// zrc-005 and brc-005 with the protocol of ARCHITECTURE §11.4, for a relation with a document (a zaakinformatieobject, a
/// besluitinformatieobject). A create commits its row as <c>pending</c> first (so the Documenten API, which checks that the
/// relation exists in the source, can see it), then calls the Documenten API while it holds the row's lock; on success the
/// row becomes <c>done</c> and the audit record and notification are written in that same transaction; on failure the row
/// is deleted and the client gets 400 <c>pending-relations</c>. A delete marks the row <c>removing</c> (no longer listed,
/// so the Documenten API allows the OIO's removal), removes the OIO and then the row. Rows a crash left half-done are
/// finished or undone by <see cref="ReconcileAsync"/>. The service says which table, which object and what is recorded.
/// </summary>
public abstract class ObjectinformatieobjectMirror<TRow>(ZgwDatabase db, ObjectinformatieobjectClient documenten, TimeProvider time, ILogger logger)
    where TRow : class, IMirroredInformatieobjectRow
{
    protected ZgwDatabase Db { get; } = db;
    protected ObjectinformatieobjectClient Documenten { get; } = documenten;

    /// <summary>The <c>objectType</c> of the objectinformatieobject: <c>zaak</c> or <c>besluit</c>.</summary>
    protected abstract string ObjectType { get; }

    /// <summary>How long a row may stay half-done before <see cref="ReconcileAsync"/> repairs it.</summary>
    protected abstract TimeSpan GracePeriod { get; }

    /// <summary>The URL of the zaak or besluit of <paramref name="row"/>.</summary>
    protected abstract string ObjectUrl(TRow row);

    /// <summary>The row, locked for the rest of the transaction (any state); null when it is gone.</summary>
    protected abstract Task<TRow?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id);

    /// <summary>Back to <c>done</c>, with the OIO URL when one is given.</summary>
    protected abstract Task MarkDoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, string? oio);

    protected abstract Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id);

    /// <summary>The ids of rows half-done since before <paramref name="cutoff"/>, oldest first, at most 100.</summary>
    protected abstract Task<IReadOnlyList<long>> HalfDoneAsync(NpgsqlConnection c, DateTimeOffset cutoff);

    /// <summary>The row when it is still half-done since before <paramref name="cutoff"/>, locked <c>FOR UPDATE SKIP LOCKED</c>; else null.</summary>
    protected abstract Task<TRow?> ClaimAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff);

    /// <summary>The audit record (and notification) of a finished create (<paramref name="oud"/> null) or delete (<paramref name="nieuw"/> null).</summary>
    protected abstract Task RecordAsync(NpgsqlConnection c, NpgsqlTransaction tx, HttpContext ctx, string actie, TRow? oud, TRow? nieuw);

    /// <summary>The 400 <c>pending-relations</c> with the Documenten API's reason.</summary>
    protected abstract ZgwException PendingRelations(string reason);

    private string Resource => ObjectType + "informatieobject";

    /// <summary>Step 2 of a create: the OIO, then <c>done</c> + audit + notification, or the row removed and a 400.</summary>
    public async Task<TRow> FinishCreateAsync(long id, HttpContext ctx)
    {
        var (row, failure) = await Db.InTransactionAsync(async (c, tx) =>
        {
            var current = await LockAsync(c, tx, id);
            if (current is null)
                return (null, "de koppeling is tussentijds ongedaan gemaakt.");
            if (current.Mirror == "done")
                return (current, null);
            var outcome = await Documenten.CreateAsync(current.Informatieobject, ObjectUrl(current), ObjectType, CancellationToken.None);
            if (!outcome.Ok)
            {
                await DeleteAsync(c, tx, id);
                return ((TRow?)null, outcome.Reason);
            }
            return (await CompleteCreateAsync(c, tx, current, outcome.Url, ctx), (string?)null);
        });
        return row ?? throw PendingRelations(failure ?? "onbekende fout.");
    }

    /// <summary>Step 2 of a delete: the OIO removed at the Documenten API, then the row + its record; on failure the row is restored.</summary>
    public async Task FinishDeleteAsync(long id, HttpContext ctx)
    {
        var failure = await Db.InTransactionAsync(async (c, tx) =>
        {
            var current = await LockAsync(c, tx, id);
            if (current is null)
                return null;
            var outcome = await Documenten.RemoveAsync(current.Oio, current.Informatieobject, ObjectUrl(current), CancellationToken.None);
            if (!outcome.Ok)
            {
                await MarkDoneAsync(c, tx, id, null);
                return outcome.Reason;
            }
            await CompleteDeleteAsync(c, tx, current, ctx);
            return (string?)null;
        });
        if (failure is not null)
            throw PendingRelations(failure);
    }

    /// <summary>
    /// Finishes or undoes the rows a crash left half-done (not <c>done</c>, older than the <see cref="GracePeriod"/>):
    /// <c>pending</c> with an existing OIO → done + audit + notification; without → row removed; <c>removing</c> → OIO
    /// then row removed. Each row in its own transaction with <c>FOR UPDATE SKIP LOCKED</c>, so replicas share the work
    /// and never touch a row a request is still finishing. Returns the number of rows handled.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - GracePeriod;
        IReadOnlyList<long> candidates;
        await using (var c = await Db.OpenAsync(ct))
            candidates = await HalfDoneAsync(c, cutoff);
        return await MirrorReconciler.EachAsync(candidates, Resource, logger,
            id => Db.InTransactionAsync((c, tx) => ReconcileRowAsync(c, tx, id, cutoff, ct), ct), ct);
    }

    private async Task<bool> ReconcileRowAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff, CancellationToken ct)
    {
        var row = await ClaimAsync(c, tx, id, cutoff);
        if (row is null)
            return false;
        var ctx = MirrorActor.ContextOf(row.MirrorActor, time);
        if (row.Mirror == "pending")
        {
            var found = await Documenten.FindAsync(row.Informatieobject, ObjectUrl(row), ct);
            if (!found.Ok)
                return false;
            if (found.Url is null)
            {
                logger.LogInformation("{Resource} {Uuid}: no objectinformatieobject at the Documenten API; the create is undone", Resource, row.Uuid);
                await DeleteAsync(c, tx, row.Id);
            }
            else
            {
                logger.LogInformation("{Resource} {Uuid}: objectinformatieobject found; the create is finished", Resource, row.Uuid);
                await CompleteCreateAsync(c, tx, row, found.Url, ctx);
            }
            return true;
        }
        var removed = await Documenten.RemoveAsync(row.Oio, row.Informatieobject, ObjectUrl(row), ct);
        if (!removed.Ok)
            return false;
        logger.LogInformation("{Resource} {Uuid}: the delete is finished", Resource, row.Uuid);
        await CompleteDeleteAsync(c, tx, row, ctx);
        return true;
    }

    private async Task<TRow> CompleteCreateAsync(NpgsqlConnection c, NpgsqlTransaction tx, TRow row, string? oio, HttpContext ctx)
    {
        await MarkDoneAsync(c, tx, row.Id, oio);
        var done = (await LockAsync(c, tx, row.Id))!;
        await RecordAsync(c, tx, ctx, AuditActie.Create, null, done);
        return done;
    }

    private async Task CompleteDeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, TRow row, HttpContext ctx)
    {
        await DeleteAsync(c, tx, row.Id);
        await RecordAsync(c, tx, ctx, AuditActie.Destroy, row, null);
    }
}
