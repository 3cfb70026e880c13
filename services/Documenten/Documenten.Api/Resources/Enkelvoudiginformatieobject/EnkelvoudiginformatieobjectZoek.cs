using System.Text.Json;
using System.Text.Json.Nodes;
using Documenten.Api.Resources.Common;
using Microsoft.Extensions.Primitives;
using Zgw.Api.Problems;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// The body of <c>POST /enkelvoudiginformatieobjecten/_zoek</c> (OAS <c>EIOZoekRequest</c>, D12) in query-string form, so the
/// same filter definitions check it (<see cref="EnkelvoudiginformatieobjectEndpoints.ZoekFilters"/>; unknown fields → 400).
/// </summary>
public static class EnkelvoudiginformatieobjectZoek
{
    public const string UuidIn = "uuid__in";

    /// <summary>
    /// An empty object → 400 <c>nonFieldErrors</c> <c>empty_search_body</c> (Open Zaak). <c>uuid__in</c> is required (OAS) and
    /// must be a list of uuids (an empty list finds nothing); the other fields are strings.
    /// </summary>
    public static QueryCollection ToQuery(JsonObject body)
    {
        if (body.Count == 0)
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.EmptySearchBody,
                "Zoekparameters zijn verplicht: geef minstens uuid__in op.");
        var errors = new List<InvalidParam>();
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        if (!body.ContainsKey(UuidIn))
            errors.Add(new InvalidParam(UuidIn, ZgwCodes.Required, "Dit veld is vereist."));
        foreach (var (name, node) in body)
        {
            if (name == UuidIn)
            {
                if (node is null)
                    errors.Add(new InvalidParam(UuidIn, ZgwCodes.Null, "Dit veld mag niet leeg zijn."));
                else if (node is not JsonArray items)
                    errors.Add(new InvalidParam(UuidIn, "not_a_list", "Verwacht een lijst met uuids."));
                else
                {
                    for (var i = 0; i < items.Count; i++)
                        if (!(items[i] is JsonValue item && item.GetValueKind() == JsonValueKind.String && Guid.TryParse(item.GetValue<string>(), out _)))
                            errors.Add(new InvalidParam($"{UuidIn}.{i}", ZgwCodes.Invalid, "Voer een geldige UUID in."));
                    values[UuidIn] = string.Join(",", items.OfType<JsonValue>().Select(v => v.ToString()));
                }
                continue;
            }
            switch (node)
            {
                case null:
                    continue;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    values[name] = value.GetValue<string>();
                    break;
                default:
                    errors.Add(new InvalidParam(name, ZgwCodes.Invalid, "Verwacht een tekst."));
                    break;
            }
        }
        if (errors.Count > 0)
            throw ZgwException.Validation(errors);
        return new QueryCollection(values);
    }
}
