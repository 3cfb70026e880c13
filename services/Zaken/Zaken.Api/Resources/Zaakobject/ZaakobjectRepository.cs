using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Rol;
using Zgw.Api.Query;
using Zgw.Data;

namespace Zaken.Api.Resources.Zaakobject;

/// <summary>SQL of the zaakobject resource. Writes take the caller's connection and transaction.</summary>
public sealed class ZaakobjectRepository(ZgwDatabase database, ZakenUrls urls) : IZaakResourceRenderer
{
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("object", FilterKind.Url, "o.object")
        .Add("objectType", FilterKind.Choice, "o.object_type", choices: ObjectShapes.ObjectTypes)
        .Allow(ZaakFilter.Parameter)
        .Allow(PageRequest.Parameters);

    private const string Select = """
        SELECT o.id, o.uuid, o.zaak_id, z.uuid AS zaak_uuid, o.object, o.object_type, o.zaakobjecttype, o.gegevens::text AS gegevens
        FROM zaakobject o JOIN zaak z ON z.id = o.zaak_id
        """;

    public string Collection => "zaakobjecten";

    public async Task<(int Count, IReadOnlyList<ZaakobjectRow> Page)> ListAsync(SqlWhere where, PageRequest page)
    {
        await using var c = await database.OpenAsync();
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = await c.ExecuteScalarAsync<int>($"SELECT count(*) FROM zaakobject o JOIN zaak z ON z.id = o.zaak_id WHERE {where.Sql}", parameters);
        var rows = await c.QueryAsync<ZaakobjectRow>($"{Select} WHERE {where.Sql} ORDER BY o.id DESC LIMIT @limit OFFSET @offset", parameters);
        return (count, rows.ToList());
    }

    public async Task<ZaakobjectRow?> GetAsync(Guid uuid, NpgsqlConnection? connection = null, NpgsqlTransaction? tx = null)
    {
        await using var owned = connection is null ? await database.OpenAsync() : null;
        return await (connection ?? owned!).QuerySingleOrDefaultAsync<ZaakobjectRow>($"{Select} WHERE o.uuid = @uuid", new { uuid }, tx);
    }

    public async Task<IReadOnlyList<JsonObject>> RenderManyAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids, CancellationToken ct)
    {
        if (uuids.Count == 0)
            return [];
        var rows = await c.QueryAsync<ZaakobjectRow>(new CommandDefinition($"{Select} WHERE o.uuid = ANY(@uuids)", new { uuids = uuids.ToArray() },
            cancellationToken: ct));
        return rows.Select(r => r.Render(urls)).ToList();
    }

    public static async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaakId, ZaakobjectRequest r)
    {
        var uuid = Guid.NewGuid();
        await c.ExecuteAsync("""
            INSERT INTO zaakobject (uuid, zaak_id, object, object_type, zaakobjecttype, gegevens)
            VALUES (@uuid, @zaakId, @object, @objectType, @zaakobjecttype, CAST(@gegevens AS jsonb))
            """, new
        {
            uuid,
            zaakId,
            @object = r.Object ?? "",
            objectType = r.ObjectType,
            zaakobjecttype = r.Zaakobjecttype ?? "",
            gegevens = ZaakobjectRow.ToGegevens(r, r.NormalizedIdentificatie()),
        }, tx);
        return uuid;
    }

    /// <summary>Updates the changeable attributes; an update without <c>objectIdentificatie</c> keeps the stored one.</summary>
    public static Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakobjectRow current, ZaakobjectRequest r) =>
        c.ExecuteAsync("UPDATE zaakobject SET gegevens = CAST(@gegevens AS jsonb) WHERE id = @id", new
        {
            id = current.Id,
            gegevens = ZaakobjectRow.ToGegevens(r, r.NormalizedIdentificatie() ?? current.StoredIdentificatie),
        }, tx);

    public static Task<int> DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.ExecuteAsync("DELETE FROM zaakobject WHERE id = @id", new { id }, tx);
}
