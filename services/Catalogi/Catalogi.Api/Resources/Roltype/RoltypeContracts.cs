using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Roltype;

/// <summary>The body of POST/PUT/PATCH <c>/roltypen</c> (OAS <c>RolType</c>, writable fields).</summary>
public sealed record RoltypeRequest : IValidatable
{
    public static readonly IReadOnlyCollection<string> OmschrijvingenGeneriek =
        ["adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter", "zaakcoordinator", "mede_initiator"];

    public string? Zaaktype { get; init; }
    public string? Omschrijving { get; init; }
    public string? OmschrijvingGeneriek { get; init; }

    /// <summary>Deprecated: when sent it must be the zaaktype's catalogus (T12).</summary>
    public string? Catalogus { get; init; }

    public DateOnly? BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public DateOnly? BeginObject { get; init; }
    public DateOnly? EindeObject { get; init; }

    public void Validate(Validator v)
    {
        if (v.Required("zaaktype", Zaaktype))
            v.Url("zaaktype", Zaaktype);
        v.RequiredText("omschrijving", Omschrijving, 100);
        if (v.Required("omschrijvingGeneriek", OmschrijvingGeneriek))
            v.OneOf("omschrijvingGeneriek", OmschrijvingGeneriek, OmschrijvingenGeneriek);
        v.Url("catalogus", Catalogus);
    }
}

/// <summary>A roltype row.</summary>
public sealed class RoltypeRow : OnderdeelRow
{
    public RoltypeRequest Stored => CatalogiValidation.FromGegevens<RoltypeRequest>(Gegevens);

    public RoltypeRequest ToRequest(CatalogiUrls urls) => Stored with
    {
        Zaaktype = ZaaktypeUrl(urls),
        Catalogus = CatalogusUrl(urls),
        BeginGeldigheid = ZaaktypeBeginGeldigheid,
        EindeGeldigheid = ZaaktypeEindeGeldigheid,
    };

    /// <summary>The OAS <c>RolType</c>.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = Stored;
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Roltype, Uuid),
            ["zaaktype"] = ZaaktypeUrl(urls),
            ["zaaktypeIdentificatie"] = ZaaktypeIdentificatie,
            ["omschrijving"] = r.Omschrijving,
            ["omschrijvingGeneriek"] = r.OmschrijvingGeneriek,
            ["catalogus"] = CatalogusUrl(urls),
        };
        AddGeldigheid(json, r.BeginObject, r.EindeObject);
        return new Rendered(CatalogiKind.Roltype, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["catalogus"] = [CatalogusUuid],
            ["zaaktype"] = [ZaaktypeUuid],
        });
    }
}
