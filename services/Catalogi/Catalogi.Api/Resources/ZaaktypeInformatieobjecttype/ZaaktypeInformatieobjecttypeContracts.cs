using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.ZaaktypeInformatieobjecttype;

/// <summary>
/// The body of POST/PUT/PATCH <c>/zaaktype-informatieobjecttypen</c> (OAS <c>ZaakTypeInformatieObjectType</c>, writable fields).
/// <c>informatieobjecttype</c> is the omschrijving of an informatieobjecttype, not a URL (history model, T8).
/// </summary>
public sealed record ZaaktypeInformatieobjecttypeRequest : IValidatable
{
    public static readonly IReadOnlyCollection<string> Richtingen = ["inkomend", "intern", "uitgaand"];

    public string? Zaaktype { get; init; }
    public string? Informatieobjecttype { get; init; }
    public int? Volgnummer { get; init; }
    public string? Richting { get; init; }
    public string? Statustype { get; init; }

    public void Validate(Validator v)
    {
        if (v.Required("zaaktype", Zaaktype))
            v.Url("zaaktype", Zaaktype);
        v.RequiredText("informatieobjecttype", Informatieobjecttype, 100);
        if (v.Required("volgnummer", Volgnummer))
            v.Range("volgnummer", Volgnummer, 1, 999);
        if (v.Required("richting", Richting))
            v.OneOf("richting", Richting, Richtingen);
        v.Url("statustype", Statustype);
    }
}

/// <summary>A zaaktype-informatieobjecttype row, with the informatieobjecttype version valid on the reference date.</summary>
public sealed class ZaaktypeInformatieobjecttypeRow : OnderdeelRow
{
    public Guid? StatustypeUuid { get; init; }
    public Guid? InformatieobjecttypeUuid { get; init; }

    public ZaaktypeInformatieobjecttypeRequest Stored => CatalogiValidation.FromGegevens<ZaaktypeInformatieobjecttypeRequest>(Gegevens);

    public ZaaktypeInformatieobjecttypeRequest ToRequest(CatalogiUrls urls) => Stored with
    {
        Zaaktype = ZaaktypeUrl(urls),
        Statustype = urls.Of(CatalogiKind.Statustype, StatustypeUuid),
    };

    /// <summary>The OAS <c>ZaakTypeInformatieObjectType</c>.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = Stored;
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.ZaaktypeInformatieobjecttype, Uuid),
            ["zaaktype"] = ZaaktypeUrl(urls),
            ["zaaktypeIdentificatie"] = ZaaktypeIdentificatie,
            ["catalogus"] = CatalogusUrl(urls),
            ["informatieobjecttype"] = r.Informatieobjecttype,
            ["volgnummer"] = r.Volgnummer,
            ["richting"] = r.Richting,
            ["statustype"] = urls.Of(CatalogiKind.Statustype, StatustypeUuid),
        };
        return new Rendered(CatalogiKind.ZaaktypeInformatieobjecttype, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["zaaktype"] = [ZaaktypeUuid],
            ["catalogus"] = [CatalogusUuid],
            ["informatieobjecttype"] = InformatieobjecttypeUuid is { } i ? [i] : [],
            ["statustype"] = StatustypeUuid is { } s ? [s] : [],
        });
    }
}
