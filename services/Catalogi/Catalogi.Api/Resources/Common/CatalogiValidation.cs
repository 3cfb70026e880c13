using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Catalogi.Api.Resources.Common;

/// <summary>Field checks of the Catalogi OAS that the shared <see cref="Validator"/> does not have.</summary>
public static partial class CatalogiValidation
{
    public const string MustBeEmpty = "must-be-empty";

    public static readonly IReadOnlyCollection<string> Vertrouwelijkheidaanduidingen =
        ["openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim"];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    public static void Email(this Validator v, string name, string? value, int max)
    {
        v.MaxLength(name, value, max);
        if (!string.IsNullOrEmpty(value) && !EmailPattern().IsMatch(value))
            v.Add(name, ZgwCodes.Invalid, "Voer een geldig e-mailadres in.");
    }

    public static void Range(this Validator v, string name, int? value, int min, int max)
    {
        if (value < min)
            v.Add(name, "min_value", $"Zorg ervoor dat deze waarde groter is dan of gelijk aan {min}.");
        else if (value > max)
            v.Add(name, "max_value", $"Zorg ervoor dat deze waarde kleiner is dan of gelijk aan {max}.");
    }

    /// <summary>Every item present and at most <paramref name="max"/> long (<c>name.0</c>, <c>name.1</c>, ...).</summary>
    public static void Items(this Validator v, string name, IReadOnlyList<string?>? items, int? max = null)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is null)
                v.Add($"{name}.{i}", ZgwCodes.Null, "Dit veld mag niet leeg zijn.");
            else if (max is { } m)
                v.MaxLength($"{name}.{i}", items[i], m);
        }
    }

    /// <summary>Every item a URL of at most <paramref name="max"/> characters.</summary>
    public static void UrlItems(this Validator v, string name, IReadOnlyList<string?>? items, int max = 1000)
    {
        v.Items(name, items);
        for (var i = 0; i < (items?.Count ?? 0); i++)
            v.Url($"{name}.{i}", items![i], max);
    }

    /// <summary>No item twice (the OAS <c>uniqueItems</c>).</summary>
    public static void UniqueItems(this Validator v, string name, IReadOnlyList<string?>? items)
    {
        if (items is not null && items.Distinct(StringComparer.Ordinal).Count() != items.Count)
            v.Add(name, "unique", "Elke waarde mag maar één keer voorkomen.");
    }

    /// <summary>A required string field: present and not empty.</summary>
    public static void RequiredText(this Validator v, string name, string? value, int? max = null)
    {
        if (v.Required(name, value) && max is { } m)
            v.MaxLength(name, value, m);
    }

    /// <summary>The request as stored in the <c>gegevens</c> column.</summary>
    public static string ToGegevens<T>(T request) => JsonSerializer.Serialize(request, ZgwJson.Options);

    public static T FromGegevens<T>(string gegevens) => JsonSerializer.Deserialize<T>(gegevens, ZgwJson.Options)!;

    /// <summary>A nested OAS object as JSON (null stays null).</summary>
    public static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, ZgwJson.Options);

    public static JsonArray Strings(IEnumerable<string?>? values) => new((values ?? []).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
}
