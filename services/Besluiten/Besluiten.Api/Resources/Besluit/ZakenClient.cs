using System.Net;
using System.Text.Json.Nodes;
using Zgw.Api.References;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluit;

/// <summary>
/// The calls of brc-006 to the Zaken API that serves a zaak: create, find and delete the zaakbesluit
/// (<c>{zaak}/besluiten</c>) that mirrors a besluit with that zaak. Never throws for a failing sibling.
/// </summary>
public sealed class ZakenClient(SiblingJson sibling)
{
    private const string Api = "Zaken API";

    /// <summary>POST {zaak}/besluiten; a 400 because the relation already exists counts as done (idempotent retry).</summary>
    public async Task<MirrorOutcome> CreateAsync(string zaak, string besluit, CancellationToken ct)
    {
        var result = await sibling.SendAsync(Api, HttpMethod.Post, $"{zaak.TrimEnd('/')}/besluiten", new JsonObject { ["besluit"] = besluit }, ct);
        if (result.Is(HttpStatusCode.Created, HttpStatusCode.OK))
            return MirrorOutcome.Success(SiblingJson.UrlOf(result.Body));
        if (result.Is(HttpStatusCode.BadRequest))
        {
            var existing = await FindAsync(zaak, besluit, ct);
            if (existing is { Ok: true, Url: not null })
                return existing;
        }
        return MirrorOutcome.Failure(result.Reason);
    }

    /// <summary>GET {zaak}/besluiten: the zaakbesluit of <paramref name="besluit"/> (null when there is none) or a failure.</summary>
    public async Task<MirrorOutcome> FindAsync(string zaak, string besluit, CancellationToken ct)
    {
        var result = await sibling.SendAsync(Api, HttpMethod.Get, $"{zaak.TrimEnd('/')}/besluiten", null, ct);
        if (!result.Is(HttpStatusCode.OK))
            return MirrorOutcome.Failure(result.Reason);
        var match = SiblingJson.Items(result.Body).FirstOrDefault(o => SiblingJson.Text(o, "besluit") == besluit);
        return MirrorOutcome.Success(match is null ? null : SiblingJson.UrlOf(match));
    }

    /// <summary>Deletes the zaakbesluit (looked up first when its URL is not known); a 404 means it is gone already.</summary>
    public async Task<MirrorOutcome> RemoveAsync(string? zaakbesluit, string zaak, string besluit, CancellationToken ct)
    {
        if (zaakbesluit is null)
        {
            var found = await FindAsync(zaak, besluit, ct);
            if (!found.Ok || found.Url is null)
                return found;
            zaakbesluit = found.Url;
        }
        var result = await sibling.SendAsync(Api, HttpMethod.Delete, zaakbesluit, null, ct);
        return result.Is(HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.NotFound)
            ? MirrorOutcome.Success(null)
            : MirrorOutcome.Failure(result.Reason);
    }
}
