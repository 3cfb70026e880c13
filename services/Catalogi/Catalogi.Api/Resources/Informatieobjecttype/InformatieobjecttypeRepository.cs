using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;
using static Catalogi.Api.Resources.Common.TypeReads;

namespace Catalogi.Api.Resources.Informatieobjecttype;

/// <summary>SQL of the informatieobjecttype resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class InformatieobjecttypeRepository(CatalogiUrls urls) : ITypeSource, IHoofdtype<InformatieobjecttypeRequest>
{
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("catalogus", FilterKind.Url, CatalogiUrls.UrlSql(CatalogiKind.Catalogus, "c"))
        .Add("omschrijving", FilterKind.Text, "t.omschrijving")
        .Allow("status", "datumGeldigheid", "expand")
        .Allow(PageRequest.Parameters);

    public static readonly ListShape Shape = new() { ConceptColumn = "t.concept", GeldigheidAlias = "t" };

    public CatalogiKind Kind => CatalogiKind.Informatieobjecttype;

    public string From => "informatieobjecttype t JOIN catalogus c ON c.id = t.catalogus_id";

    /// <summary>The zaaktypen (through their zaaktype-informatieobjecttypen) and besluittypen naming it, valid on <c>@datum</c> (T9).</summary>
    public string Columns => $"""
        t.id, t.uuid, c.uuid AS catalogus_uuid, t.concept, t.gegevens::text AS gegevens,
        ARRAY(SELECT z.uuid FROM zaaktype z
              WHERE z.catalogus_id = t.catalogus_id AND NOT z.concept AND {Geldig("z")}
                AND EXISTS (SELECT 1 FROM zaaktype_informatieobjecttype zi WHERE zi.zaaktype_id = z.id AND zi.informatieobjecttype = t.omschrijving)
              ORDER BY z.identificatie, z.id) AS zaaktypen,
        ARRAY(SELECT DISTINCT z.identificatie FROM zaaktype z JOIN zaaktype_informatieobjecttype zi ON zi.zaaktype_id = z.id
              WHERE z.catalogus_id = t.catalogus_id AND zi.informatieobjecttype = t.omschrijving ORDER BY 1) AS zaaktype_identificaties,
        ARRAY(SELECT b.uuid FROM besluittype b
              WHERE b.catalogus_id = t.catalogus_id AND NOT b.concept AND {Geldig("b")} AND t.omschrijving = ANY(b.informatieobjecttypen)
              ORDER BY b.omschrijving, b.id) AS besluittypen,
        ARRAY(SELECT DISTINCT b.omschrijving FROM besluittype b
              WHERE b.catalogus_id = t.catalogus_id AND t.omschrijving = ANY(b.informatieobjecttypen) ORDER BY 1) AS besluittype_omschrijvingen
        """;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
        ["zaaktypen"] = new(CatalogiKind.Zaaktype, true),
        ["besluittypen"] = new(CatalogiKind.Besluittype, true),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<InformatieobjecttypeRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public CatalogiKanaal Kanaal => CatalogiKanaal.Informatieobjecttypen;
    public string KeyColumn => "omschrijving";
    public string? Key(InformatieobjecttypeRequest r) => r.Omschrijving;
    public string? Catalogus(InformatieobjecttypeRequest r) => r.Catalogus;
    public DateOnly? BeginGeldigheid(InformatieobjecttypeRequest r) => r.BeginGeldigheid;
    public DateOnly? EindeGeldigheid(InformatieobjecttypeRequest r) => r.EindeGeldigheid;
    public InformatieobjecttypeRequest WithCatalogus(InformatieobjecttypeRequest r, string? catalogus) => r with { Catalogus = catalogus };

    public Task PrecheckAsync(InformatieobjecttypeRequest body, InformatieobjecttypeRequest? current, Validator v, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, InformatieobjecttypeRequest body, InformatieobjecttypeRequest? current,
        long catalogusId, Validator v) => Task.CompletedTask;

    /// <summary>An informatieobjecttype relates to nothing it needs published first.</summary>
    public Task PublishChecksAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, Validator v) => Task.CompletedTask;

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, InformatieobjecttypeRequest r, long catalogusId)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO informatieobjecttype (uuid, catalogus_id, omschrijving, begin_geldigheid, einde_geldigheid, gegevens)
            VALUES (@uuid, @catalogusId, @omschrijving, @begin, @einde, CAST(@gegevens AS jsonb))
            """, Parameters(catalogusId, r, uuid: uuid), tx);
        return uuid;
    }

    public Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, InformatieobjecttypeRequest r, long catalogusId) =>
        c.ExecuteAsync("""
            UPDATE informatieobjecttype
            SET catalogus_id = @catalogusId, omschrijving = @omschrijving, begin_geldigheid = @begin, einde_geldigheid = @einde,
                gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, Parameters(catalogusId, r, id: id), tx);

    private static object Parameters(long catalogusId, InformatieobjecttypeRequest r, Guid? uuid = null, long id = 0) => new
    {
        uuid,
        id,
        catalogusId,
        omschrijving = r.Omschrijving,
        begin = r.BeginGeldigheid,
        einde = r.EindeGeldigheid,
        gegevens = CatalogiValidation.ToGegevens(r with { Catalogus = null }),
    };
}
