using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;

namespace Catalogi.Api.Resources.Eigenschap;

/// <summary>SQL of the eigenschap resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class EigenschapRepository(CatalogiUrls urls) : ITypeSource, IOnderdeel<EigenschapRequest>
{
    public static readonly FilterSet ListFilters = Onderdeel.Filters().Allow("status", "datumGeldigheid");

    public CatalogiKind Kind => CatalogiKind.Eigenschap;

    public string From => Onderdeel.From(Kind);

    public string Columns => $"{Onderdeel.Columns}, (SELECT s.uuid FROM statustype s WHERE s.id = t.statustype_id) AS statustype_uuid";

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
        ["zaaktype"] = new(CatalogiKind.Zaaktype, false),
        ["statustype"] = new(CatalogiKind.Statustype, false),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<EigenschapRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public string? Zaaktype(EigenschapRequest r) => r.Zaaktype;
    public DateOnly? BeginGeldigheid(EigenschapRequest r) => r.BeginGeldigheid;
    public DateOnly? EindeGeldigheid(EigenschapRequest r) => r.EindeGeldigheid;

    public async Task<EigenschapRequest?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        (await Onderdeel.GetAsync<EigenschapRow>(c, tx, Kind, uuid, Columns))?.ToRequest(urls);

    /// <summary>The statustype is one of the same zaaktype.</summary>
    public async Task<EigenschapRequest> CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, EigenschapRequest r, ZaaktypeRef zaaktype, long? self,
        Validator v, CancellationToken cancellationToken)
    {
        await References.PartAsync(c, tx, urls, CatalogiKind.Statustype, r.Statustype, zaaktype.Id, v, "statustype");
        return r;
    }

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, EigenschapRequest r, ZaaktypeRef zaaktype)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO eigenschap (uuid, zaaktype_id, statustype_id, naam, gegevens)
            VALUES (@uuid, @zaaktypeId, (SELECT id FROM statustype WHERE uuid = @statustype), @naam, CAST(@gegevens AS jsonb))
            """, Parameters(r, zaaktype, uuid: uuid), tx);
        return uuid;
    }

    public Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, EigenschapRequest r, ZaaktypeRef zaaktype) =>
        c.ExecuteAsync("""
            UPDATE eigenschap
            SET zaaktype_id = @zaaktypeId, statustype_id = (SELECT id FROM statustype WHERE uuid = @statustype), naam = @naam,
                gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, Parameters(r, zaaktype, id: id), tx);

    private object Parameters(EigenschapRequest r, ZaaktypeRef zaaktype, Guid? uuid = null, long id = 0) => new
    {
        uuid,
        id,
        zaaktypeId = zaaktype.Id,
        statustype = urls.TryGetUuid(r.Statustype, CatalogiKind.Statustype, out var s) ? s : (Guid?)null,
        naam = r.Naam,
        gegevens = CatalogiValidation.ToGegevens(r with { Zaaktype = null, Statustype = null, BeginGeldigheid = null, EindeGeldigheid = null }),
    };
}
