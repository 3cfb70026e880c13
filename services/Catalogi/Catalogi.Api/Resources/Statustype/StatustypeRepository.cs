using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;

namespace Catalogi.Api.Resources.Statustype;

/// <summary>SQL of the statustype resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class StatustypeRepository(CatalogiUrls urls) : ITypeSource, IOnderdeel<StatustypeRequest>
{
    public static readonly FilterSet ListFilters = Onderdeel.Filters().Allow("status", "datumGeldigheid");

    public CatalogiKind Kind => CatalogiKind.Statustype;

    public string From => Onderdeel.From(Kind);

    public string Columns => $"""
        {Onderdeel.Columns}, t.volgnummer,
        t.volgnummer = (SELECT max(s.volgnummer) FROM statustype s WHERE s.zaaktype_id = t.zaaktype_id) AS is_eindstatus,
        ARRAY(SELECT e.uuid FROM eigenschap e WHERE e.statustype_id = t.id ORDER BY e.id) AS eigenschappen
        """;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
        ["zaaktype"] = new(CatalogiKind.Zaaktype, false),
        ["eigenschappen"] = new(CatalogiKind.Eigenschap, true),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<StatustypeRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public string? Zaaktype(StatustypeRequest r) => r.Zaaktype;
    public DateOnly? BeginGeldigheid(StatustypeRequest r) => r.BeginGeldigheid;
    public DateOnly? EindeGeldigheid(StatustypeRequest r) => r.EindeGeldigheid;

    public async Task<StatustypeRequest?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        (await Onderdeel.GetAsync<StatustypeRow>(c, tx, Kind, uuid, Columns))?.ToRequest(urls);

    /// <summary>The eigenschappen it names are eigenschappen of the same zaaktype.</summary>
    public async Task<StatustypeRequest> CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, StatustypeRequest r, ZaaktypeRef zaaktype, long? self,
        Validator v, CancellationToken cancellationToken)
    {
        for (var i = 0; i < (r.Eigenschappen?.Count ?? 0); i++)
            await References.PartAsync(c, tx, urls, CatalogiKind.Eigenschap, r.Eigenschappen![i], zaaktype.Id, v, $"eigenschappen.{i}");
        return r;
    }

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, StatustypeRequest r, ZaaktypeRef zaaktype)
    {
        var uuid = Guid.CreateVersion7();
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO statustype (uuid, zaaktype_id, volgnummer, gegevens) VALUES (@uuid, @zaaktypeId, @volgnummer, CAST(@gegevens AS jsonb))
            RETURNING id
            """, new { uuid, zaaktypeId = zaaktype.Id, volgnummer = r.Volgnummer, gegevens = Gegevens(r) }, tx);
        await LinkEigenschappenAsync(c, tx, id, r);
        return uuid;
    }

    public async Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, StatustypeRequest r, ZaaktypeRef zaaktype)
    {
        await c.ExecuteAsync("""
            UPDATE statustype SET zaaktype_id = @zaaktypeId, volgnummer = @volgnummer, gegevens = CAST(@gegevens AS jsonb) WHERE id = @id
            """, new { id, zaaktypeId = zaaktype.Id, volgnummer = r.Volgnummer, gegevens = Gegevens(r) }, tx);
        await LinkEigenschappenAsync(c, tx, id, r);
    }

    /// <summary><c>eigenschappen</c> is the other side of <c>eigenschap.statustype</c>: sent, it replaces the set; absent, it stays.</summary>
    private async Task LinkEigenschappenAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, StatustypeRequest r)
    {
        if (r.Eigenschappen is null)
            return;
        var uuids = r.Eigenschappen.Select(e => urls.TryGetUuid(e, CatalogiKind.Eigenschap, out var u) ? u : Guid.Empty).ToArray();
        await c.ExecuteAsync("""
            UPDATE eigenschap SET statustype_id = NULL WHERE statustype_id = @id AND NOT (uuid = ANY(@uuids));
            UPDATE eigenschap SET statustype_id = @id WHERE uuid = ANY(@uuids);
            """, new { id, uuids }, tx);
    }

    private static string Gegevens(StatustypeRequest r) =>
        CatalogiValidation.ToGegevens(r with { Zaaktype = null, Eigenschappen = null, BeginGeldigheid = null, EindeGeldigheid = null });
}
