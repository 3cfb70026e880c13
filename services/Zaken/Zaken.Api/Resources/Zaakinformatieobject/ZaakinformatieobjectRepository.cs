using System.Text.Json;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api.Query;
using Zgw.Service.Mirrors;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Zaakinformatieobject;

/// <summary>SQL of <c>zaakinformatieobject</c>. Writes take the caller's connection and transaction.</summary>
public sealed class ZaakinformatieobjectRepository(ZakenUrls urls)
{
    public const string Columns = """
        zio.id, zio.uuid, zio.zaak_id, z.uuid AS zaak_uuid, zio.informatieobject, zio.registratiedatum,
        zio.gegevens::text AS gegevens, zio.mirror, zio.oio, zio.mirror_actor::text AS mirror_actor
        """;

    private const string From = "zaakinformatieobject zio JOIN zaak z ON z.id = zio.zaak_id";

    /// <summary>List filters (OAS): <c>zaak</c> (a zaak URL of this API) and <c>informatieobject</c>.</summary>
    public FilterSet ListFilters { get; } = new FilterSet()
        .Add("zaak", FilterKind.Url, $"('{urls.Root.Replace("'", "''")}/zaken/' || z.uuid::text)")
        .Add("informatieobject", FilterKind.Url, "zio.informatieobject");

    /// <summary>
    /// The rows a list shows: only finished ones (<c>mirror = 'done'</c>). The one lookup the Documenten API makes
    /// while it validates the mirror of a create (zrc-005; drc: the relation must exist in the source: both
    /// <c>zaak</c> and <c>informatieobject</c> given) also sees the row being created; a row being removed is never shown.
    /// </summary>
    public static string Visibility(bool lookupOfOnePair) => lookupOfOnePair ? "zio.mirror <> 'removing'" : "zio.mirror = 'done'";

    public static async Task<IReadOnlyList<ZaakinformatieobjectRow>> ListAsync(NpgsqlConnection c, SqlWhere where) =>
        (await c.QueryAsync<ZaakinformatieobjectRow>(
            $"SELECT {Columns} FROM {From} WHERE {where.Sql} ORDER BY zio.id", new DynamicParameters(where.Parameters))).ToList();

    /// <summary>A finished zaakinformatieobject (the only kind GET, PUT, PATCH and DELETE see).</summary>
    public static Task<ZaakinformatieobjectRow?> FindDoneAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<ZaakinformatieobjectRow>(
            $"SELECT {Columns} FROM {From} WHERE zio.uuid = @uuid AND zio.mirror = 'done' {(forUpdate ? "FOR UPDATE OF zio" : "")}",
            new { uuid }, tx);

    public static Task<ZaakinformatieobjectRow?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, bool skipLocked = false) =>
        c.QuerySingleOrDefaultAsync<ZaakinformatieobjectRow>(
            $"SELECT {Columns} FROM {From} WHERE zio.id = @id FOR UPDATE OF zio {(skipLocked ? "SKIP LOCKED" : "")}", new { id }, tx);

    public static async Task<IReadOnlyList<ZaakinformatieobjectRow>> RenderRowsAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids) =>
        (await c.QueryAsync<ZaakinformatieobjectRow>(
            $"SELECT {Columns} FROM {From} WHERE zio.uuid = ANY(@uuids) AND zio.mirror = 'done'", new { uuids = uuids.ToArray() })).ToList();

    public static Task<bool> ExistsAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaakId, string informatieobject) =>
        c.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM zaakinformatieobject WHERE zaak_id = @zaakId AND informatieobject = @informatieobject)",
            new { zaakId, informatieobject }, tx);

    /// <summary>Step 1 of the mirror protocol: the row, committed as <c>pending</c> (not listed, no audit, no notification yet).</summary>
    public static Task<long> InsertPendingAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid, long zaakId, string informatieobject,
        ZaakinformatieobjectGegevens gegevens, DateTimeOffset now, MirrorActor actor) =>
        c.ExecuteScalarAsync<long>("""
            INSERT INTO zaakinformatieobject (uuid, zaak_id, informatieobject, registratiedatum, gegevens, mirror, mirror_since, mirror_actor)
            VALUES (@uuid, @zaakId, @informatieobject, @now, CAST(@gegevens AS jsonb), 'pending', @now, CAST(@actor AS jsonb))
            RETURNING id
            """, new { uuid, zaakId, informatieobject, now, gegevens = Json(gegevens), actor = actor.ToJson() }, tx);

    public static Task UpdateGegevensAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, ZaakinformatieobjectGegevens gegevens) =>
        c.ExecuteAsync("UPDATE zaakinformatieobject SET gegevens = CAST(@gegevens AS jsonb) WHERE id = @id",
            new { id, gegevens = Json(gegevens) }, tx);

    public static Task MarkDoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, string? oio) =>
        c.ExecuteAsync("UPDATE zaakinformatieobject SET mirror = 'done', oio = COALESCE(@oio, oio), mirror_actor = NULL WHERE id = @id",
            new { id, oio }, tx);

    public static Task MarkRemovingAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset now, MirrorActor actor) =>
        c.ExecuteAsync("""
            UPDATE zaakinformatieobject SET mirror = 'removing', mirror_since = @now, mirror_actor = CAST(@actor AS jsonb) WHERE id = @id
            """, new { id, now, actor = actor.ToJson() }, tx);

    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.ExecuteAsync("DELETE FROM zaakinformatieobject WHERE id = @id", new { id }, tx);

    /// <summary>For the reconciler: the rows half-done since before <paramref name="cutoff"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<long>> HalfDoneAsync(NpgsqlConnection c, DateTimeOffset cutoff) =>
        (await c.QueryAsync<long>(
            "SELECT id FROM zaakinformatieobject WHERE mirror <> 'done' AND mirror_since < @cutoff ORDER BY mirror_since LIMIT 100",
            new { cutoff })).ToList();

    /// <summary>For the reconciler: the row when it is still half-done since before <paramref name="cutoff"/> and no one else holds it.</summary>
    public static Task<ZaakinformatieobjectRow?> ClaimHalfDoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff) =>
        c.QuerySingleOrDefaultAsync<ZaakinformatieobjectRow>(
            $"""
            SELECT {Columns}
            FROM {From}
            WHERE zio.id = @id AND zio.mirror <> 'done' AND zio.mirror_since < @cutoff
            FOR UPDATE OF zio SKIP LOCKED
            """, new { id, cutoff }, tx);

    /// <summary>The zaak of a status URL of this API (null when there is no such status).</summary>
    public static Task<long?> ZaakOfStatusAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid statusUuid) =>
        c.ExecuteScalarAsync<long?>("SELECT zaak_id FROM status WHERE uuid = @statusUuid", new { statusUuid }, tx);

    private static string Json(ZaakinformatieobjectGegevens g) => JsonSerializer.Serialize(g, ZgwJson.Options);
}
