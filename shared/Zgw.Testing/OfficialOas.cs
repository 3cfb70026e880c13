using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zgw.Service;

namespace Zgw.Testing;

/// <summary>One operation of the OAS: method, path template and its declared responses.</summary>
public sealed record OasOperation(string Method, string Path, JsonObject Node)
{
    /// <summary>The declared response codes (<c>200</c>, <c>400</c>, ...), in OAS order.</summary>
    public IReadOnlyList<int> Declared =>
        Node["responses"]!.AsObject().Select(r => int.TryParse(r.Key, out var code) ? code : 0).Where(c => c > 0).ToList();

    /// <summary>The declared success status (the first 2xx).</summary>
    public int SuccessStatus => Declared.First(c => c is >= 200 and < 300);

    public bool Declares(int status) => Declared.Contains(status);

    public bool HasQueryParameter(string name) =>
        Node["parameters"] is JsonArray ps && ps.Any(p => p?["name"]?.GetValue<string>() == name && p["in"]?.GetValue<string>() == "query");

    /// <summary>The JSON schema of the response with <paramref name="status"/> (null when it has no body).</summary>
    public JsonNode? ResponseSchema(int status)
    {
        var content = Node["responses"]![status.ToString(CultureInfo.InvariantCulture)]?["content"]?.AsObject();
        return content?.FirstOrDefault().Value?["schema"];
    }

    /// <summary>The headers the OAS declares on the response with <paramref name="status"/> (<c>API-version</c>, <c>Location</c>, <c>ETag</c>).</summary>
    public IReadOnlyList<string> DeclaredHeaders(int status) =>
        Node["responses"]![status.ToString(CultureInfo.InvariantCulture)]?["headers"]?.AsObject().Select(h => h.Key).ToList() ?? [];

    /// <summary>The media type of the response with <paramref name="status"/> (null when it has no body).</summary>
    public string? MediaType(int status) =>
        Node["responses"]![status.ToString(CultureInfo.InvariantCulture)]?["content"]?.AsObject().FirstOrDefault().Key;

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// An official ZGW OAS file (YAML → JSON with the services' own converter) and a small validator for response bodies, for
/// the contract tests of every component: <c>$ref</c> (local; external references accept anything), <c>allOf</c>,
/// <c>oneOf</c>/<c>anyOf</c> (any branch), <c>discriminator</c> mappings (the mapped schema instead), <c>nullable</c>,
/// <c>required</c>, JSON types, enums and, loosely, the formats <c>uri</c>, <c>uuid</c>, <c>date</c>, <c>date-time</c>
/// and <c>duration</c>.
/// </summary>
public sealed partial class OfficialOas(JsonObject root)
{
    /// <param name="fixYaml">A repair of the published YAML where it does not parse as published (zaken.yaml).</param>
    public static OfficialOas Load(string file, Func<string, string>? fixYaml = null)
    {
        var yaml = File.ReadAllText(file);
        return new(JsonNode.Parse(OfficialOpenApi.ToJson(fixYaml is null ? yaml : fixYaml(yaml), "http://localhost"))!.AsObject());
    }

    public IEnumerable<OasOperation> Operations =>
        root["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete" or "head")
            .Select(m => new OasOperation(m.Key.ToUpperInvariant(), p.Key, m.Value!.AsObject())));

    public JsonNode Schema(string name) => root["components"]!["schemas"]![name]!;

    /// <summary>The violations of <paramref name="value"/> against <paramref name="schema"/> (empty when it conforms).</summary>
    public List<string> Validate(JsonNode? value, JsonNode schema)
    {
        var errors = new List<string>();
        Validate(value, schema, "$", errors, []);
        return errors;
    }

    private void Validate(JsonNode? value, JsonNode schema, string path, List<string> errors, HashSet<JsonNode> discriminated)
    {
        if (IsNullable(schema) && value is null)
            return;
        if (Resolve(schema) is not { } s)
            return; // an external $ref (e.g. the Catalogi ZaakType in ZaakEmbedded): not checked here
        if (IsNullable(s) && value is null)
            return;

        // discriminator with a mapping: the mapped schema (which includes this one through allOf) is the full contract
        if (value is JsonObject obj && !discriminated.Contains(s) && s["discriminator"] is JsonObject disc &&
            disc["propertyName"]?.GetValue<string>() is { } property && disc["mapping"] is JsonObject mapping &&
            obj[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String &&
            mapping[v.GetValue<string>()]?.GetValue<string>() is { } target)
        {
            Validate(value, new JsonObject { ["$ref"] = target }, path, errors, [.. discriminated, s]);
            return;
        }

        if (s["allOf"] is JsonArray all)
            foreach (var part in all)
                Validate(value, part!, path, errors, discriminated);
        foreach (var keyword in new[] { "oneOf", "anyOf" })
            if (s[keyword] is JsonArray branches && !branches.Any(b =>
                {
                    var branchErrors = new List<string>();
                    Validate(value, b!, path, branchErrors, discriminated);
                    return branchErrors.Count == 0;
                }))
                errors.Add($"{path}: {Short(value)} matches none of {keyword}");

        if (s["enum"] is JsonArray values && !values.Any(e => JsonNode.DeepEquals(e, value)))
        {
            errors.Add($"{path}: {Short(value)} is not one of the enum values");
            return;
        }
        var type = s["type"]?.GetValue<string>() ?? (s["properties"] is not null || s["required"] is not null ? "object" : null);
        if (type is null)
            return;
        if (value is null)
        {
            if (s["enum"] is null)
                errors.Add($"{path}: null but not nullable");
            return;
        }
        var kind = value.GetValueKind();
        switch (type)
        {
            case "object" when value is JsonObject o:
                foreach (var required in s["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                    if (!o.ContainsKey(required))
                        errors.Add($"{path}: required property '{required}' is missing");
                foreach (var (name, sub) in s["properties"]?.AsObject() ?? [])
                    if (o.TryGetPropertyValue(name, out var child))
                        Validate(child, sub!, $"{path}.{name}", errors, discriminated);
                break;
            case "array" when value is JsonArray a:
                if (s["items"] is { } items)
                    for (var i = 0; i < a.Count; i++)
                        Validate(a[i], items, $"{path}[{i}]", errors, discriminated);
                break;
            case "string" when kind == JsonValueKind.String:
                if (FormatError(s["format"]?.GetValue<string>(), value.GetValue<string>()) is { } formatError)
                    errors.Add($"{path}: {formatError}");
                break;
            case "integer" when kind == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out _):
            case "number" when kind == JsonValueKind.Number:
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            default:
                errors.Add($"{path}: expected {type}, got {kind} {Short(value)}");
                break;
        }
    }

    /// <summary>Loose format checks; empty strings pass (Open Zaak renders unset URL fields as <c>""</c>).</summary>
    private static string? FormatError(string? format, string text)
    {
        if (text.Length == 0)
            return null;
        var ok = format switch
        {
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "uuid" => Guid.TryParse(text, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => IsoDateTime().IsMatch(text) &&
                           DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            "duration" => text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal),
            _ => true,
        };
        return ok ? null : $"'{text}' is not a valid {format}";
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoDateTime();

    private static bool IsNullable(JsonNode schema) => schema["nullable"] is JsonValue n && n.GetValueKind() == JsonValueKind.True;

    private static string Short(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }

    /// <summary>The schema behind local <c>$ref</c>s; null for an external reference.</summary>
    private JsonNode? Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
                return null;
            schema = reference[2..].Split('/').Aggregate((JsonNode)root, (node, part) => node[part]!);
        }
        return schema;
    }
}
