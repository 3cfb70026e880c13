using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;

namespace Catalogi.Api.Resources.Roltype;

/// <summary>SQL of the roltype resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class RoltypeRepository(CatalogiUrls urls) : ITypeSource, IOnderdeel<RoltypeRequest>
{
    public static readonly FilterSet ListFilters = Onderdeel.Filters()
        .Add("omschrijvingGeneriek", FilterKind.Choice, "t.omschrijving_generiek", choices: RoltypeRequest.OmschrijvingenGeneriek)
        .Allow("status", "datumGeldigheid");

    public CatalogiKind Kind => CatalogiKind.Roltype;

    public string From => Onderdeel.From(Kind);

    public string Columns => Onderdeel.Columns;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
        ["zaaktype"] = new(CatalogiKind.Zaaktype, false),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<RoltypeRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public string? Zaaktype(RoltypeRequest r) => r.Zaaktype;
    public DateOnly? BeginGeldigheid(RoltypeRequest r) => r.BeginGeldigheid;
    public DateOnly? EindeGeldigheid(RoltypeRequest r) => r.EindeGeldigheid;

    public async Task<RoltypeRequest?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        (await Onderdeel.GetAsync<RoltypeRow>(c, tx, Kind, uuid))?.ToRequest(urls);

    public Task<RoltypeRequest> CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, RoltypeRequest r, ZaaktypeRef zaaktype, long? self,
        Validator v, CancellationToken cancellationToken)
    {
        CatalogiRules.CatalogusVanZaaktype(r.Catalogus, zaaktype, urls, v);
        return Task.FromResult(r);
    }

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, RoltypeRequest r, ZaaktypeRef zaaktype)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO roltype (uuid, zaaktype_id, omschrijving_generiek, gegevens)
            VALUES (@uuid, @zaaktypeId, @omschrijvingGeneriek, CAST(@gegevens AS jsonb))
            """, new { uuid, zaaktypeId = zaaktype.Id, omschrijvingGeneriek = r.OmschrijvingGeneriek, gegevens = Gegevens(r) }, tx);
        return uuid;
    }

    public Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, RoltypeRequest r, ZaaktypeRef zaaktype) =>
        c.ExecuteAsync("""
            UPDATE roltype SET zaaktype_id = @zaaktypeId, omschrijving_generiek = @omschrijvingGeneriek, gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, new { id, zaaktypeId = zaaktype.Id, omschrijvingGeneriek = r.OmschrijvingGeneriek, gegevens = Gegevens(r) }, tx);

    private static string Gegevens(RoltypeRequest r) =>
        CatalogiValidation.ToGegevens(r with { Zaaktype = null, Catalogus = null, BeginGeldigheid = null, EindeGeldigheid = null });
}
