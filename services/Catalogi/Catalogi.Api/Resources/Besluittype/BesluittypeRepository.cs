using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;
using static Catalogi.Api.Resources.Common.TypeReads;

namespace Catalogi.Api.Resources.Besluittype;

/// <summary>SQL of the besluittype resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class BesluittypeRepository(CatalogiUrls urls) : ITypeSource, IHoofdtype<BesluittypeRequest>
{
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("catalogus", FilterKind.Url, CatalogiUrls.UrlSql(CatalogiKind.Catalogus, "c"))
        .Add("zaaktypen", FilterKind.Url,
            "EXISTS (SELECT 1 FROM zaaktype z WHERE z.catalogus_id = t.catalogus_id AND t.omschrijving = ANY(z.besluittypen) AND {column})",
            column: CatalogiUrls.UrlSql(CatalogiKind.Zaaktype, "z"))
        .Add("informatieobjecttypen", FilterKind.Url,
            "EXISTS (SELECT 1 FROM informatieobjecttype i WHERE i.catalogus_id = t.catalogus_id AND i.omschrijving = ANY(t.informatieobjecttypen) AND {column})",
            column: CatalogiUrls.UrlSql(CatalogiKind.Informatieobjecttype, "i"))
        .Add("omschrijving", FilterKind.Text, "t.omschrijving")
        .Allow("status", "datumGeldigheid", "expand")
        .Allow(PageRequest.Parameters);

    public static readonly ListShape Shape = new() { ConceptColumn = "t.concept", GeldigheidAlias = "t" };

    public CatalogiKind Kind => CatalogiKind.Besluittype;

    public string From => "besluittype t JOIN catalogus c ON c.id = t.catalogus_id";

    /// <summary>The zaaktypen naming it, its informatieobjecttypen and the resultaattypen naming it, as valid on <c>@datum</c> (T9).</summary>
    public string Columns => $"""
        t.id, t.uuid, c.uuid AS catalogus_uuid, t.concept, t.gegevens::text AS gegevens,
        ARRAY(SELECT z.uuid FROM zaaktype z
              WHERE z.catalogus_id = t.catalogus_id AND NOT z.concept AND {Geldig("z")} AND t.omschrijving = ANY(z.besluittypen)
              ORDER BY z.identificatie, z.id) AS zaaktypen,
        ARRAY(SELECT DISTINCT z.identificatie FROM zaaktype z
              WHERE z.catalogus_id = t.catalogus_id AND t.omschrijving = ANY(z.besluittypen) ORDER BY 1) AS zaaktype_identificaties,
        ARRAY(SELECT i.uuid FROM informatieobjecttype i
              WHERE i.catalogus_id = t.catalogus_id AND NOT i.concept AND {Geldig("i")} AND i.omschrijving = ANY(t.informatieobjecttypen)
              ORDER BY i.omschrijving, i.id) AS informatieobjecttypen,
        ARRAY(SELECT r.uuid FROM resultaattype r JOIN zaaktype z ON z.id = r.zaaktype_id
              WHERE z.catalogus_id = t.catalogus_id AND NOT z.concept AND {Geldig("z")} AND t.omschrijving = ANY(r.besluittypen)
              ORDER BY r.id) AS resultaattypen,
        ARRAY(SELECT DISTINCT r.omschrijving FROM resultaattype r JOIN zaaktype z ON z.id = r.zaaktype_id
              WHERE z.catalogus_id = t.catalogus_id AND t.omschrijving = ANY(r.besluittypen) ORDER BY 1) AS resultaattype_omschrijvingen
        """;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
        ["zaaktypen"] = new(CatalogiKind.Zaaktype, true),
        ["informatieobjecttypen"] = new(CatalogiKind.Informatieobjecttype, true),
        ["resultaattypen"] = new(CatalogiKind.Resultaattype, true),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<BesluittypeRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public CatalogiKanaal Kanaal => CatalogiKanaal.Besluittypen;
    public string KeyColumn => "omschrijving";
    public string? Key(BesluittypeRequest r) => string.IsNullOrEmpty(r.Omschrijving) ? null : r.Omschrijving;
    public string? Catalogus(BesluittypeRequest r) => r.Catalogus;
    public DateOnly? BeginGeldigheid(BesluittypeRequest r) => r.BeginGeldigheid;
    public DateOnly? EindeGeldigheid(BesluittypeRequest r) => r.EindeGeldigheid;
    public BesluittypeRequest WithCatalogus(BesluittypeRequest r, string? catalogus) => r with { Catalogus = catalogus };

    public Task PrecheckAsync(BesluittypeRequest body, BesluittypeRequest? current, Validator v, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>T8/T12: the informatieobjecttypen (by omschrijving) exist in the catalogus.</summary>
    public Task CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, BesluittypeRequest body, BesluittypeRequest? current, long catalogusId,
        Validator v) =>
        current is not null && current.Catalogus == body.Catalogus && (current.Informatieobjecttypen ?? []).SequenceEqual(body.Informatieobjecttypen ?? [])
            ? Task.CompletedTask
            : References.NamesAsync(c, tx, CatalogiKind.Informatieobjecttype, "omschrijving", catalogusId, body.Informatieobjecttypen,
                "informatieobjecttypen", v);

    public Task PublishChecksAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, Validator v) =>
        BesluittypeRules.InformatieobjecttypenGepubliceerdAsync(c, tx, id, v);

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, BesluittypeRequest r, long catalogusId)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO besluittype (uuid, catalogus_id, omschrijving, begin_geldigheid, einde_geldigheid, informatieobjecttypen, gegevens)
            VALUES (@uuid, @catalogusId, @omschrijving, @begin, @einde, @informatieobjecttypen, CAST(@gegevens AS jsonb))
            """, Parameters(catalogusId, r, uuid: uuid), tx);
        return uuid;
    }

    public Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, BesluittypeRequest r, long catalogusId) =>
        c.ExecuteAsync("""
            UPDATE besluittype
            SET catalogus_id = @catalogusId, omschrijving = @omschrijving, begin_geldigheid = @begin, einde_geldigheid = @einde,
                informatieobjecttypen = @informatieobjecttypen, gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, Parameters(catalogusId, r, id: id), tx);

    private static object Parameters(long catalogusId, BesluittypeRequest r, Guid? uuid = null, long id = 0) => new
    {
        uuid,
        id,
        catalogusId,
        omschrijving = r.Omschrijving ?? "",
        begin = r.BeginGeldigheid,
        einde = r.EindeGeldigheid,
        informatieobjecttypen = (r.Informatieobjecttypen ?? []).Select(i => i!).ToArray(),
        gegevens = CatalogiValidation.ToGegevens(r with { Catalogus = null }),
    };
}
