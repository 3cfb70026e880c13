using System.Text.Json;
using System.Text.Json.Nodes;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;

namespace Zaken.Api.Resources.Resultaat;

/// <summary>The body of POST/PUT/PATCH <c>/resultaten</c> (OAS <c>Resultaat</c> without the read-only fields).</summary>
public sealed record ResultaatRequest(string? Zaak, string? Resultaattype, string? Toelichting) : IValidatable
{
    public void Validate(Validator v)
    {
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        if (v.Required("resultaattype", Resultaattype))
            v.Url("resultaattype", Resultaattype);
        v.MaxLength("toelichting", Toelichting, 1000);
    }
}

/// <summary>A stored resultaat with its zaak's uuid.</summary>
public sealed class ResultaatRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long ZaakId { get; init; }
    public Guid ZaakUuid { get; init; }
    public string Resultaattype { get; init; } = "";
    public string Gegevens { get; init; } = "{}";

    public string Toelichting => (JsonNode.Parse(Gegevens) as JsonObject)?["toelichting"]?.GetValue<string>() ?? "";

    /// <summary>The OAS <c>Resultaat</c>.</summary>
    public JsonObject ToJson(ZakenUrls urls) => new()
    {
        ["url"] = urls.Of("resultaten", Uuid),
        ["uuid"] = Uuid,
        ["zaak"] = urls.Zaak(ZaakUuid),
        ["resultaattype"] = Resultaattype,
        ["toelichting"] = Toelichting,
    };

    public ResultaatRequest ToRequest(ZakenUrls urls) => new(urls.Zaak(ZaakUuid), Resultaattype, Toelichting);

    public static string GegevensOf(ResultaatRequest r) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["toelichting"] = r.Toelichting ?? "" });
}
