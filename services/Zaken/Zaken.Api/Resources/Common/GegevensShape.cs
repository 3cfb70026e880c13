using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Zaken.Api.Resources.Common;

/// <summary>How one attribute of a gegevensgroep is typed in the OAS.</summary>
public enum ShapeKind
{
    /// <summary><c>type: string</c> with <c>maxLength</c> (and optionally an enum or pattern).</summary>
    Text,

    /// <summary><c>type: integer</c> with <c>minimum</c>/<c>maximum</c>.</summary>
    Integer,

    /// <summary>A nested gegevensgroep (<c>allOf: [$ref]</c>), nullable unless stated.</summary>
    Object,

    /// <summary><c>type: array</c> of strings with a <c>maxLength</c> per item.</summary>
    TextArray,

    /// <summary><c>type: object, additionalProperties: {}</c> (free JSON object, e.g. <c>overigeData</c>).</summary>
    AnyObject,
}

/// <summary>One attribute of a <see cref="GegevensShape"/>, as the OAS schema declares it.</summary>
public sealed record ShapeField(string Name, ShapeKind Kind)
{
    public int MaxLength { get; init; }
    public bool Required { get; init; }
    public IReadOnlyCollection<string>? Choices { get; init; }
    public GegevensShape? Nested { get; init; }
    public int Minimum { get; init; }
    public int Maximum { get; init; } = int.MaxValue;
    public Regex? Pattern { get; init; }
    public bool Email { get; init; }
}

/// <summary>
/// A gegevensgroep of the Zaken OAS (betrokkeneIdentificatie, objectIdentificatie, verblijfsadres ...) as data: the
/// table of its attributes with their type, required flag, max length, enum and nested groups. <see cref="Validate"/>
/// checks a request value against it the way the reference implementation does (all errors at once, dotted field
/// names such as <c>betrokkeneIdentificatie.verblijfsadres.aoaHuisnummer</c>) and returns the value reduced to the
/// attributes the schema knows. <see cref="Render"/> gives the response shape: every attribute present, empty text
/// <c>""</c>, absent groups <c>null</c>, absent lists <c>[]</c>.
/// </summary>
public sealed class GegevensShape(string schema, params ShapeField[] fields)
{
    /// <summary>The OAS schema name (<c>RolNatuurlijkPersoon</c>, <c>ObjectAdres</c> ...).</summary>
    public string Schema { get; } = schema;

    public IReadOnlyList<ShapeField> Fields { get; } = fields;

    /// <summary>
    /// Validates <paramref name="node"/> (a JSON object) under the field name <paramref name="path"/>; returns the
    /// object with only the known attributes, or null when it is not an object (the error is then in <paramref name="v"/>).
    /// </summary>
    public JsonObject? Validate(JsonNode? node, string path, Validator v)
    {
        if (node is not JsonObject obj)
        {
            v.Add(path, ZgwCodes.Invalid, "Ongeldige data. Verwacht een dictionary (object).");
            return null;
        }
        var result = new JsonObject();
        foreach (var field in Fields)
        {
            var name = $"{path}.{field.Name}";
            obj.TryGetPropertyValue(field.Name, out var value);
            if (value is null)
            {
                if (field.Required)
                    v.Add(name, ZgwCodes.Required, "Dit veld is vereist.");
                else if (obj.ContainsKey(field.Name) && field.Kind is ShapeKind.Object)
                    result[field.Name] = null;
                continue;
            }
            var normalized = ValidateValue(field, value, name, v);
            if (normalized is not null)
                result[field.Name] = normalized;
        }
        return result;
    }

    /// <summary>The value reduced to the known attributes (for a value that <see cref="Validate"/> accepted).</summary>
    public JsonObject? Normalize(JsonNode? node) => Validate(node, "", new Validator());

    /// <summary>The response representation: every attribute of the schema, defaults for what was not sent.</summary>
    public JsonObject Render(JsonObject? stored)
    {
        var json = new JsonObject();
        foreach (var field in Fields)
        {
            var value = stored?[field.Name];
            json[field.Name] = field.Kind switch
            {
                ShapeKind.Text => value?.DeepClone() ?? "",
                ShapeKind.Integer => value?.DeepClone(),
                ShapeKind.Object => value is JsonObject nested ? field.Nested!.Render(nested) : null,
                ShapeKind.TextArray => value?.DeepClone() ?? new JsonArray(),
                ShapeKind.AnyObject => value?.DeepClone() ?? new JsonObject(),
                _ => value?.DeepClone(),
            };
        }
        return json;
    }

    private static JsonNode? ValidateValue(ShapeField field, JsonNode value, string name, Validator v)
    {
        switch (field.Kind)
        {
            case ShapeKind.Text:
                if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                {
                    v.Add(name, ZgwCodes.Invalid, "Geen geldige string.");
                    return null;
                }
                var s = text.GetValue<string>();
                ValidateText(field, s, name, v);
                return JsonValue.Create(s);
            case ShapeKind.Integer:
                if (value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number || !number.TryGetValue<long>(out var n))
                {
                    v.Add(name, ZgwCodes.Invalid, "Een geldig getal is vereist.");
                    return null;
                }
                if (n < field.Minimum)
                    v.Add(name, "min_value", $"Zorg ervoor dat deze waarde groter of gelijk is aan {field.Minimum}.");
                else if (n > field.Maximum)
                    v.Add(name, "max_value", $"Zorg ervoor dat deze waarde kleiner of gelijk is aan {field.Maximum}.");
                return JsonValue.Create(n);
            case ShapeKind.Object:
                return field.Nested!.Validate(value, name, v);
            case ShapeKind.TextArray:
                if (value is not JsonArray array)
                {
                    v.Add(name, "not_a_list", "Verwachtte een lijst met items maar kreeg een ander type.");
                    return null;
                }
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue item && item.GetValueKind() == JsonValueKind.String)
                    {
                        var itemText = item.GetValue<string>();
                        v.MaxLength($"{name}.{i}", itemText, field.MaxLength);
                        items.Add(itemText);
                    }
                    else
                        v.Add($"{name}.{i}", ZgwCodes.Invalid, "Geen geldige string.");
                }
                return items;
            case ShapeKind.AnyObject:
                if (value is not JsonObject any)
                {
                    v.Add(name, ZgwCodes.Invalid, "Ongeldige data. Verwacht een dictionary (object).");
                    return null;
                }
                return any.DeepClone();
            default:
                return null;
        }
    }

    private static void ValidateText(ShapeField field, string s, string name, Validator v)
    {
        if (s.Length == 0)
        {
            if (field.Required)
                v.Add(name, ZgwCodes.Blank, "Dit veld mag niet leeg zijn.");
            return;
        }
        if (field.MaxLength > 0)
            v.MaxLength(name, s, field.MaxLength);
        if (field.Choices is not null)
            v.OneOf(name, s, field.Choices);
        if (field.Pattern is not null && !field.Pattern.IsMatch(s))
            v.Add(name, ZgwCodes.Invalid, $"Deze waarde voldoet niet aan het patroon {field.Pattern}.");
        if (field.Email && !IsEmail(s))
            v.Add(name, ZgwCodes.Invalid, "Voer een geldig e-mailadres in.");
    }

    private static bool IsEmail(string s) =>
        MailAddress.TryCreate(s, out var address) && address.Address == s && s.Contains('.', StringComparison.Ordinal);

    // Field builders, so the tables read like the OAS.

    public static ShapeField Text(string name, int maxLength, bool required = false) =>
        new(name, ShapeKind.Text) { MaxLength = maxLength, Required = required };

    public static ShapeField Choice(string name, IReadOnlyCollection<string> choices, bool required = false, int maxLength = 0) =>
        new(name, ShapeKind.Text) { Choices = choices, Required = required, MaxLength = maxLength };

    public static ShapeField Integer(string name, int minimum, int maximum, bool required = false) =>
        new(name, ShapeKind.Integer) { Minimum = minimum, Maximum = maximum, Required = required };

    public static ShapeField Group(string name, GegevensShape nested, bool required = false) =>
        new(name, ShapeKind.Object) { Nested = nested, Required = required };

    public static ShapeField TextList(string name, int itemMaxLength) =>
        new(name, ShapeKind.TextArray) { MaxLength = itemMaxLength };

    public static ShapeField AnyObject(string name, bool required = false) =>
        new(name, ShapeKind.AnyObject) { Required = required };
}
