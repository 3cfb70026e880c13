using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api.Query;

namespace Zaken.Api.Resources.Status;

/// <summary>The SQL of <c>statussen</c>; also renders statussen for <c>expand</c> (<see cref="IZaakResourceRenderer"/>).</summary>
public sealed class StatusRepository(ZakenUrls urls) : IZaakResourceRenderer
{
    /// <summary>zaakinformatieobjecten of a status: the visible (mirror done) ZIOs of the zaak whose <c>status</c> is this status.</summary>
    private const string Select = """
        SELECT s.uuid, z.uuid AS zaak_uuid, s.statustype, s.datum_status_gezet, s.gegevens::text AS gegevens,
               s.datum_status_gezet = (SELECT max(s2.datum_status_gezet) FROM status s2 WHERE s2.zaak_id = s.zaak_id)
                   AS indicatie_laatst_gezette_status,
               ARRAY(SELECT zio.uuid FROM zaakinformatieobject zio
                     WHERE zio.zaak_id = s.zaak_id AND zio.mirror = 'done' AND zio.gegevens ->> 'status' = @statusPrefix || s.uuid::text
                     ORDER BY zio.id) AS zaakinformatieobjecten
        FROM status s JOIN zaak z ON z.id = s.zaak_id
        """;

    public const string LaatstGezetSql =
        "(s.datum_status_gezet = (SELECT max(s2.datum_status_gezet) FROM status s2 WHERE s2.zaak_id = s.zaak_id))";

    /// <summary>Filters of <c>GET /statussen</c> besides <c>zaak</c> (see <see cref="ZaakUrlFilter"/>).</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("statustype", FilterKind.Url, "s.statustype")
        .Add("indicatieLaatstGezetteStatus", FilterKind.Bool, LaatstGezetSql)
        .Allow(ZaakUrlFilter.Parameter)
        .Allow(PageRequest.Parameters);

    public string Collection => "statussen";

    private string StatusPrefix => urls.Root + "/statussen/";

    /// <summary>One page, newest <c>datumStatusGezet</c> first (Open Zaak), with the total count under the same filter.</summary>
    public async Task<(int Count, List<StatusRow> Rows)> ListAsync(NpgsqlConnection c, SqlWhere where, PageRequest page)
    {
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("statusPrefix", StatusPrefix);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = await c.ExecuteScalarAsync<int>(
            $"SELECT count(*) FROM status s JOIN zaak z ON z.id = s.zaak_id WHERE {where.Sql}", parameters);
        var rows = await c.QueryAsync<StatusRow>(
            $"{Select} WHERE {where.Sql} ORDER BY s.datum_status_gezet DESC, s.id DESC LIMIT @limit OFFSET @offset", parameters);
        return (count, rows.ToList());
    }

    public Task<StatusRow?> GetAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<StatusRow>($"{Select} WHERE s.uuid = @uuid", new { uuid, statusPrefix = StatusPrefix }, tx);

    public async Task<IReadOnlyList<JsonObject>> RenderManyAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids, CancellationToken ct)
    {
        var rows = await c.QueryAsync<StatusRow>(new CommandDefinition(
            $"{Select} WHERE s.uuid = ANY(@uuids)", new { uuids = uuids.ToArray(), statusPrefix = StatusPrefix }, cancellationToken: ct));
        return rows.Select(r => r.ToJson(urls)).ToList();
    }

    public static Task<bool> HeeftStatusAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaakId) =>
        c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM status WHERE zaak_id = @zaakId)", new { zaakId }, tx);

    public static Task<bool> BestaatAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaakId, DateTimeOffset datum) =>
        c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM status WHERE zaak_id = @zaakId AND datum_status_gezet = @datum)",
            new { zaakId, datum = datum.ToUniversalTime() }, tx);

    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid, long zaakId, StatusRequest r) =>
        c.ExecuteAsync("""
            INSERT INTO status (uuid, zaak_id, statustype, datum_status_gezet, gegevens)
            VALUES (@uuid, @zaakId, @statustype, @datum, @gegevens::jsonb)
            """, new { uuid, zaakId, statustype = r.Statustype, datum = r.Datum!.Value.ToUniversalTime(), gegevens = StatusRow.GegevensOf(r) }, tx);
}
