using YamlDotNet.Serialization;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Rol;
using Zaken.Api.Resources.Zaakobject;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>
/// The gegevensgroep tables of rol and zaakobject (<see cref="BetrokkeneShapes"/>, <see cref="ObjectShapes"/>) are the
/// OAS schemas: checked attribute by attribute (names, types, max lengths, required, enums, patterns, nested groups,
/// discriminator mappings) against the official Zaken API 1.5.1 document the service serves (openapi.yaml).
/// </summary>
public sealed class RolAndZaakobjectShapeTests
{
    private static readonly Lazy<Dictionary<object, object>> Schemas = new(() =>
    {
        var path = Path.Combine(TestInfrastructure.RepositoryRoot(), "services", "Zaken", "Zaken.Api", "openapi.yaml");
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));
        return (Dictionary<object, object>)((Dictionary<object, object>)document["components"])["schemas"];
    });

    private static Dictionary<object, object> Schema(string name) => (Dictionary<object, object>)Schemas.Value[name];

    private static string RefName(object reference) => ((string)reference).Split('/')[^1];

    /// <summary>The <c>$ref</c> inside <c>allOf</c>/<c>oneOf</c> of a property (the first non-blank one), or null.</summary>
    private static string? Ref(Dictionary<object, object> property)
    {
        foreach (var key in new[] { "allOf", "oneOf" })
        {
            if (property.TryGetValue(key, out var list))
                return ((List<object>)list).Cast<Dictionary<object, object>>().Select(e => RefName(e["$ref"])).First(n => n != "BlankEnum");
        }
        return null;
    }

    private static List<string> Enum(string schema) => ((List<object>)Schema(schema)["enum"]).Cast<string>().ToList();

    private static void AssertShape(GegevensShape shape, string schemaName)
    {
        Assert.Equal(schemaName, shape.Schema);
        var schema = Schema(schemaName);
        var properties = (Dictionary<object, object>)schema["properties"];
        var required = schema.TryGetValue("required", out var r) ? ((List<object>)r).Cast<string>().ToHashSet() : [];
        Assert.Equal(properties.Keys.Cast<string>().Order(), shape.Fields.Select(f => f.Name).Order());
        foreach (var field in shape.Fields)
        {
            var where = $"{schemaName}.{field.Name}";
            var property = (Dictionary<object, object>)properties[field.Name];
            Assert.True(required.Contains(field.Name) == field.Required, $"{where}: required");
            var reference = Ref(property);
            var type = property.TryGetValue("type", out var t) ? (string)t : null;
            if (reference is not null && Schema(reference).ContainsKey("enum"))
            {
                Assert.True(field.Kind == ShapeKind.Text && field.Choices is not null, $"{where}: enum");
                Assert.Equal(Enum(reference), field.Choices!);
            }
            else if (reference is not null)
            {
                Assert.True(field.Kind == ShapeKind.Object, $"{where}: group");
                AssertShape(field.Nested!, reference);
            }
            else if (type == "string")
            {
                Assert.True(field.Kind == ShapeKind.Text && field.Choices is null, $"{where}: text");
                Assert.Equal(property.TryGetValue("maxLength", out var max) ? int.Parse((string)max) : 0, field.MaxLength);
                Assert.Equal(property.TryGetValue("pattern", out var pattern) ? (string)pattern : null, field.Pattern?.ToString());
                Assert.Equal(property.TryGetValue("format", out var format) && (string)format == "email", field.Email);
            }
            else if (type == "integer")
            {
                Assert.True(field.Kind == ShapeKind.Integer, $"{where}: integer");
                Assert.Equal(int.Parse((string)property["minimum"]), field.Minimum);
                Assert.Equal(int.Parse((string)property["maximum"]), field.Maximum);
            }
            else if (type == "array")
            {
                Assert.True(field.Kind == ShapeKind.TextArray, $"{where}: array");
                Assert.Equal(int.Parse((string)((Dictionary<object, object>)property["items"])["maxLength"]), field.MaxLength);
            }
            else
            {
                Assert.True(type == "object" && field.Kind == ShapeKind.AnyObject, $"{where}: object");
            }
        }
    }

    /// <summary>The schema of the identificatie group a discriminator target adds (<c>x_Rol</c> → <c>RolX</c>), or null when it adds none.</summary>
    private static string? IdentificatieSchema(string target)
    {
        var parts = ((List<object>)Schema(target)["allOf"]).Cast<Dictionary<object, object>>().Select(e => RefName(e["$ref"])).Skip(1).ToList();
        if (parts.Count == 0)
            return null;
        var group = (Dictionary<object, object>)Schema(Assert.Single(parts))["properties"];
        return Ref((Dictionary<object, object>)Assert.Single(group.Values));
    }

    private static Dictionary<string, string> Mapping(string schema) =>
        ((Dictionary<object, object>)((Dictionary<object, object>)Schema(schema)["discriminator"])["mapping"])
        .ToDictionary(e => (string)e.Key, e => RefName(e.Value));

    [Fact]
    public void BetrokkeneShapes_AreTheOasRolSchemas_PerBetrokkeneType()
    {
        Assert.Equal(Enum("BetrokkeneTypeEnum"), BetrokkeneShapes.Types);
        foreach (var (type, target) in Mapping("Rol"))
            AssertShape(BetrokkeneShapes.ByType[type], IdentificatieSchema(target)!);
        AssertShape(RolRequest.ContactpersoonRolShape, "ContactPersoonRol");
    }

    [Fact]
    public void ObjectShapes_AreTheOasObjectSchemas_PerObjectType()
    {
        Assert.Equal(Enum("ObjectTypeEnum"), ObjectShapes.ObjectTypes);
        var mapping = Mapping("ZaakObject");
        Assert.Equal(ObjectShapes.ObjectTypes.Order(), mapping.Keys.Order());
        foreach (var (type, target) in mapping)
        {
            var schema = IdentificatieSchema(target);
            if (schema is null)
                Assert.False(ObjectShapes.ByType.ContainsKey(type), type);
            else
                AssertShape(ObjectShapes.ByType[type], schema);
        }
        AssertShape(ZaakobjectRequest.DefinitieShape, "ObjectTypeOverigeDefinitie");
    }
}
