using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Query;
using static Catalogi.Api.Resources.Common.TypeReads;

namespace Catalogi.Api.Resources.Resultaattype;

/// <summary>SQL of the resultaattype resource: the read source and the writes (in the caller's transaction).</summary>
public sealed class ResultaattypeRepository(CatalogiUrls urls, Selectielijst selectielijst) : ITypeSource, IOnderdeel<ResultaattypeRequest>
{
    /// <summary>Catalogi 1.3.3 lists the zaaktype filters twice, in snake_case and camelCase; both work.</summary>
    public static readonly FilterSet ListFilters = Onderdeel.Filters()
        .Add("zaaktype_identificatie", FilterKind.Text, "z.identificatie")
        .Allow("status", "datumGeldigheid", "datum_geldigheid");

    public static readonly ListShape Shape = Onderdeel.Shape with { DatumParameters = ["datumGeldigheid", "datum_geldigheid"] };

    public CatalogiKind Kind => CatalogiKind.Resultaattype;

    public string From => Onderdeel.From(Kind);

    public string Columns => $"""
        {Onderdeel.Columns},
        ARRAY(SELECT b.uuid FROM besluittype b
              WHERE b.catalogus_id = z.catalogus_id AND NOT b.concept AND {Geldig("b")} AND b.omschrijving = ANY(t.besluittypen)
              ORDER BY b.omschrijving, b.id) AS besluittypen_uuids,
        ARRAY(SELECT i.uuid FROM informatieobjecttype i
              WHERE i.catalogus_id = z.catalogus_id AND NOT i.concept AND {Geldig("i")} AND i.omschrijving = ANY(t.informatieobjecttypen)
              ORDER BY i.omschrijving, i.id) AS informatieobjecttypen_uuids
        """;

    public IReadOnlyDictionary<string, Relation> Relations { get; } = new Dictionary<string, Relation>
    {
        ["catalogus"] = new(CatalogiKind.Catalogus, false),
        ["zaaktype"] = new(CatalogiKind.Zaaktype, false),
        ["besluittypen"] = new(CatalogiKind.Besluittype, true),
        ["informatieobjecttypen"] = new(CatalogiKind.Informatieobjecttype, true),
    };

    public async Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters) =>
        (await connection.QueryAsync<ResultaattypeRow>(sql, parameters)).Select(r => r.Render(urls)).ToList();

    public string? Zaaktype(ResultaattypeRequest r) => r.Zaaktype;
    public DateOnly? BeginGeldigheid(ResultaattypeRequest r) => r.BeginGeldigheid;
    public DateOnly? EindeGeldigheid(ResultaattypeRequest r) => r.EindeGeldigheid;

    public async Task<ResultaattypeRequest?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        (await Onderdeel.GetAsync<ResultaattypeRow>(c, tx, Kind, uuid))?.ToRequest(urls);

    /// <summary>
    /// T12 (deprecated catalogus), T8 (besluittypen and informatieobjecttypen by omschrijving in the zaaktype's catalogus) and
    /// the Selectielijst: ztc-002 (references, procestype, derivations) and ztc-003.
    /// </summary>
    public async Task<ResultaattypeRequest> CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, ResultaattypeRequest r, ZaaktypeRef zaaktype,
        long? self, Validator v, CancellationToken cancellationToken)
    {
        CatalogiRules.CatalogusVanZaaktype(r.Catalogus, zaaktype, urls, v);
        await References.NamesAsync(c, tx, CatalogiKind.Besluittype, "omschrijving", zaaktype.CatalogusId, r.Besluittypen, "besluittypen", v);
        await References.NamesAsync(c, tx, CatalogiKind.Informatieobjecttype, "omschrijving", zaaktype.CatalogusId, r.Informatieobjecttypen,
            "informatieobjecttypen", v);
        var omschrijving = await selectielijst.ResultaattypeomschrijvingAsync("resultaattypeomschrijving", r.Resultaattypeomschrijving, v,
            cancellationToken);
        var resultaat = await selectielijst.ResultaatAsync("selectielijstklasse", r.Selectielijstklasse, v, cancellationToken);
        if (resultaat is not null)
        {
            ResultaattypeRules.Ztc002_SelectielijstklasseVanProcestype(Selectielijst.Text(resultaat, "procesType"), zaaktype.SelectielijstProcestype, v);
            ResultaattypeRules.Ztc003_AfleidingswijzeBijProcestermijn(r.BrondatumArchiefprocedure?.Afleidingswijze,
                Selectielijst.Text(resultaat, "procestermijn"), v);
        }
        return ResultaattypeRules.Ztc002_AfgeleidUitSelectielijst(r, resultaat, omschrijving);
    }

    public async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, ResultaattypeRequest r, ZaaktypeRef zaaktype)
    {
        var uuid = Guid.CreateVersion7();
        await c.ExecuteAsync("""
            INSERT INTO resultaattype (uuid, zaaktype_id, omschrijving, besluittypen, informatieobjecttypen, gegevens)
            VALUES (@uuid, @zaaktypeId, @omschrijving, @besluittypen, @informatieobjecttypen, CAST(@gegevens AS jsonb))
            """, Parameters(r, zaaktype, uuid: uuid), tx);
        return uuid;
    }

    public Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, ResultaattypeRequest r, ZaaktypeRef zaaktype) =>
        c.ExecuteAsync("""
            UPDATE resultaattype
            SET zaaktype_id = @zaaktypeId, omschrijving = @omschrijving, besluittypen = @besluittypen,
                informatieobjecttypen = @informatieobjecttypen, gegevens = CAST(@gegevens AS jsonb)
            WHERE id = @id
            """, Parameters(r, zaaktype, id: id), tx);

    private static object Parameters(ResultaattypeRequest r, ZaaktypeRef zaaktype, Guid? uuid = null, long id = 0) => new
    {
        uuid,
        id,
        zaaktypeId = zaaktype.Id,
        omschrijving = r.Omschrijving,
        besluittypen = (r.Besluittypen ?? []).Select(b => b!).ToArray(),
        informatieobjecttypen = (r.Informatieobjecttypen ?? []).Select(i => i!).ToArray(),
        gegevens = CatalogiValidation.ToGegevens(r with { Zaaktype = null, Catalogus = null, BeginGeldigheid = null, EindeGeldigheid = null }),
    };
}
