using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Zaakobjecttype;

/// <summary>The body of POST/PUT/PATCH <c>/zaakobjecttypen</c> (OAS <c>ZaakObjectType</c>, writable fields).</summary>
public sealed record ZaakobjecttypeRequest : IValidatable
{
    public bool? AnderObjecttype { get; init; }
    public DateOnly? BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public DateOnly? BeginObject { get; init; }
    public DateOnly? EindeObject { get; init; }
    public string? Objecttype { get; init; }
    public string? RelatieOmschrijving { get; init; }
    public string? Zaaktype { get; init; }
    public string? Catalogus { get; init; }

    public void Validate(Validator v)
    {
        v.Required("anderObjecttype", AnderObjecttype);
        if (v.Required("objecttype", Objecttype))
            v.Url("objecttype", Objecttype, 200);
        v.RequiredText("relatieOmschrijving", RelatieOmschrijving, 80);
        if (v.Required("zaaktype", Zaaktype))
            v.Url("zaaktype", Zaaktype);
        if (v.Required("catalogus", Catalogus))
            v.Url("catalogus", Catalogus);
    }
}

/// <summary>
/// A zaakobjecttype row. Its <c>statustypen</c> and <c>resultaattypen</c> are read-only in the OAS and no writable field of
/// Catalogi 1.3.3 links them, so they are always empty.
/// </summary>
public sealed class ZaakobjecttypeRow : OnderdeelRow
{
    public ZaakobjecttypeRequest Stored => CatalogiValidation.FromGegevens<ZaakobjecttypeRequest>(Gegevens);

    public ZaakobjecttypeRequest ToRequest(CatalogiUrls urls) => Stored with
    {
        Zaaktype = ZaaktypeUrl(urls),
        Catalogus = CatalogusUrl(urls),
        BeginGeldigheid = ZaaktypeBeginGeldigheid,
        EindeGeldigheid = ZaaktypeEindeGeldigheid,
    };

    /// <summary>The OAS <c>ZaakObjectType</c>.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = Stored;
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Zaakobjecttype, Uuid),
            ["anderObjecttype"] = r.AnderObjecttype,
        };
        AddGeldigheid(json, r.BeginObject, r.EindeObject);
        json["objecttype"] = r.Objecttype;
        json["relatieOmschrijving"] = r.RelatieOmschrijving;
        json["zaaktype"] = ZaaktypeUrl(urls);
        json["zaaktypeIdentificatie"] = ZaaktypeIdentificatie;
        json["resultaattypen"] = new JsonArray();
        json["resultaattypeOmschrijving"] = new JsonArray();
        json["statustypen"] = new JsonArray();
        json["catalogus"] = CatalogusUrl(urls);
        return new Rendered(CatalogiKind.Zaakobjecttype, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["zaaktype"] = [ZaaktypeUuid],
            ["catalogus"] = [CatalogusUuid],
        });
    }
}
