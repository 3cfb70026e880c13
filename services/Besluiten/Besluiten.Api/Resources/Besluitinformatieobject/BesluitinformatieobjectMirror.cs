using Besluiten.Api.Resources.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api.Problems;
using Zgw.Data;
using Zgw.Data.AuditTrail;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluitinformatieobject;

/// <summary>
/// brc-005: a besluitinformatieobject is mirrored as an objectinformatieobject in the Documenten API, with the shared
/// protocol of ARCHITECTURE §11.4 (<see cref="ObjectinformatieobjectMirror{TRow}"/>), as the Zaken service's
/// zaakinformatieobject: committed as <c>pending</c> (the Documenten API checks that the relation exists in the source, D2,
/// so it must be able to see it), the OIO created while the row is locked, then <c>done</c> + audit + notification, or the
/// row removed and 400 <c>pending-relations</c>. Create and delete are both announced. brc-009 removes the mirrors of a
/// destroyed besluit (<see cref="RemoveAllOfBesluitAsync"/>); the reconciler leaves rows of such a besluit to the besluit.
/// </summary>
public sealed class BesluitinformatieobjectMirror(
    ZgwDatabase db,
    ObjectinformatieobjectClient documenten,
    BesluitEvents events,
    BesluitenUrls urls,
    TimeProvider time,
    IOptions<BesluitenOptions> options,
    ILogger<BesluitinformatieobjectMirror> logger)
    : ObjectinformatieobjectMirror<BesluitinformatieobjectRow>(db, documenten, time, logger)
{
    protected override string ObjectType => "besluit";
    protected override TimeSpan GracePeriod => options.Value.MirrorGracePeriod;
    protected override string ObjectUrl(BesluitinformatieobjectRow row) => urls.Besluit(row.BesluitUuid);

    protected override Task<BesluitinformatieobjectRow?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        BesluitinformatieobjectRepository.LockAsync(c, tx, id);

    protected override Task MarkDoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, string? oio) =>
        BesluitinformatieobjectRepository.MarkDoneAsync(c, tx, id, oio);

    protected override Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) => BesluitinformatieobjectRepository.DeleteAsync(c, tx, id);

    protected override Task<IReadOnlyList<long>> HalfDoneAsync(NpgsqlConnection c, DateTimeOffset cutoff) =>
        BesluitinformatieobjectRepository.HalfDoneAsync(c, cutoff);

    protected override Task<BesluitinformatieobjectRow?> ClaimAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff) =>
        BesluitinformatieobjectRepository.ClaimHalfDoneAsync(c, tx, id, cutoff);

    protected override ZgwException PendingRelations(string reason) => BesluitinformatieobjectRules.PendingRelations(reason);

    protected override Task RecordAsync(NpgsqlConnection c, NpgsqlTransaction tx, HttpContext ctx, string actie,
        BesluitinformatieobjectRow? oud, BesluitinformatieobjectRow? nieuw) =>
        RecordAsync(c, tx, ctx, actie, oud, nieuw, notify: true);

    private async Task RecordAsync(NpgsqlConnection c, NpgsqlTransaction tx, HttpContext ctx, string actie,
        BesluitinformatieobjectRow? oud, BesluitinformatieobjectRow? nieuw, bool notify)
    {
        var row = nieuw ?? oud!;
        var besluit = await BesluitRef.FindByIdAsync(c, row.BesluitId, tx) ?? throw new InvalidOperationException("besluit disappeared");
        await events.RecordAsync(c, tx, ctx, besluit, BesluitinformatieobjectMapping.Resource, urls.Of(BesluitenUrls.Besluitinformatieobjecten, row.Uuid),
            actie, oud?.ToJson(urls), nieuw?.ToJson(urls), notify);
    }

    /// <summary>
    /// brc-009: removes the OIO of every besluitinformatieobject of a besluit (whose rows the besluit's <c>removing</c> state
    /// already hides) and then the row, with an audit record under the besluit. Returns null when all are gone, else the
    /// Documenten API's reason; the rows not yet handled then stay.
    /// </summary>
    public async Task<string?> RemoveAllOfBesluitAsync(long besluitId, HttpContext ctx, CancellationToken ct)
    {
        IReadOnlyList<BesluitinformatieobjectRow> rows;
        await using (var c = await Db.OpenAsync(ct))
            rows = await BesluitinformatieobjectRepository.OfBesluitAsync(c, besluitId);
        foreach (var row in rows)
        {
            var outcome = await Documenten.RemoveAsync(row.Oio, row.Informatieobject, urls.Besluit(row.BesluitUuid), ct);
            if (!outcome.Ok)
                return outcome.Reason;
            await Db.InTransactionAsync(async (c, tx) =>
            {
                if (await BesluitinformatieobjectRepository.LockAsync(c, tx, row.Id) is { } current)
                {
                    await BesluitinformatieobjectRepository.DeleteAsync(c, tx, current.Id);
                    await RecordAsync(c, tx, ctx, AuditActie.Destroy, current, null, notify: false);
                }
                return 0;
            }, ct);
        }
        return null;
    }
}
