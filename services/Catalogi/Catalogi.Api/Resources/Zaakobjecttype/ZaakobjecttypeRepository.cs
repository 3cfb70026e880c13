using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;

namespace Catalogi.Api.Resources.Zaakobjecttype;

/// <summary>SQL of the zaakobjecttype resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class ZaakobjecttypeRepository(CatalogiUrls urls) : ITypeSource, IOnderdeel<ZaakobjecttypeRequest>
{
    public static readonly FilterSet ListFilters = Onderdeel.Filters()
        .Add("anderObjecttype", FilterKind.Bool, "t.ander_objecttype")
        .Add("catalogus", FilterKind.Url, CatalogiUrls.UrlSql(CatalogiKind.Catalogus, "c"))
        .Add("datumBeginGeldigheid", FilterKind.Date, "z.begin_geldigheid")
        .Add("datumEindeGeldigheid", FilterKind.Date, "z.einde_geldigheid")
        .Add("objecttype", FilterKind.Url, "t.objecttype")
        .Add("relatieOmschrijving", FilterKind.Text, "t.relatie_omschrijving")
        .Allow("datumGeldigheid");

    /// <summary>No <c>status</c> filter in the OAS: every zaakobjecttype is listed.</summary>
    public static readonly ListShape Shape = new() { GeldigheidAlias = "z" };

    public CatalogiKind Kind => CatalogiKind.Zaakobjecttype;

    public string From => Onderdeel.From(Kind);

    public string Columns => Onderdeel.Columns;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["zaaktype"] = new(CatalogiKind.Zaaktype, false),
        ["resultaattypen"] = new(CatalogiKind.Resultaattype, true),
        ["statustypen"] = new(CatalogiKind.Statustype, true),
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<ZaakobjecttypeRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public string? Zaaktype(ZaakobjecttypeRequest r) => r.Zaaktype;
    public DateOnly? BeginGeldigheid(ZaakobjecttypeRequest r) => r.BeginGeldigheid;
    public DateOnly? EindeGeldigheid(ZaakobjecttypeRequest r) => r.EindeGeldigheid;

    public async Task<ZaakobjecttypeRequest?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        (await Onderdeel.GetAsync<ZaakobjecttypeRow>(c, tx, Kind, uuid))?.ToRequest(urls);

    /// <summary>T12: the catalogus is the zaaktype's.</summary>
    public Task<ZaakobjecttypeRequest> CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakobjecttypeRequest r, ZaaktypeRef zaaktype, long? self,
        Validator v, CancellationToken cancellationToken)
    {
        CatalogiRules.CatalogusVanZaaktype(r.Catalogus, zaaktype, urls, v);
        return Task.FromResult(r);
    }

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakobjecttypeRequest r, ZaaktypeRef zaaktype)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO zaakobjecttype (uuid, zaaktype_id, ander_objecttype, objecttype, relatie_omschrijving, gegevens)
            VALUES (@uuid, @zaaktypeId, @anderObjecttype, @objecttype, @relatieOmschrijving, CAST(@gegevens AS jsonb))
            """, Parameters(r, zaaktype, uuid: uuid), tx);
        return uuid;
    }

    public Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, ZaakobjecttypeRequest r, ZaaktypeRef zaaktype) =>
        c.ExecuteAsync("""
            UPDATE zaakobjecttype
            SET zaaktype_id = @zaaktypeId, ander_objecttype = @anderObjecttype, objecttype = @objecttype,
                relatie_omschrijving = @relatieOmschrijving, gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, Parameters(r, zaaktype, id: id), tx);

    private static object Parameters(ZaakobjecttypeRequest r, ZaaktypeRef zaaktype, Guid? uuid = null, long id = 0) => new
    {
        uuid,
        id,
        zaaktypeId = zaaktype.Id,
        anderObjecttype = r.AnderObjecttype,
        objecttype = r.Objecttype,
        relatieOmschrijving = r.RelatieOmschrijving,
        gegevens = CatalogiValidation.ToGegevens(r with { Zaaktype = null, Catalogus = null, BeginGeldigheid = null, EindeGeldigheid = null }),
    };
}
