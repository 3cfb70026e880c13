using System.Text.Json.Nodes;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Eigenschap;

/// <summary>The body of POST/PUT/PATCH <c>/eigenschappen</c> (OAS <c>Eigenschap</c>, writable fields).</summary>
public sealed record EigenschapRequest : IValidatable
{
    public string? Naam { get; init; }
    public string? Definitie { get; init; }
    public EigenschapSpecificatie? Specificatie { get; init; }
    public string? Toelichting { get; init; }
    public string? Zaaktype { get; init; }
    public string? Statustype { get; init; }
    public DateOnly? BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public DateOnly? BeginObject { get; init; }
    public DateOnly? EindeObject { get; init; }

    public void Validate(Validator v) => EigenschapRules.ValidateFields(this, v);
}

/// <summary>OAS <c>EigenschapSpecificatie</c>.</summary>
public sealed record EigenschapSpecificatie(string? Groep, string? Formaat, string? Lengte, string? Kardinaliteit, List<string?>? Waardenverzameling);

/// <summary>An eigenschap row.</summary>
public sealed class EigenschapRow : OnderdeelRow
{
    public Guid? StatustypeUuid { get; init; }

    public EigenschapRequest Stored => CatalogiValidation.FromGegevens<EigenschapRequest>(Gegevens);

    public EigenschapRequest ToRequest(CatalogiUrls urls) => Stored with
    {
        Zaaktype = ZaaktypeUrl(urls),
        Statustype = urls.Of(CatalogiKind.Statustype, StatustypeUuid),
        BeginGeldigheid = ZaaktypeBeginGeldigheid,
        EindeGeldigheid = ZaaktypeEindeGeldigheid,
    };

    /// <summary>The OAS <c>Eigenschap</c>.</summary>
    public Rendered Render(CatalogiUrls urls)
    {
        var r = Stored;
        var s = r.Specificatie;
        var json = new JsonObject
        {
            ["url"] = urls.Of(CatalogiKind.Eigenschap, Uuid),
            ["naam"] = r.Naam,
            ["definitie"] = r.Definitie,
            ["specificatie"] = new JsonObject
            {
                ["groep"] = s?.Groep ?? "",
                ["formaat"] = s?.Formaat,
                ["lengte"] = s?.Lengte,
                ["kardinaliteit"] = s?.Kardinaliteit,
                ["waardenverzameling"] = CatalogiValidation.Strings(s?.Waardenverzameling),
            },
            ["toelichting"] = r.Toelichting ?? "",
            ["zaaktype"] = ZaaktypeUrl(urls),
            ["zaaktypeIdentificatie"] = ZaaktypeIdentificatie,
            ["statustype"] = urls.Of(CatalogiKind.Statustype, StatustypeUuid),
            ["catalogus"] = CatalogusUrl(urls),
        };
        AddGeldigheid(json, r.BeginObject, r.EindeObject);
        return new Rendered(CatalogiKind.Eigenschap, Uuid, json, new Dictionary<string, IReadOnlyList<Guid>>
        {
            ["catalogus"] = [CatalogusUuid],
            ["zaaktype"] = [ZaaktypeUuid],
            ["statustype"] = StatustypeUuid is { } st ? [st] : [],
        });
    }
}
