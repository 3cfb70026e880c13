using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zgw.Api.Query;

namespace Catalogi.Api.Resources.Common;

/// <summary>The columns every part of a zaaktype shows: itself, its zaaktype, catalogus and the zaaktype's geldigheid (T10).</summary>
public abstract class OnderdeelRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public string Gegevens { get; init; } = "{}";
    public Guid ZaaktypeUuid { get; init; }
    public string ZaaktypeIdentificatie { get; init; } = "";
    public Guid CatalogusUuid { get; init; }
    public DateOnly ZaaktypeBeginGeldigheid { get; init; }
    public DateOnly? ZaaktypeEindeGeldigheid { get; init; }

    protected string ZaaktypeUrl(CatalogiUrls urls) => urls.Of(CatalogiKind.Zaaktype, ZaaktypeUuid);
    protected string CatalogusUrl(CatalogiUrls urls) => urls.Of(CatalogiKind.Catalogus, CatalogusUuid);

    /// <summary>beginGeldigheid, eindeGeldigheid (the zaaktype's), beginObject, eindeObject.</summary>
    protected void AddGeldigheid(JsonObject json, DateOnly? beginObject, DateOnly? eindeObject)
    {
        json["beginGeldigheid"] = CatalogiValidation.Node(ZaaktypeBeginGeldigheid);
        json["eindeGeldigheid"] = CatalogiValidation.Node(ZaaktypeEindeGeldigheid);
        json["beginObject"] = CatalogiValidation.Node(beginObject);
        json["eindeObject"] = CatalogiValidation.Node(eindeObject);
    }
}

/// <summary>The SQL every part of a zaaktype shares: its FROM, base columns, filters and list shape.</summary>
public static class Onderdeel
{
    /// <summary>The part (<c>t</c>) with its zaaktype (<c>z</c>) and catalogus (<c>c</c>).</summary>
    public static string From(CatalogiKind kind) =>
        $"{CatalogiUrls.Table(kind)} t JOIN zaaktype z ON z.id = t.zaaktype_id JOIN catalogus c ON c.id = z.catalogus_id";

    public const string Columns = """
        t.id, t.uuid, t.gegevens::text AS gegevens, z.uuid AS zaaktype_uuid, z.identificatie AS zaaktype_identificatie,
        c.uuid AS catalogus_uuid, z.begin_geldigheid AS zaaktype_begin_geldigheid, z.einde_geldigheid AS zaaktype_einde_geldigheid
        """;

    /// <summary><c>zaaktype</c> (URL) and <c>zaaktypeIdentificatie</c>, the filters of every part's list.</summary>
    public static FilterSet Filters() => new FilterSet()
        .Add("zaaktype", FilterKind.Url, CatalogiUrls.UrlSql(CatalogiKind.Zaaktype, "z"))
        .Add("zaaktypeIdentificatie", FilterKind.Text, "z.identificatie")
        .Allow("expand")
        .Allow(PageRequest.Parameters);

    /// <summary><c>status</c> on the zaaktype's concept (T14), <c>datumGeldigheid</c> on the zaaktype's geldigheid.</summary>
    public static readonly ListShape Shape = new() { ConceptColumn = "z.concept", GeldigheidAlias = "z" };

    /// <summary>Reads the stored part in request form: <typeparamref name="TRow"/> from <see cref="From"/> with <paramref name="columns"/>.</summary>
    public static Task<TRow?> GetAsync<TRow>(NpgsqlConnection c, NpgsqlTransaction? tx, CatalogiKind kind, Guid uuid, string columns = Columns) =>
        c.QuerySingleOrDefaultAsync<TRow>($"SELECT {columns} FROM {From(kind)} WHERE t.uuid = @uuid", new { uuid }, tx);
}
