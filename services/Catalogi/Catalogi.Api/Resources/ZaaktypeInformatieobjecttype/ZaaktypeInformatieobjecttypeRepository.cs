using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;
using static Catalogi.Api.Resources.Common.TypeReads;

namespace Catalogi.Api.Resources.ZaaktypeInformatieobjecttype;

/// <summary>SQL of the zaaktype-informatieobjecttype resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class ZaaktypeInformatieobjecttypeRepository(CatalogiUrls urls) : ITypeSource, IOnderdeel<ZaaktypeInformatieobjecttypeRequest>
{
    /// <summary><c>informatieobjecttype</c> matches the omschrijving, or the URL of a version with that omschrijving.</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("zaaktype", FilterKind.Url, CatalogiUrls.UrlSql(CatalogiKind.Zaaktype, "z"))
        .Add("informatieobjecttype", FilterKind.Text, """
            EXISTS (SELECT 1 FROM (SELECT t.informatieobjecttype AS naam
                                   UNION ALL
                                   SELECT @root || '/informatieobjecttypen/' || i.uuid::text FROM informatieobjecttype i
                                   WHERE i.catalogus_id = z.catalogus_id AND i.omschrijving = t.informatieobjecttype) AS x
                    WHERE {column})
            """, column: "x.naam")
        .Add("richting", FilterKind.Choice, "t.richting", choices: ZaaktypeInformatieobjecttypeRequest.Richtingen)
        .Allow("status", "expand")
        .Allow(PageRequest.Parameters);

    public static readonly ListShape Shape = new() { ConceptColumn = "z.concept" };

    public CatalogiKind Kind => CatalogiKind.ZaaktypeInformatieobjecttype;

    public string From => Onderdeel.From(Kind);

    public string Columns => $"""
        {Onderdeel.Columns},
        (SELECT s.uuid FROM statustype s WHERE s.id = t.statustype_id) AS statustype_uuid,
        (SELECT i.uuid FROM informatieobjecttype i
         WHERE i.catalogus_id = z.catalogus_id AND NOT i.concept AND {Geldig("i")} AND i.omschrijving = t.informatieobjecttype
         ORDER BY i.begin_geldigheid DESC LIMIT 1) AS informatieobjecttype_uuid
        """;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["zaaktype"] = new(CatalogiKind.Zaaktype, false),
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
        ["informatieobjecttype"] = new(CatalogiKind.Informatieobjecttype, false),
        ["statustype"] = new(CatalogiKind.Statustype, false),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<ZaaktypeInformatieobjecttypeRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public string? Zaaktype(ZaaktypeInformatieobjecttypeRequest r) => r.Zaaktype;
    public DateOnly? BeginGeldigheid(ZaaktypeInformatieobjecttypeRequest r) => null;
    public DateOnly? EindeGeldigheid(ZaaktypeInformatieobjecttypeRequest r) => null;

    public async Task<ZaaktypeInformatieobjecttypeRequest?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        (await Onderdeel.GetAsync<ZaaktypeInformatieobjecttypeRow>(c, tx, Kind, uuid,
            $"{Onderdeel.Columns}, (SELECT s.uuid FROM statustype s WHERE s.id = t.statustype_id) AS statustype_uuid"))?.ToRequest(urls);

    /// <summary>T12 (OAS): the informatieobjecttype is one of the zaaktype's catalogus; the statustype one of the same zaaktype.</summary>
    public async Task<ZaaktypeInformatieobjecttypeRequest> CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaaktypeInformatieobjecttypeRequest r,
        ZaaktypeRef zaaktype, long? self, Validator v, CancellationToken cancellationToken)
    {
        await References.NamesAsync(c, tx, CatalogiKind.Informatieobjecttype, "omschrijving", zaaktype.CatalogusId, [r.Informatieobjecttype],
            "informatieobjecttype", v, indexed: false);
        await References.PartAsync(c, tx, urls, CatalogiKind.Statustype, r.Statustype, zaaktype.Id, v, "statustype");
        return r;
    }

    /// <summary>ztc-010 protects a zaaktype-informatieobjecttype only when both its zaaktype and its informatieobjecttype are published.</summary>
    public async Task<bool> BeschermdAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaaktypeInformatieobjecttypeRequest r, ZaaktypeRef zaaktype) =>
        !zaaktype.Concept && await c.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM informatieobjecttype WHERE catalogus_id = @catalogusId AND omschrijving = @naam AND NOT concept)
            """, new { catalogusId = zaaktype.CatalogusId, naam = r.Informatieobjecttype }, tx);

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaaktypeInformatieobjecttypeRequest r, ZaaktypeRef zaaktype)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO zaaktype_informatieobjecttype (uuid, zaaktype_id, informatieobjecttype, volgnummer, richting, statustype_id, gegevens)
            VALUES (@uuid, @zaaktypeId, @informatieobjecttype, @volgnummer, @richting, (SELECT id FROM statustype WHERE uuid = @statustype),
                    CAST(@gegevens AS jsonb))
            """, Parameters(r, zaaktype, uuid: uuid), tx);
        return uuid;
    }

    public Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, ZaaktypeInformatieobjecttypeRequest r, ZaaktypeRef zaaktype) =>
        c.ExecuteAsync("""
            UPDATE zaaktype_informatieobjecttype
            SET zaaktype_id = @zaaktypeId, informatieobjecttype = @informatieobjecttype, volgnummer = @volgnummer, richting = @richting,
                statustype_id = (SELECT id FROM statustype WHERE uuid = @statustype), gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, Parameters(r, zaaktype, id: id), tx);

    private object Parameters(ZaaktypeInformatieobjecttypeRequest r, ZaaktypeRef zaaktype, Guid? uuid = null, long id = 0) => new
    {
        uuid,
        id,
        zaaktypeId = zaaktype.Id,
        informatieobjecttype = r.Informatieobjecttype,
        volgnummer = r.Volgnummer,
        richting = r.Richting,
        statustype = urls.TryGetUuid(r.Statustype, CatalogiKind.Statustype, out var s) ? s : (Guid?)null,
        gegevens = CatalogiValidation.ToGegevens(r with { Zaaktype = null, Statustype = null }),
    };
}
