using Besluiten.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Query;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluit;

/// <summary>SQL of <c>besluit</c>. Writes take the caller's connection and transaction.</summary>
public static class BesluitRepository
{
    public const string Columns = """
        b.id, b.uuid, b.identificatie, b.verantwoordelijke_organisatie, b.besluittype, b.zaak, b.datum, b.ingangsdatum, b.vervaldatum,
        b.gegevens::text AS gegevens, b.mirror, b.zaakbesluit, b.mirror_actor::text AS mirror_actor
        """;

    /// <summary>The list filters (OAS <c>besluit_list</c>) plus <c>page</c>, <c>pageSize</c> (G4) and <c>expand</c>.</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("identificatie", FilterKind.Text, "b.identificatie")
        .Add("verantwoordelijkeOrganisatie", FilterKind.Text, "b.verantwoordelijke_organisatie")
        .Add("besluittype", FilterKind.Url, "b.besluittype")
        .Add("zaak", FilterKind.Url, "b.zaak")
        .Allow([.. PageRequest.Parameters, "expand"]);

    /// <summary>One page of finished besluiten, newest first, and the total count for <paramref name="where"/> (filters + autorisatie).</summary>
    public static async Task<(int Count, IReadOnlyList<BesluitRow> Rows)> ListAsync(NpgsqlConnection c, SqlWhere where, PageRequest page,
        CancellationToken ct)
    {
        where.AddRaw("b.mirror = 'done'");
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM besluit b WHERE {where.Sql}", parameters, cancellationToken: ct));
        if (count <= page.Offset)
            return (count, []);
        var rows = await c.QueryAsync<BesluitRow>(new CommandDefinition(
            $"SELECT {Columns} FROM besluit b WHERE {where.Sql} ORDER BY b.id DESC LIMIT @limit OFFSET @offset", parameters, cancellationToken: ct));
        return (count, rows.ToList());
    }

    /// <summary>
    /// A besluit for the detail GET: finished, or one whose zaakbesluit is being created (brc-006: the Zaken API reads the
    /// besluit while it validates the zaakbesluit we ask for). One being destroyed is gone.
    /// </summary>
    public static Task<BesluitRow?> FindReadableAsync(NpgsqlConnection c, Guid uuid) =>
        c.QuerySingleOrDefaultAsync<BesluitRow?>($"SELECT {Columns} FROM besluit b WHERE b.uuid = @uuid AND b.mirror <> 'removing'", new { uuid });

    /// <summary>A finished besluit (the only kind PUT, PATCH, DELETE and the besluitinformatieobjecten see).</summary>
    public static Task<BesluitRow?> FindDoneAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<BesluitRow?>(
            $"SELECT {Columns} FROM besluit b WHERE b.uuid = @uuid AND b.mirror = 'done' {(forUpdate ? "FOR UPDATE" : "")}", new { uuid }, tx);

    public static Task<BesluitRow?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.QuerySingleOrDefaultAsync<BesluitRow?>($"SELECT {Columns} FROM besluit b WHERE b.id = @id FOR UPDATE", new { id }, tx);

    public static Task<BesluitRow?> FindByIdAsync(NpgsqlConnection c, long id) =>
        c.QuerySingleOrDefaultAsync<BesluitRow?>($"SELECT {Columns} FROM besluit b WHERE b.id = @id", new { id });

    /// <summary>Finished besluiten by uuid, for <c>expand</c> of besluitinformatieobjecten (one query for a page).</summary>
    public static async Task<IReadOnlyList<BesluitRow>> RenderRowsAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids) =>
        (await c.QueryAsync<BesluitRow>($"SELECT {Columns} FROM besluit b WHERE b.uuid = ANY(@uuids) AND b.mirror = 'done'",
            new { uuids = uuids.ToArray() })).ToList();

    /// <summary>
    /// brc-002: the next free identificatie <c>BESLUIT-&lt;yyyy&gt;-&lt;10 digits&gt;</c> (yyyy = year of datum, as Open Zaak). The number
    /// comes from a sequence (no lock held, unique under concurrency); one a client already took by hand is skipped.
    /// </summary>
    public static async Task<string> NextIdentificatieAsync(NpgsqlConnection c, NpgsqlTransaction tx, string organisatie, DateOnly datum)
    {
        while (true)
        {
            var nummer = await c.ExecuteScalarAsync<long>("SELECT nextval('besluit_identificatie_nummer')", transaction: tx);
            var identificatie = $"BESLUIT-{datum.Year:D4}-{nummer:D10}";
            if (!await IdentificatieBestaatAsync(c, tx, organisatie, identificatie))
                return identificatie;
        }
    }

    public static Task<bool> IdentificatieBestaatAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string organisatie, string identificatie) =>
        c.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM besluit WHERE verantwoordelijke_organisatie = @organisatie AND identificatie = @identificatie)",
            new { organisatie, identificatie }, tx);

    /// <summary>Inserts a besluit; <paramref name="mirror"/> is 'done' (no zaak) or 'pending' (its zaakbesluit still to be made, brc-006).</summary>
    public static Task<long> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid, string identificatie, BesluitRequest r,
        string mirror, DateTimeOffset now, MirrorActor? actor) =>
        c.ExecuteScalarAsync<long>("""
            INSERT INTO besluit (uuid, identificatie, verantwoordelijke_organisatie, besluittype, zaak, datum, ingangsdatum, vervaldatum,
                                 gegevens, aangemaakt, mirror, mirror_since, mirror_actor)
            VALUES (@uuid, @identificatie, @organisatie, @besluittype, @zaak, @datum, @ingangsdatum, @vervaldatum,
                    CAST(@gegevens AS jsonb), @now, @mirror, @now, CAST(@actor AS jsonb))
            RETURNING id
            """, new
        {
            uuid, identificatie, organisatie = r.VerantwoordelijkeOrganisatie, besluittype = r.Besluittype,
            zaak = string.IsNullOrEmpty(r.Zaak) ? null : r.Zaak, datum = r.Datum!.Value, ingangsdatum = r.Ingangsdatum!.Value,
            vervaldatum = r.Vervaldatum, gegevens = BesluitGegevens.From(r).ToJson(), now, mirror, actor = actor?.ToJson(),
        }, tx);

    /// <summary>PUT/PATCH: the changeable attributes (besluittype, identificatie, verantwoordelijkeOrganisatie and zaak are immutable).</summary>
    public static Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, BesluitRequest r) =>
        c.ExecuteAsync("""
            UPDATE besluit SET datum = @datum, ingangsdatum = @ingangsdatum, vervaldatum = @vervaldatum, gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, new { id, datum = r.Datum!.Value, ingangsdatum = r.Ingangsdatum!.Value, vervaldatum = r.Vervaldatum, gegevens = BesluitGegevens.From(r).ToJson() },
            tx);

    public static Task MarkDoneAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long id, string? zaakbesluit) =>
        c.ExecuteAsync("UPDATE besluit SET mirror = 'done', zaakbesluit = COALESCE(@zaakbesluit, zaakbesluit), mirror_actor = NULL WHERE id = @id",
            new { id, zaakbesluit }, tx);

    public static Task MarkRemovingAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset now, MirrorActor actor) =>
        c.ExecuteAsync("UPDATE besluit SET mirror = 'removing', mirror_since = @now, mirror_actor = CAST(@actor AS jsonb) WHERE id = @id",
            new { id, now, actor = actor.ToJson() }, tx);

    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long id) =>
        c.ExecuteAsync("DELETE FROM besluit WHERE id = @id", new { id }, tx);

    /// <summary>For the reconciler: the besluiten half-done since before <paramref name="cutoff"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<long>> HalfDoneAsync(NpgsqlConnection c, DateTimeOffset cutoff) =>
        (await c.QueryAsync<long>(
            "SELECT id FROM besluit WHERE mirror <> 'done' AND mirror_since < @cutoff ORDER BY mirror_since LIMIT 100", new { cutoff })).ToList();

    /// <summary>For the reconciler: the besluit when it is still half-done since before <paramref name="cutoff"/> and no one else holds it.</summary>
    public static Task<BesluitRow?> ClaimHalfDoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff) =>
        c.QuerySingleOrDefaultAsync<BesluitRow?>($"""
            SELECT {Columns}
            FROM besluit b
            WHERE b.id = @id AND b.mirror <> 'done' AND b.mirror_since < @cutoff
            FOR UPDATE SKIP LOCKED
            """, new { id, cutoff }, tx);

    /// <summary>Restarts the grace period of a half-done besluit: the reconciler claims a destroy it is about to finish.</summary>
    public static Task TouchMirrorAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset now) =>
        c.ExecuteAsync("UPDATE besluit SET mirror_since = @now WHERE id = @id", new { id, now }, tx);
}
