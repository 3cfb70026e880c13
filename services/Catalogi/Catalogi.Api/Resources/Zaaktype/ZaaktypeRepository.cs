using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;
using static Catalogi.Api.Resources.Common.TypeReads;

namespace Catalogi.Api.Resources.Zaaktype;

/// <summary>SQL of the zaaktype resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class ZaaktypeRepository(CatalogiUrls urls, Selectielijst selectielijst) : ITypeSource, IHoofdtype<ZaaktypeRequest>
{
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("catalogus", FilterKind.Url, CatalogiUrls.UrlSql(CatalogiKind.Catalogus, "c"))
        .Add("identificatie", FilterKind.Text, "t.identificatie")
        .Allow("trefwoorden", "status", "datumGeldigheid", "expand")
        .Allow(PageRequest.Parameters);

    /// <summary><c>trefwoorden</c> (comma separated): zaaktypen that have all of them, as Open Zaak's <c>contains</c>.</summary>
    public static readonly ListShape Shape = new()
    {
        ConceptColumn = "t.concept",
        GeldigheidAlias = "t",
        Extra = (query, where) =>
        {
            if (query.TryGetValue("trefwoorden", out var values))
                where.Add(p => $"t.trefwoorden @> {p}",
                    values.SelectMany(x => (x ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray());
        },
    };

    public CatalogiKind Kind => CatalogiKind.Zaaktype;

    public string From => "zaaktype t JOIN catalogus c ON c.id = t.catalogus_id";

    /// <summary>
    /// The parts of this version, and the besluittypen, informatieobjecttypen (through its zaaktype-informatieobjecttypen),
    /// deelzaaktypen and gerelateerde zaaktypen as the published versions in the catalogus valid on <c>@datum</c> (T9).
    /// </summary>
    public string Columns => $"""
        t.id, t.uuid, t.catalogus_id, c.uuid AS catalogus_uuid, t.concept, t.gegevens::text AS gegevens,
        ARRAY(SELECT s.uuid FROM statustype s WHERE s.zaaktype_id = t.id ORDER BY s.volgnummer) AS statustypen,
        ARRAY(SELECT r.uuid FROM resultaattype r WHERE r.zaaktype_id = t.id ORDER BY r.id) AS resultaattypen,
        ARRAY(SELECT r.omschrijving FROM resultaattype r WHERE r.zaaktype_id = t.id ORDER BY r.id) AS resultaattype_omschrijvingen,
        ARRAY(SELECT e.uuid FROM eigenschap e WHERE e.zaaktype_id = t.id ORDER BY e.id) AS eigenschappen,
        ARRAY(SELECT r.uuid FROM roltype r WHERE r.zaaktype_id = t.id ORDER BY r.id) AS roltypen,
        ARRAY(SELECT o.uuid FROM zaakobjecttype o WHERE o.zaaktype_id = t.id ORDER BY o.id) AS zaakobjecttypen,
        ARRAY(SELECT DISTINCT zi.informatieobjecttype FROM zaaktype_informatieobjecttype zi WHERE zi.zaaktype_id = t.id ORDER BY 1)
            AS informatieobjecttype_omschrijvingen,
        ARRAY(SELECT i.uuid FROM informatieobjecttype i
              WHERE i.catalogus_id = t.catalogus_id AND NOT i.concept AND {Geldig("i")}
                AND i.omschrijving IN (SELECT zi.informatieobjecttype FROM zaaktype_informatieobjecttype zi WHERE zi.zaaktype_id = t.id)
              ORDER BY i.omschrijving, i.id) AS informatieobjecttypen,
        ARRAY(SELECT b.uuid FROM besluittype b
              WHERE b.catalogus_id = t.catalogus_id AND NOT b.concept AND {Geldig("b")} AND b.omschrijving = ANY(t.besluittypen)
              ORDER BY b.omschrijving, b.id) AS besluittypen_uuids,
        ARRAY(SELECT d.uuid FROM zaaktype d
              WHERE d.catalogus_id = t.catalogus_id AND NOT d.concept AND {Geldig("d")} AND d.identificatie = ANY(t.deelzaaktypen)
              ORDER BY d.identificatie, d.id) AS deelzaaktypen_uuids,
        (SELECT coalesce(jsonb_object_agg(g.identificatie, g.uuid), jsonb_build_object()) FROM zaaktype g
         WHERE g.catalogus_id = t.catalogus_id AND NOT g.concept AND {Geldig("g")} AND g.identificatie = ANY(t.gerelateerde_zaaktypen))::text
            AS gerelateerde
        """;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["zaakobjecttypen"] = new(CatalogiKind.Zaakobjecttype, true),
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
        ["statustypen"] = new(CatalogiKind.Statustype, true),
        ["resultaattypen"] = new(CatalogiKind.Resultaattype, true),
        ["eigenschappen"] = new(CatalogiKind.Eigenschap, true),
        ["informatieobjecttypen"] = new(CatalogiKind.Informatieobjecttype, true),
        ["roltypen"] = new(CatalogiKind.Roltype, true),
        ["besluittypen"] = new(CatalogiKind.Besluittype, true),
        ["deelzaaktypen"] = new(CatalogiKind.Zaaktype, true),
        ["gerelateerdeZaaktypen"] = new(CatalogiKind.Zaaktype, true),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<ZaaktypeRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public CatalogiKanaal Kanaal => CatalogiKanaal.Zaaktypen;
    public string KeyColumn => "identificatie";
    public string? Key(ZaaktypeRequest r) => r.Identificatie;
    public string? Catalogus(ZaaktypeRequest r) => r.Catalogus;
    public DateOnly? BeginGeldigheid(ZaaktypeRequest r) => r.BeginGeldigheid;
    public DateOnly? EindeGeldigheid(ZaaktypeRequest r) => r.EindeGeldigheid;
    public ZaaktypeRequest WithCatalogus(ZaaktypeRequest r, string? catalogus) => r with { Catalogus = catalogus };

    /// <summary>ztc-001: <c>selectielijstProcestype</c> is a Selectielijst procestype (fetched only when it changes).</summary>
    public async Task PrecheckAsync(ZaaktypeRequest body, ZaaktypeRequest? current, Validator v, CancellationToken cancellationToken)
    {
        if (current is null || body.SelectielijstProcestype != current.SelectielijstProcestype)
            await selectielijst.ProcestypeAsync("selectielijstProcestype", body.SelectielijstProcestype, v, cancellationToken);
    }

    public Task CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaaktypeRequest body, ZaaktypeRequest? current, long catalogusId, Validator v) =>
        current is not null && current.Catalogus == body.Catalogus && (current.Besluittypen ?? []).SequenceEqual(body.Besluittypen ?? []) &&
        (current.Deelzaaktypen ?? []).SequenceEqual(body.Deelzaaktypen ?? [])
            ? Task.CompletedTask
            : ZaaktypeRules.RelatiesInCatalogusAsync(c, tx, body, catalogusId, v);

    public async Task PublishChecksAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, Validator v)
    {
        await ZaaktypeRules.Ztc012_GerelateerdeTypenGepubliceerdAsync(c, tx, id, v);
        await ZaaktypeRules.Ztc012_MinimaleOnderdelenAsync(c, tx, id, v);
    }

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaaktypeRequest r, long catalogusId)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO zaaktype (uuid, catalogus_id, identificatie, begin_geldigheid, einde_geldigheid, trefwoorden, besluittypen,
                                  deelzaaktypen, gerelateerde_zaaktypen, gegevens)
            VALUES (@uuid, @catalogusId, @identificatie, @begin, @einde, @trefwoorden, @besluittypen, @deelzaaktypen, @gerelateerde,
                    CAST(@gegevens AS jsonb))
            """, Parameters(uuid, catalogusId, r), tx);
        return uuid;
    }

    public Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, ZaaktypeRequest r, long catalogusId) =>
        c.ExecuteAsync("""
            UPDATE zaaktype
            SET catalogus_id = @catalogusId, identificatie = @identificatie, begin_geldigheid = @begin, einde_geldigheid = @einde,
                trefwoorden = @trefwoorden, besluittypen = @besluittypen, deelzaaktypen = @deelzaaktypen,
                gerelateerde_zaaktypen = @gerelateerde, gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, Parameters(null, catalogusId, r, id), tx);

    private static object Parameters(Guid? uuid, long catalogusId, ZaaktypeRequest r, long id = 0) => new
    {
        uuid,
        id,
        catalogusId,
        identificatie = r.Identificatie,
        begin = r.BeginGeldigheid,
        einde = r.EindeGeldigheid,
        trefwoorden = Texts(r.Trefwoorden),
        besluittypen = Texts(r.Besluittypen),
        deelzaaktypen = Texts(r.Deelzaaktypen),
        gerelateerde = (r.GerelateerdeZaaktypen ?? []).Select(g => g!.Zaaktype!).Distinct().ToArray(),
        gegevens = CatalogiValidation.ToGegevens(r with { Catalogus = null }),
    };

    private static string[] Texts(List<string?>? values) => (values ?? []).Select(v => v!).ToArray();
}
