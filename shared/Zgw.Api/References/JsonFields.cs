using System.Text.Json;

namespace Zgw.Api.References;

/// <summary>Fields of an object fetched from another API (<see cref="UrlResolver"/>), read leniently: a missing or mistyped field is null or empty.</summary>
public static class JsonFields
{
    public static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IReadOnlyList<string> Strings(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
}
