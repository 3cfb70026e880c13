using System.Text.Json.Nodes;
using Documenten.Api.Resources.Common;
using Zgw.Api.Http;

namespace Documenten.Api.Resources.Objectinformatieobject;

/// <summary>The body of POST <c>/objectinformatieobjecten</c> (OAS <c>ObjectInformatieObjectRequest</c>).</summary>
public sealed record ObjectinformatieobjectRequest(string? Informatieobject, string? Object, string? ObjectType) : IValidatable
{
    /// <summary>OAS <c>ObjectTypeEnum</c> (drc-002).</summary>
    public static readonly string[] ObjectTypes = [ObjectinformatieobjectMapping.Zaak, ObjectinformatieobjectMapping.Besluit, ObjectinformatieobjectMapping.Verzoek];

    public void Validate(Validator v)
    {
        if (v.Required("informatieobject", Informatieobject))
            v.Url("informatieobject", Informatieobject);
        if (v.Required("object", Object))
            v.Url("object", Object);
        if (v.Required("objectType", ObjectType))
            v.OneOf("objectType", ObjectType, ObjectTypes);
    }
}

/// <summary>A stored objectinformatieobject with the uuid of its document.</summary>
public sealed class ObjectinformatieobjectRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long DocumentId { get; init; }
    public Guid DocumentUuid { get; init; }
    public string Object { get; init; } = "";
    public string ObjectType { get; init; } = "";

    /// <summary>OAS <c>ObjectInformatieObject</c>.</summary>
    public JsonObject Render(DocumentenUrls urls) => new()
    {
        ["url"] = urls.Of(ObjectinformatieobjectMapping.Collection, Uuid),
        ["informatieobject"] = urls.Document(DocumentUuid),
        ["object"] = Object,
        ["objectType"] = ObjectType,
    };
}

public static class ObjectinformatieobjectMapping
{
    public const string Collection = "objectinformatieobjecten";
    public const string Resource = "objectinformatieobject";

    public const string Zaak = "zaak";
    public const string Besluit = "besluit";
    public const string Verzoek = "verzoek";
}
