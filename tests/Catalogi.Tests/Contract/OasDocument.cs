using System.Text.Json.Nodes;
using Zgw.Service;

namespace Catalogi.Tests.Contract;

/// <summary>One operation of the OAS: method, path template, its parameters and responses.</summary>
public sealed record OasOperation(string Method, string Path, JsonObject Node)
{
    public bool HasQueryParameter(string name) =>
        Node["parameters"] is JsonArray ps && ps.Any(p => p?["name"]?.GetValue<string>() == name && p["in"]?.GetValue<string>() == "query");

    /// <summary>The JSON schema of the response with <paramref name="status"/>, or of the first declared 2xx when asked for a success.</summary>
    public JsonNode? ResponseSchema(int status)
    {
        var responses = Node["responses"]!.AsObject();
        var response = responses[status.ToString()] ??
                       (status is >= 200 and < 300 ? responses.FirstOrDefault(r => r.Key.StartsWith('2')).Value : null);
        var content = response?["content"]?.AsObject();
        return content?.FirstOrDefault().Value?["schema"];
    }
}

/// <summary>
/// The official OAS (YAML → JSON with the shared converter) and a small validator for response bodies: required properties,
/// JSON types, enums, nullable, <c>$ref</c>, <c>allOf</c> and <c>oneOf</c>, recursively.
/// </summary>
public sealed class OasDocument(JsonObject root)
{
    public static OasDocument Load(string file) => new(JsonNode.Parse(OfficialOpenApi.ToJson(File.ReadAllText(file), "http://localhost"))!.AsObject());

    public IEnumerable<OasOperation> Operations =>
        root["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete" or "head")
            .Select(m => new OasOperation(m.Key.ToUpperInvariant(), p.Key, m.Value!.AsObject())));

    public JsonNode Schema(string name) => root["components"]!["schemas"]![name]!;

    /// <summary>The violations of <paramref name="value"/> against <paramref name="schema"/> (empty when it conforms).</summary>
    public List<string> Validate(JsonNode? value, JsonNode schema)
    {
        var errors = new List<string>();
        Validate(value, schema, "$", errors);
        return errors;
    }

    private void Validate(JsonNode? value, JsonNode schema, string path, List<string> errors)
    {
        if (schema["nullable"]?.GetValue<bool>() == true && value is null)
            return;
        var s = Resolve(schema);
        if (s["nullable"]?.GetValue<bool>() == true && value is null)
            return;
        if (s["allOf"] is JsonArray all)
            foreach (var part in all)
                Validate(value, part!, path, errors);
        if (s["oneOf"] is JsonArray one && !one.Any(o => Validate(value, o!).Count == 0))
            errors.Add($"{path}: matches none of oneOf");
        var type = s["type"]?.GetValue<string>();
        if (type is null)
            return;
        if (value is null)
        {
            errors.Add($"{path}: null but not nullable");
            return;
        }
        switch (type)
        {
            case "object" when value is JsonObject o:
                foreach (var required in s["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                    if (!o.ContainsKey(required))
                        errors.Add($"{path}: required property '{required}' is missing");
                foreach (var (name, sub) in s["properties"]?.AsObject() ?? [])
                    if (o.TryGetPropertyValue(name, out var child))
                        Validate(child, sub!, $"{path}.{name}", errors);
                break;
            case "array" when value is JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    Validate(a[i], s["items"]!, $"{path}[{i}]", errors);
                break;
            case "string" when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
            case "integer" or "number" when value.GetValueKind() == System.Text.Json.JsonValueKind.Number:
            case "boolean" when value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                break;
            default:
                errors.Add($"{path}: expected {type}, got {value.GetValueKind()}");
                return;
        }
        if (s["enum"] is JsonArray values && !values.Any(e => JsonNode.DeepEquals(e, value)))
            errors.Add($"{path}: '{value}' is not one of the enum values");
    }

    private JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
            schema = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode)root, (node, part) => node[part]!);
        return schema;
    }
}
