using Dapper;
using Documenten.Api.Resources.Common;
using Npgsql;
using Zgw.Api.Query;

namespace Documenten.Api.Resources.Verzending;

/// <summary>SQL of <c>verzending</c> (joined with its document as <c>d</c>). Writes take the caller's connection and transaction.</summary>
public static class VerzendingRepository
{
    private const string Columns = """
        v.id, v.uuid, v.document_id, d.uuid AS document_uuid, v.betrokkene, v.aard_relatie, v.gegevens::text AS gegevens
        """;

    private const string From = "verzending v JOIN enkelvoudiginformatieobject d ON d.id = v.document_id";

    /// <summary>The list filters (OAS <c>verzending_list</c>); <c>informatieobject</c> is applied by <see cref="InformatieobjectVerwijzing.AddFilter"/>.</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("aardRelatie", FilterKind.Choice, "v.aard_relatie", choices: VerzendingRequest.AardRelaties)
        .Add("betrokkene", FilterKind.Url, "v.betrokkene")
        .Allow(InformatieobjectVerwijzing.Parameter, "expand")
        .Allow(PageRequest.Parameters);

    /// <summary>One page (newest first, as Open Zaak) and the total count for <paramref name="where"/> (filters + autorisatie).</summary>
    public static async Task<(int Count, IReadOnlyList<VerzendingRow> Rows)> ListAsync(NpgsqlConnection c, SqlWhere where, PageRequest page,
        CancellationToken ct)
    {
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = await c.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM {From} WHERE {where.Sql}", parameters, cancellationToken: ct));
        if (count <= page.Offset)
            return (count, []);
        var rows = await c.QueryAsync<VerzendingRow>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE {where.Sql} ORDER BY v.id DESC LIMIT @limit OFFSET @offset", parameters, cancellationToken: ct));
        return (count, rows.ToList());
    }

    public static Task<VerzendingRow?> FindAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<VerzendingRow>(
            $"SELECT {Columns} FROM {From} WHERE v.uuid = @uuid {(forUpdate ? "FOR UPDATE OF v" : "")}", new { uuid }, tx);

    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid, long documentId, VerzendingRequest r) =>
        c.ExecuteAsync("""
            INSERT INTO verzending (uuid, document_id, betrokkene, aard_relatie, gegevens)
            VALUES (@uuid, @documentId, @betrokkene, @aardRelatie, CAST(@gegevens AS jsonb))
            """, new { uuid, documentId, betrokkene = r.Betrokkene, aardRelatie = r.AardRelatie, gegevens = VerzendingGegevens.From(r).ToJson() }, tx);

    public static Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, long documentId, VerzendingRequest r) =>
        c.ExecuteAsync("""
            UPDATE verzending SET document_id = @documentId, betrokkene = @betrokkene, aard_relatie = @aardRelatie, gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, new { id, documentId, betrokkene = r.Betrokkene, aardRelatie = r.AardRelatie, gegevens = VerzendingGegevens.From(r).ToJson() }, tx);

    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.ExecuteAsync("DELETE FROM verzending WHERE id = @id", new { id }, tx);
}
