using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api.Problems;
using Zgw.Api.References;
using Zgw.Data;
using Zgw.Data.AuditTrail;
using Zgw.Service.Mirrors;

namespace Zaken.Api.Resources.Zaakinformatieobject;

/// <summary>
/// zrc-005: a zaakinformatieobject is mirrored as an objectinformatieobject in the Documenten API, with the shared protocol of
/// ARCHITECTURE §11.4 (<see cref="ObjectinformatieobjectMirror{TRow}"/>): committed as <c>pending</c>, the OIO created while
/// the row is locked, then <c>done</c> + audit + notification, or the row removed and 400 <c>pending-relations</c>. The
/// spec announces only the create (README §4.1): a delete is audited only. zrc-023 removes the mirrors of a destroyed zaak.
/// </summary>
public sealed class ZaakinformatieobjectMirror(
    ZgwDatabase db,
    ObjectinformatieobjectClient documenten,
    ZaakEvents events,
    ZakenUrls urls,
    TimeProvider time,
    IOptions<ZakenOptions> options,
    ILogger<ZaakinformatieobjectMirror> logger)
    : ObjectinformatieobjectMirror<ZaakinformatieobjectRow>(db, documenten, time, logger), IZaakMirrors
{
    /// <summary>The mirror, its calls to the Documenten API (settings <c>Zaken:Mirror:Resilience</c>) and its reconciler.</summary>
    public static void Register(IServiceCollection services)
    {
        SiblingJson.Add(services, "zaken-documenten-mirror", "Zaken:Mirror:Resilience");
        services.AddSingleton<ObjectinformatieobjectClient>();
        services.AddSingleton<ZaakinformatieobjectMirror>();
        services.AddSingleton<IZaakMirrors>(sp => sp.GetRequiredService<ZaakinformatieobjectMirror>());
        MirrorReconciler.Add(services, sp => sp.GetRequiredService<IOptions<ZakenOptions>>().Value.ReconcileInterval,
            (sp, ct) => sp.GetRequiredService<ZaakinformatieobjectMirror>().ReconcileAsync(ct));
    }

    protected override string ObjectType => "zaak";
    protected override TimeSpan GracePeriod => options.Value.MirrorGracePeriod;
    protected override string ObjectUrl(ZaakinformatieobjectRow row) => urls.Zaak(row.ZaakUuid);

    protected override Task<ZaakinformatieobjectRow?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        ZaakinformatieobjectRepository.LockAsync(c, tx, id);

    protected override Task MarkDoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, string? oio) =>
        ZaakinformatieobjectRepository.MarkDoneAsync(c, tx, id, oio);

    protected override Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) => ZaakinformatieobjectRepository.DeleteAsync(c, tx, id);

    protected override Task<IReadOnlyList<long>> HalfDoneAsync(NpgsqlConnection c, DateTimeOffset cutoff) =>
        ZaakinformatieobjectRepository.HalfDoneAsync(c, cutoff);

    protected override Task<ZaakinformatieobjectRow?> ClaimAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff) =>
        ZaakinformatieobjectRepository.ClaimHalfDoneAsync(c, tx, id, cutoff);

    protected override ZgwException PendingRelations(string reason) => ZaakinformatieobjectRules.PendingRelations(reason);

    protected override async Task RecordAsync(NpgsqlConnection c, NpgsqlTransaction tx, HttpContext ctx, string actie,
        ZaakinformatieobjectRow? oud, ZaakinformatieobjectRow? nieuw)
    {
        var row = nieuw ?? oud!;
        var zaak = await ZaakRef.FindByIdAsync(c, row.ZaakId, tx) ?? throw new InvalidOperationException("zaak disappeared");
        await events.RecordAsync(c, tx, ctx, zaak, ZaakinformatieobjectMapping.Resource, urls.Of(ZaakinformatieobjectMapping.Collection, row.Uuid),
            actie, oud?.ToJson(urls), nieuw?.ToJson(urls), notify: actie != AuditActie.Destroy);
    }

    /// <summary>
    /// zrc-023: removes the OIO of every zaakinformatieobject of a zaak at the Documenten API (and the rows), before
    /// the zaak itself is destroyed. 400 <c>pending-relations</c> when the Documenten API fails; the rows not yet
    /// handled then stay as they were.
    /// </summary>
    public async Task DeleteMirrorsOfZaakAsync(long zaakId, CancellationToken ct)
    {
        await using var c = await Db.OpenAsync(ct);
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
            var outcome = await Documenten.RemoveAsync(row.Oio, row.Informatieobject, zaakUrl, ct);
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
}
