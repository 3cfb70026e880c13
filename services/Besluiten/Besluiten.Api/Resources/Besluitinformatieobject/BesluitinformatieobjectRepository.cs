using Besluiten.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Query;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluitinformatieobject;

/// <summary>SQL of <c>besluitinformatieobject</c>. Writes take the caller's connection and transaction.</summary>
public sealed class BesluitinformatieobjectRepository(BesluitenUrls urls)
{
    public const string Columns = """
        bio.id, bio.uuid, bio.besluit_id, b.uuid AS besluit_uuid, b.besluittype, bio.informatieobject, bio.mirror, bio.oio,
        bio.mirror_actor::text AS mirror_actor
        """;

    private const string From = "besluitinformatieobject bio JOIN besluit b ON b.id = bio.besluit_id";

    /// <summary>List filters (OAS): <c>besluit</c> (a besluit URL of this API), <c>informatieobject</c>; and <c>expand</c>.</summary>
    public FilterSet ListFilters { get; } = new FilterSet()
        .Add("besluit", FilterKind.Url, $"('{urls.Root.Replace("'", "''")}/besluiten/' || b.uuid::text)")
        .Add("informatieobject", FilterKind.Url, "bio.informatieobject")
        .Allow("expand");

    /// <summary>
    /// The rows a list shows: finished ones of finished besluiten. The one lookup the Documenten API makes while it validates
    /// the mirror of a create (brc-005; D2: the relation must exist in the source — both <c>besluit</c> and
    /// <c>informatieobject</c> given) also sees the row being created; a row (or besluit) being removed is never shown, so
    /// the Documenten API lets its objectinformatieobject go.
    /// </summary>
    public static string Visibility(bool lookupOfOnePair) => lookupOfOnePair
        ? "bio.mirror <> 'removing' AND b.mirror <> 'removing'"
        : "bio.mirror = 'done' AND b.mirror = 'done'";

    public static async Task<IReadOnlyList<BesluitinformatieobjectRow>> ListAsync(NpgsqlConnection c, SqlWhere where, CancellationToken ct) =>
        (await c.QueryAsync<BesluitinformatieobjectRow>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE {where.Sql} ORDER BY bio.id DESC", new DynamicParameters(where.Parameters),
            cancellationToken: ct))).ToList();

    /// <summary>A finished besluitinformatieobject of a finished besluit (the only kind GET and DELETE see).</summary>
    public static Task<BesluitinformatieobjectRow?> FindDoneAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<BesluitinformatieobjectRow?>(
            $"SELECT {Columns} FROM {From} WHERE bio.uuid = @uuid AND {Visibility(false)} {(forUpdate ? "FOR UPDATE OF bio" : "")}",
            new { uuid }, tx);

    public static Task<BesluitinformatieobjectRow?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, bool skipLocked = false) =>
        c.QuerySingleOrDefaultAsync<BesluitinformatieobjectRow?>(
            $"SELECT {Columns} FROM {From} WHERE bio.id = @id FOR UPDATE OF bio {(skipLocked ? "SKIP LOCKED" : "")}", new { id }, tx);

    /// <summary>Every besluitinformatieobject of a besluit (any state), for brc-009.</summary>
    public static async Task<IReadOnlyList<BesluitinformatieobjectRow>> OfBesluitAsync(NpgsqlConnection c, long besluitId) =>
        (await c.QueryAsync<BesluitinformatieobjectRow>($"SELECT {Columns} FROM {From} WHERE bio.besluit_id = @besluitId ORDER BY bio.id",
            new { besluitId })).ToList();

    public static Task<bool> ExistsAsync(NpgsqlConnection c, NpgsqlTransaction tx, long besluitId, string informatieobject) =>
        c.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM besluitinformatieobject WHERE besluit_id = @besluitId AND informatieobject = @informatieobject)",
            new { besluitId, informatieobject }, tx);

    /// <summary>Step 1 of the mirror protocol: the row, committed as <c>pending</c> (not listed, no audit, no notification yet).</summary>
    public static Task<long> InsertPendingAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid, long besluitId, string informatieobject,
        DateTimeOffset now, MirrorActor actor) =>
        c.ExecuteScalarAsync<long>("""
            INSERT INTO besluitinformatieobject (uuid, besluit_id, informatieobject, registratiedatum, mirror, mirror_since, mirror_actor)
            VALUES (@uuid, @besluitId, @informatieobject, @now, 'pending', @now, CAST(@actor AS jsonb))
            RETURNING id
            """, new { uuid, besluitId, informatieobject, now, actor = actor.ToJson() }, tx);

    public static Task MarkDoneAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long id, string? oio) =>
        c.ExecuteAsync("UPDATE besluitinformatieobject SET mirror = 'done', oio = COALESCE(@oio, oio), mirror_actor = NULL WHERE id = @id",
            new { id, oio }, tx);

    public static Task MarkRemovingAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset now, MirrorActor actor) =>
        c.ExecuteAsync("""
            UPDATE besluitinformatieobject SET mirror = 'removing', mirror_since = @now, mirror_actor = CAST(@actor AS jsonb) WHERE id = @id
            """, new { id, now, actor = actor.ToJson() }, tx);

    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long id) =>
        c.ExecuteAsync("DELETE FROM besluitinformatieobject WHERE id = @id", new { id }, tx);

    /// <summary>
    /// For the reconciler: the rows half-done since before <paramref name="cutoff"/>, oldest first; rows of a besluit being
    /// destroyed are left to the besluit.
    /// </summary>
    public static async Task<IReadOnlyList<long>> HalfDoneAsync(NpgsqlConnection c, DateTimeOffset cutoff) =>
        (await c.QueryAsync<long>("""
            SELECT bio.id FROM besluitinformatieobject bio JOIN besluit b ON b.id = bio.besluit_id
            WHERE bio.mirror <> 'done' AND bio.mirror_since < @cutoff AND b.mirror = 'done'
            ORDER BY bio.mirror_since LIMIT 100
            """, new { cutoff })).ToList();

    /// <summary>For the reconciler: the row when it is still half-done since before <paramref name="cutoff"/> and no one else holds it.</summary>
    public static Task<BesluitinformatieobjectRow?> ClaimHalfDoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DateTimeOffset cutoff) =>
        c.QuerySingleOrDefaultAsync<BesluitinformatieobjectRow?>(
            $"""
            SELECT {Columns}
            FROM {From}
            WHERE bio.id = @id AND bio.mirror <> 'done' AND bio.mirror_since < @cutoff
            FOR UPDATE OF bio SKIP LOCKED
            """, new { id, cutoff }, tx);
}
