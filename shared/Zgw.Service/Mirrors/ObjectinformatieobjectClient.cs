using System.Net;
using System.Text.Json.Nodes;
using Zgw.Api.References;

namespace Zgw.Service.Mirrors;

/// <summary>
/// The calls of zrc-005 and brc-005 to the Documenten API that serves a document: create, find and delete the
/// <c>objectinformatieobject</c> that mirrors a zaakinformatieobject or besluitinformatieobject. The Documenten root is
/// derived from the informatieobject URL (everything before <c>/enkelvoudiginformatieobjecten/</c>). Never throws for a
/// failing sibling: the outcome carries the reason.
/// </summary>
public sealed class ObjectinformatieobjectClient(SiblingJson sibling)
{
    private const string Api = "Documenten API";
    private const string DocumentSegment = "/enkelvoudiginformatieobjecten/";
    private const string NoDocument = "Het informatieobject is geen enkelvoudiginformatieobject van een Documenten API.";

    /// <summary>The Documenten API root of a document URL, or null when the URL is not an enkelvoudiginformatieobject.</summary>
    public static string? RootOf(string informatieobject)
    {
        var at = informatieobject.IndexOf(DocumentSegment, StringComparison.Ordinal);
        return at > 0 ? informatieobject[..at] : null;
    }

    /// <summary>
    /// POST objectinformatieobjecten for <paramref name="object"/> of type <paramref name="objectType"/> (zaak, besluit); a 400
    /// because the relation already exists counts as done (idempotent retry).
    /// </summary>
    public async Task<MirrorOutcome> CreateAsync(string informatieobject, string @object, string objectType, CancellationToken ct)
    {
        if (RootOf(informatieobject) is not { } root)
            return MirrorOutcome.Failure(NoDocument);
        var body = new JsonObject { ["informatieobject"] = informatieobject, ["object"] = @object, ["objectType"] = objectType };
        var result = await sibling.SendAsync(Api, HttpMethod.Post, $"{root}/objectinformatieobjecten", body, ct);
        if (result.Is(HttpStatusCode.Created, HttpStatusCode.OK))
            return MirrorOutcome.Success(SiblingJson.UrlOf(result.Body));
        if (result.Is(HttpStatusCode.BadRequest))
        {
            var existing = await FindAsync(informatieobject, @object, ct);
            if (existing is { Ok: true, Url: not null })
                return existing;
        }
        return MirrorOutcome.Failure(result.Reason);
    }

    /// <summary>GET objectinformatieobjecten?object=…&amp;informatieobject=…: the OIO URL (null when there is none) or a failure.</summary>
    public async Task<MirrorOutcome> FindAsync(string informatieobject, string @object, CancellationToken ct)
    {
        if (RootOf(informatieobject) is not { } root)
            return MirrorOutcome.Failure(NoDocument);
        var url = $"{root}/objectinformatieobjecten?object={Uri.EscapeDataString(@object)}&informatieobject={Uri.EscapeDataString(informatieobject)}";
        var result = await sibling.SendAsync(Api, HttpMethod.Get, url, null, ct);
        if (!result.Is(HttpStatusCode.OK))
            return MirrorOutcome.Failure(result.Reason);
        var match = SiblingJson.Items(result.Body).FirstOrDefault(o =>
            SiblingJson.Text(o, "object") == @object && SiblingJson.Text(o, "informatieobject") == informatieobject);
        return MirrorOutcome.Success(match is null ? null : SiblingJson.UrlOf(match));
    }

    /// <summary>DELETE the OIO; a 404 means it is gone already.</summary>
    public async Task<MirrorOutcome> DeleteAsync(string oio, CancellationToken ct)
    {
        var result = await sibling.SendAsync(Api, HttpMethod.Delete, oio, null, ct);
        return result.Is(HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.NotFound)
            ? MirrorOutcome.Success(null)
            : MirrorOutcome.Failure(result.Reason);
    }

    /// <summary>Deletes the OIO of a relation, looking it up first when its URL is not known.</summary>
    public async Task<MirrorOutcome> RemoveAsync(string? oio, string informatieobject, string @object, CancellationToken ct)
    {
        if (oio is null)
        {
            var found = await FindAsync(informatieobject, @object, ct);
            if (!found.Ok || found.Url is null)
                return found;
            oio = found.Url;
        }
        return await DeleteAsync(oio, ct);
    }
}
