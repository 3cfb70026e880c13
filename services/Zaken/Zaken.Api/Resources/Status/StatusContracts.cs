using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zgw.Api.Http;

namespace Zaken.Api.Resources.Status;

/// <summary>The body of <c>POST /statussen</c> (OAS <c>StatusRequestbody</c>, read-only fields left out).</summary>
public sealed partial record StatusRequest(
    string? Zaak,
    string? Statustype,
    string? DatumStatusGezet,
    string? Statustoelichting,
    string? Gezetdoor) : IValidatable
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    /// <summary>
    /// <c>datumStatusGezet</c> with the offset the client sent (without one: UTC). The zaak's einddatum is the date part in
    /// that offset (Open Zaak).
    /// </summary>
    public DateTimeOffset? Datum =>
        DatumStatusGezet is { } text && IsoDateTime().IsMatch(text) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    public void Validate(Validator v)
    {
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        if (v.Required("statustype", Statustype))
            v.Url("statustype", Statustype);
        if (v.Required("datumStatusGezet", DatumStatusGezet) && Datum is null)
            v.Add("datumStatusGezet", "invalid",
                "Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
        v.MaxLength("statustoelichting", Statustoelichting, 1000);
        v.Url("gezetdoor", Gezetdoor, 200);
    }
}

/// <summary>A status as the list and detail queries return it.</summary>
public sealed class StatusRow
{
    public Guid Uuid { get; init; }
    public Guid ZaakUuid { get; init; }
    public string Statustype { get; init; } = "";
    public DateTime DatumStatusGezet { get; init; }
    public string Gegevens { get; init; } = "{}";
    public bool IndicatieLaatstGezetteStatus { get; init; }
    public Guid[] Zaakinformatieobjecten { get; init; } = [];

    /// <summary>The OAS <c>Status</c>.</summary>
    public JsonObject ToJson(Common.ZakenUrls urls)
    {
        var gegevens = JsonNode.Parse(Gegevens) as JsonObject ?? [];
        return new JsonObject
        {
            ["url"] = urls.Of("statussen", Uuid),
            ["uuid"] = Uuid,
            ["zaak"] = urls.Zaak(ZaakUuid),
            ["statustype"] = Statustype,
            ["datumStatusGezet"] = FormatDateTime(DatumStatusGezet),
            ["statustoelichting"] = gegevens["statustoelichting"]?.GetValue<string>() ?? "",
            ["indicatieLaatstGezetteStatus"] = IndicatieLaatstGezetteStatus,
            ["gezetdoor"] = gegevens["gezetdoor"]?.GetValue<string>(),
            ["zaakinformatieobjecten"] = new JsonArray(Zaakinformatieobjecten
                .Select(u => (JsonNode?)JsonValue.Create(urls.Of("zaakinformatieobjecten", u))).ToArray()),
        };
    }

    /// <summary>ISO-8601 in UTC with the fraction only when there is one (<c>2024-03-01T10:00:00Z</c>).</summary>
    public static string FormatDateTime(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string GegevensOf(StatusRequest r) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["statustoelichting"] = r.Statustoelichting ?? "",
        ["gezetdoor"] = string.IsNullOrEmpty(r.Gezetdoor) ? null : r.Gezetdoor,
    });
}
