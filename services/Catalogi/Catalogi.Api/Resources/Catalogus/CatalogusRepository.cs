using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Query;

namespace Catalogi.Api.Resources.Catalogus;

/// <summary>SQL of the catalogus resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class CatalogusRepository(CatalogiUrls urls) : ITypeSource
{
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("domein", FilterKind.Text, "t.domein", FilterOps.Exact | FilterOps.In)
        .Add("rsin", FilterKind.Text, "t.rsin", FilterOps.Exact | FilterOps.In)
        .Allow("expand")
        .Allow(PageRequest.Parameters);

    public static readonly ListShape Shape = new();

    public CatalogiKind Kind => CatalogiKind.Catalogus;

    public string From => "catalogus t";

    public string Columns => """
        t.id, t.uuid, t.gegevens::text AS gegevens,
        ARRAY(SELECT z.uuid FROM zaaktype z WHERE z.catalogus_id = t.id ORDER BY z.id) AS zaaktypen,
        ARRAY(SELECT b.uuid FROM besluittype b WHERE b.catalogus_id = t.id ORDER BY b.id) AS besluittypen,
        ARRAY(SELECT DISTINCT b.omschrijving FROM besluittype b WHERE b.catalogus_id = t.id ORDER BY 1) AS besluittype_omschrijvingen,
        ARRAY(SELECT i.uuid FROM informatieobjecttype i WHERE i.catalogus_id = t.id ORDER BY i.id) AS informatieobjecttypen,
        ARRAY(SELECT DISTINCT i.omschrijving FROM informatieobjecttype i WHERE i.catalogus_id = t.id ORDER BY 1) AS informatieobjecttype_omschrijvingen
        """;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["zaaktypen"] = new(CatalogiKind.Zaaktype, true),
        ["besluittypen"] = new(CatalogiKind.Besluittype, true),
        ["informatieobjecttypen"] = new(CatalogiKind.Informatieobjecttype, true),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<CatalogusRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    /// <summary>The stored catalogus; locked for the rest of the transaction when <paramref name="tx"/> is given.</summary>
    public static Task<CatalogusRow?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        c.QuerySingleOrDefaultAsync<CatalogusRow>(
            $"SELECT t.id, t.uuid, t.gegevens::text AS gegevens FROM catalogus t WHERE t.uuid = @uuid {(tx is null ? "" : "FOR UPDATE")}",
            new { uuid }, tx);

    public static async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, CatalogusRequest r)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO catalogus (uuid, domein, rsin, gegevens) VALUES (@uuid, @domein, @rsin, CAST(@gegevens AS jsonb))
            """, new { uuid, domein = r.Domein, rsin = r.Rsin, gegevens = CatalogiValidation.ToGegevens(r) }, tx);
        return uuid;
    }

    public static Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, CatalogusRequest r) =>
        c.ExecuteAsync("""
            UPDATE catalogus SET domein = @domein, rsin = @rsin, gegevens = CAST(@gegevens AS jsonb) WHERE id = @id
            """, new { id, domein = r.Domein, rsin = r.Rsin, gegevens = CatalogiValidation.ToGegevens(r) }, tx);
}
