using System.Text.Json;
using Dapper;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.ServiceDefaults;

namespace Autorisaties.Api.Resources.Applicatie;

/// <summary>SQL of the applicatie resource. Writes take the caller's connection and transaction.</summary>
public sealed class ApplicatieRepository(ZgwDatabase database)
{
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("clientIds", FilterKind.CommaListOverlap, "a.client_ids")
        .Allow(PageRequest.Parameters);

    private const string Columns = "a.id, a.uuid, a.label, a.heeft_alle_autorisaties, a.client_ids, a.autorisaties::text AS autorisaties";

    public async Task<(int Count, IReadOnlyList<ApplicatieRecord> Page)> ListAsync(SqlWhere where, PageRequest page)
    {
        await using var c = await database.OpenAsync();
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = await c.ExecuteScalarAsync<int>($"SELECT count(*) FROM applicatie a WHERE {where.Sql}", parameters);
        var rows = await c.QueryAsync<Row>($"""
            SELECT {Columns}
            FROM applicatie a
            WHERE {where.Sql}
            ORDER BY a.id DESC
            LIMIT @limit OFFSET @offset
            """, parameters);
        return (count, rows.Select(r => r.ToRecord()).ToList());
    }

    public async Task<ApplicatieRecord?> GetAsync(Guid uuid, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        await using var owned = connection is null ? await database.OpenAsync() : null;
        var row = await (connection ?? owned!).QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM applicatie a WHERE a.uuid = @uuid {(transaction is null ? "" : "FOR UPDATE")}", new { uuid }, transaction);
        return row?.ToRecord();
    }

    public async Task<ApplicatieRecord?> GetByClientIdAsync(string clientId)
    {
        await using var c = await database.OpenAsync();
        var row = await c.QuerySingleOrDefaultAsync<Row>($"""
            SELECT {Columns}
            FROM applicatie a JOIN applicatie_client ac ON ac.applicatie_id = a.id
            WHERE ac.client_id = @clientId
            """, new { clientId });
        return row?.ToRecord();
    }

    /// <summary>The client ids of <paramref name="clientIds"/> that belong to an applicatie other than <paramref name="except"/> (ac-001).</summary>
    public static async Task<IReadOnlyCollection<string>> TakenAsync(NpgsqlConnection c, NpgsqlTransaction tx, IEnumerable<string> clientIds, long? except) =>
        (await c.QueryAsync<string>("""
            SELECT client_id FROM applicatie_client
            WHERE client_id = ANY(@clientIds) AND applicatie_id IS DISTINCT FROM @except
            """, new { clientIds = clientIds.ToArray(), except }, tx)).ToList();

    public static async Task<ApplicatieRecord> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, ApplicatieRequest r)
    {
        var uuid = Guid.CreateVersion7();
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO applicatie (uuid, label, heeft_alle_autorisaties, client_ids, autorisaties)
            VALUES (@uuid, @label, @heeftAlle, @clientIds, CAST(@autorisaties AS jsonb))
            RETURNING id
            """, Parameters(uuid, r), tx);
        await SetClientIdsAsync(c, tx, id, r.ClientIds!);
        return ToRecord(id, uuid, r);
    }

    public static async Task<ApplicatieRecord> UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, ApplicatieRecord current, ApplicatieRequest r)
    {
        await c.ExecuteAsync("""
            UPDATE applicatie
            SET label = @label, heeft_alle_autorisaties = @heeftAlle, client_ids = @clientIds,
                autorisaties = CAST(@autorisaties AS jsonb), gewijzigd = now()
            WHERE uuid = @uuid
            """, Parameters(current.Uuid, r), tx);
        await c.ExecuteAsync("DELETE FROM applicatie_client WHERE applicatie_id = @id", new { id = current.Id }, tx);
        await SetClientIdsAsync(c, tx, current.Id, r.ClientIds!);
        return ToRecord(current.Id, current.Uuid, r);
    }

    public static Task<int> DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid) =>
        c.ExecuteAsync("DELETE FROM applicatie WHERE uuid = @uuid", new { uuid }, tx);

    private static Task SetClientIdsAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, IEnumerable<string> clientIds) =>
        c.ExecuteAsync("INSERT INTO applicatie_client (client_id, applicatie_id) SELECT unnest(@clientIds), @id",
            new { clientIds = clientIds.ToArray(), id }, tx);

    private static object Parameters(Guid uuid, ApplicatieRequest r) => new
    {
        uuid,
        label = r.Label,
        heeftAlle = r.HeeftAlleAutorisaties == true,
        clientIds = r.ClientIds!.ToArray(),
        autorisaties = JsonSerializer.Serialize(Autorisaties(r), ZgwJson.Options),
    };

    private static List<Autorisatie> Autorisaties(ApplicatieRequest r) => (r.Autorisaties ?? []).Select(a => a.ToModel()).ToList();

    private static ApplicatieRecord ToRecord(long id, Guid uuid, ApplicatieRequest r) =>
        new(id, uuid, r.Label!, r.HeeftAlleAutorisaties == true, r.ClientIds!, Autorisaties(r));

    private sealed class Row
    {
        public long Id { get; init; }
        public Guid Uuid { get; init; }
        public string Label { get; init; } = "";
        public bool HeeftAlleAutorisaties { get; init; }
        public string[] ClientIds { get; init; } = [];
        public string Autorisaties { get; init; } = "[]";

        public ApplicatieRecord ToRecord() => new(Id, Uuid, Label, HeeftAlleAutorisaties, ClientIds,
            JsonSerializer.Deserialize<List<Autorisatie>>(Autorisaties, ZgwJson.Options) ?? []);
    }
}
