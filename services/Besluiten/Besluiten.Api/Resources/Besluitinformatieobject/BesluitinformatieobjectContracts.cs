using System.Text.Json.Nodes;
using Besluiten.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluitinformatieobject;

/// <summary>The body of POST <c>/besluitinformatieobjecten</c> (OAS <c>BesluitInformatieObject</c>).</summary>
public sealed record BesluitinformatieobjectRequest(string? Informatieobject, string? Besluit) : IValidatable
{
    public void Validate(Validator v)
    {
        if (v.Required("informatieobject", Informatieobject))
            v.Url("informatieobject", Informatieobject);
        if (v.Required("besluit", Besluit))
            v.Url("besluit", Besluit);
    }
}

/// <summary>A stored besluitinformatieobject with the uuid and besluittype (its authorisation) of its besluit.</summary>
public sealed class BesluitinformatieobjectRow : IMirroredInformatieobjectRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long BesluitId { get; init; }
    public Guid BesluitUuid { get; init; }
    public string Besluittype { get; init; } = "";
    public string Informatieobject { get; init; } = "";
    public string Mirror { get; init; } = "";
    public string? Oio { get; init; }
    public string? MirrorActor { get; init; }

    /// <summary>The OAS representation (<c>BesluitInformatieObject</c>: url, informatieobject, besluit — B4).</summary>
    public JsonObject ToJson(BesluitenUrls urls) => new()
    {
        ["url"] = urls.Of(BesluitenUrls.Besluitinformatieobjecten, Uuid),
        ["informatieobject"] = Informatieobject,
        ["besluit"] = urls.Besluit(BesluitUuid),
    };
}

public static class BesluitinformatieobjectMapping
{
    public const string Resource = "besluitinformatieobject";
}
