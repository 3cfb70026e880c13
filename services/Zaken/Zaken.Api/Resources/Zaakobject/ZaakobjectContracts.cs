using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Rol;
using Zgw.Api.Http;
using Zgw.ServiceDefaults;
using static Zaken.Api.Resources.Common.GegevensShape;

namespace Zaken.Api.Resources.Zaakobject;

/// <summary>The body of POST/PUT/PATCH <c>/zaakobjecten</c> (OAS <c>ZaakObject</c>, writable fields, with <c>objectIdentificatie</c>).</summary>
public sealed partial record ZaakobjectRequest : IValidatable
{
    /// <summary>OAS <c>ObjectTypeOverigeDefinitie</c>.</summary>
    public static readonly GegevensShape DefinitieShape = new("ObjectTypeOverigeDefinitie",
        Text("url", 1000, required: true),
        Text("schema", 100, required: true),
        Text("objectData", 100, required: true));

    public string? Zaak { get; init; }
    public string? Object { get; init; }
    public string? Zaakobjecttype { get; init; }
    public string? ObjectType { get; init; }
    public string? ObjectTypeOverige { get; init; }
    public JsonNode? ObjectTypeOverigeDefinitie { get; init; }
    public string? Relatieomschrijving { get; init; }
    public JsonNode? ObjectIdentificatie { get; init; }

    public void Validate(Validator v)
    {
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        v.Url("object", Object);
        v.Url("zaakobjecttype", Zaakobjecttype);
        if (v.Required("objectType", ObjectType))
            v.OneOf("objectType", ObjectType, ObjectShapes.ObjectTypes);
        if (!string.IsNullOrEmpty(ObjectTypeOverige))
        {
            v.MaxLength("objectTypeOverige", ObjectTypeOverige, 100);
            if (!OverigePattern().IsMatch(ObjectTypeOverige))
                v.Add("objectTypeOverige", "invalid", "Deze waarde voldoet niet aan het patroon [a-z\\_]+.");
        }
        if (ObjectTypeOverigeDefinitie is not null && DefinitieShape.Validate(ObjectTypeOverigeDefinitie, "objectTypeOverigeDefinitie", v) is { } d)
            v.Url("objectTypeOverigeDefinitie.url", d["url"]?.GetValue<string>());
        v.MaxLength("relatieomschrijving", Relatieomschrijving, 80);
        if (ObjectIdentificatie is not null && IdentificatieShape is { } shape)
            shape.Validate(ObjectIdentificatie, "objectIdentificatie", v);
        ZaakobjectRules.ObjectTypeOverige_AlleenBijOverige(this, v);
        ZaakobjectRules.ObjectTypeOverigeDefinitie_VereistObject(this, v);
    }

    /// <summary>The shape of <c>objectIdentificatie</c> for this <c>objectType</c> (null for besluit, enkelvoudig_document, status).</summary>
    public GegevensShape? IdentificatieShape => ObjectShapes.ByType.GetValueOrDefault(ObjectType ?? "");

    /// <summary><c>objectIdentificatie</c> reduced to its shape; null when not sent or the type has none.</summary>
    public JsonObject? NormalizedIdentificatie() =>
        ObjectIdentificatie is JsonObject o && IdentificatieShape is { } shape ? shape.Normalize(o) : null;

    [GeneratedRegex("[a-z_]+")]
    private static partial Regex OverigePattern();
}

/// <summary>A stored zaakobject with its zaak's uuid.</summary>
public sealed class ZaakobjectRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long ZaakId { get; init; }
    public Guid ZaakUuid { get; init; }
    public string Object { get; init; } = "";
    public string ObjectType { get; init; } = "";
    public string Zaakobjecttype { get; init; } = "";
    public string Gegevens { get; init; } = "{}";

    private JsonObject Stored => JsonNode.Parse(Gegevens) as JsonObject ?? [];

    /// <summary>The OAS <c>ZaakObject</c> (with the <c>objectIdentificatie</c> of its <c>objectType</c>).</summary>
    public JsonObject Render(ZakenUrls urls)
    {
        var g = Stored;
        var json = new JsonObject
        {
            ["url"] = urls.Of("zaakobjecten", Uuid),
            ["uuid"] = Uuid.ToString(),
            ["zaak"] = urls.Zaak(ZaakUuid),
            ["object"] = Object,
            ["zaakobjecttype"] = Zaakobjecttype,
            ["objectType"] = ObjectType,
            ["objectTypeOverige"] = g["objectTypeOverige"]?.DeepClone() ?? "",
            ["objectTypeOverigeDefinitie"] = g["objectTypeOverigeDefinitie"]?.DeepClone(),
            ["relatieomschrijving"] = g["relatieomschrijving"]?.DeepClone() ?? "",
        };
        if (ObjectShapes.ByType.TryGetValue(ObjectType, out var shape))
            json["objectIdentificatie"] = g["objectIdentificatie"] is JsonObject identificatie ? shape.Render(identificatie) : null;
        return json;
    }

    /// <summary>The stored object in request shape, the base of a PATCH.</summary>
    public ZaakobjectRequest ToRequest(ZakenUrls urls)
    {
        var g = Stored;
        return new ZaakobjectRequest
        {
            Zaak = urls.Zaak(ZaakUuid),
            Object = Object,
            Zaakobjecttype = Zaakobjecttype,
            ObjectType = ObjectType,
            ObjectTypeOverige = g["objectTypeOverige"]?.GetValue<string>() ?? "",
            ObjectTypeOverigeDefinitie = g["objectTypeOverigeDefinitie"]?.DeepClone(),
            Relatieomschrijving = g["relatieomschrijving"]?.GetValue<string>() ?? "",
            ObjectIdentificatie = g["objectIdentificatie"]?.DeepClone(),
        };
    }

    /// <summary>The stored <c>objectIdentificatie</c> (kept by an update that does not send one, as the reference does).</summary>
    public JsonObject? StoredIdentificatie => Stored["objectIdentificatie"]?.DeepClone() as JsonObject;

    /// <summary>The attributes kept in <c>gegevens</c> (all but the columns).</summary>
    public static string ToGegevens(ZaakobjectRequest r, JsonObject? identificatie) => new JsonObject
    {
        ["objectTypeOverige"] = r.ObjectTypeOverige ?? "",
        ["objectTypeOverigeDefinitie"] = r.ObjectTypeOverigeDefinitie is JsonObject d ? ZaakobjectRequest.DefinitieShape.Normalize(d) : null,
        ["relatieomschrijving"] = r.Relatieomschrijving ?? "",
        ["objectIdentificatie"] = identificatie,
    }.ToJsonString(ZgwJson.Options);
}
