using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Status;
using Zgw.Api.Query;

namespace Zaken.Api.Resources.Resultaat;

/// <summary>The SQL of <c>resultaten</c>; also renders resultaten for <c>expand</c> (<see cref="IZaakResourceRenderer"/>).</summary>
public sealed class ResultaatRepository(ZakenUrls urls) : IZaakResourceRenderer
{
    private const string Select = """
        SELECT r.id, r.uuid, r.zaak_id, z.uuid AS zaak_uuid, r.resultaattype, r.gegevens::text AS gegevens
        FROM resultaat r JOIN zaak z ON z.id = r.zaak_id
        """;

    /// <summary>Filters of <c>GET /resultaten</c> besides <c>zaak</c> (see <see cref="ZaakUrlFilter"/>).</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("resultaattype", FilterKind.Url, "r.resultaattype")
        .Allow(ZaakUrlFilter.Parameter)
        .Allow(PageRequest.Parameters);

    public string Collection => "resultaten";

    /// <summary>One page, newest first (Open Zaak <c>-pk</c>), with the total count under the same filter.</summary>
    public static async Task<(int Count, List<ResultaatRow> Rows)> ListAsync(NpgsqlConnection c, SqlWhere where, PageRequest page)
    {
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = await c.ExecuteScalarAsync<int>($"SELECT count(*) FROM resultaat r JOIN zaak z ON z.id = r.zaak_id WHERE {where.Sql}", parameters);
        var rows = await c.QueryAsync<ResultaatRow>($"{Select} WHERE {where.Sql} ORDER BY r.id DESC LIMIT @limit OFFSET @offset", parameters);
        return (count, rows.ToList());
    }

    public Task<ResultaatRow?> GetAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<ResultaatRow>($"{Select} WHERE r.uuid = @uuid", new { uuid }, tx);

    public async Task<IReadOnlyList<JsonObject>> RenderManyAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids, CancellationToken ct)
    {
        var rows = await c.QueryAsync<ResultaatRow>(new CommandDefinition($"{Select} WHERE r.uuid = ANY(@uuids)",
            new { uuids = uuids.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.ToJson(urls)).ToList();
    }

    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid, long zaakId, ResultaatRequest r) =>
        c.ExecuteAsync("""
            INSERT INTO resultaat (uuid, zaak_id, resultaattype, gegevens) VALUES (@uuid, @zaakId, @resultaattype, @gegevens::jsonb)
            """, new { uuid, zaakId, resultaattype = r.Resultaattype, gegevens = ResultaatRow.GegevensOf(r) }, tx);

    public static Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, ResultaatRequest r) =>
        c.ExecuteAsync("UPDATE resultaat SET resultaattype = @resultaattype, gegevens = @gegevens::jsonb WHERE id = @id",
            new { id, resultaattype = r.Resultaattype, gegevens = ResultaatRow.GegevensOf(r) }, tx);
}
