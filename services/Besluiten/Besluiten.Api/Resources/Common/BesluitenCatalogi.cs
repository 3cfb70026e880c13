using System.Text.Json;
using Zgw.Api.Problems;
using Zgw.Api.References;
using static Zgw.Api.References.JsonFields;

namespace Besluiten.Api.Resources.Common;

/// <summary>A Catalogi BESLUITTYPE as the Besluiten rules read it.</summary>
public sealed record Besluittype(string Url, bool Concept, string Catalogus, IReadOnlyList<string> Informatieobjecttypen);

/// <summary>
/// Reads the objects besluiten refer to — Catalogi besluittypen and zaaktypen, zaken of a Zaken API, documents of a
/// Documenten API — through the shared <see cref="UrlResolver"/> (cached, with timeouts, retries and circuit breaking per
/// host; a URL that does not resolve is a 400 on the field, G2).
/// </summary>
public sealed class BesluitenCatalogi(UrlResolver resolver)
{
    /// <summary>What makes a Catalogi object a besluittype (a zaaktype has informatieobjecttypen but no besluitcategorie).</summary>
    private static readonly string[] BesluittypeFields = ["url", "besluitcategorie", "informatieobjecttypen"];
    private static readonly string[] ZaakFields = ["url", "zaaktype", "bronorganisatie"];
    private static readonly string[] ZaaktypeFields = ["url", "besluittypen"];
    private static readonly string[] DocumentFields = ["url", "informatieobjecttype"];

    /// <summary>
    /// brc-001 (B1): <paramref name="url"/> must resolve to a BESLUITTYPE (else 400 <c>bad-url</c> / <c>invalid-resource</c>);
    /// with <paramref name="mustBePublished"/> it must be published (<c>concept=false</c>), else 400 <c>not-published</c>.
    /// </summary>
    public async Task<Besluittype> BesluittypeAsync(string field, string url, bool mustBePublished, CancellationToken ct)
    {
        var json = await resolver.ResolveAsync(field, url, BesluittypeFields, ct);
        var type = new Besluittype(
            url,
            json.TryGetProperty("concept", out var concept) && concept.ValueKind == JsonValueKind.True,
            Text(json, "catalogus") ?? "",
            Strings(json, "informatieobjecttypen"));
        if (mustBePublished && type.Concept)
            throw ZgwException.Validation(field, BesluitenCodes.NotPublished, "Het BESLUITTYPE is nog niet gepubliceerd.");
        return type;
    }

    /// <summary>B3: <c>zaak</c> must resolve to a ZAAK (a JSON object with url, zaaktype and bronorganisatie); its zaaktype URL.</summary>
    public async Task<string> ZaaktypeOfZaakAsync(string field, string zaak, CancellationToken ct)
    {
        var json = await resolver.ResolveAsync(field, zaak, ZaakFields, ct);
        return Text(json, "zaaktype") is { Length: > 0 } zaaktype
            ? zaaktype
            : throw ZgwException.Validation(field, ZgwCodes.InvalidResource, "De zaak heeft geen zaaktype.");
    }

    /// <summary>The besluittypen of a zaaktype (brc-007).</summary>
    public async Task<IReadOnlyList<string>> BesluittypenOfZaaktypeAsync(string field, string zaaktype, CancellationToken ct) =>
        Strings(await resolver.ResolveAsync(field, zaaktype, ZaaktypeFields, ct), "besluittypen");

    /// <summary>brc-003: <c>informatieobject</c> must resolve to a document of a Documenten API; its informatieobjecttype (brc-008).</summary>
    public async Task<string> InformatieobjecttypeOfDocumentAsync(string field, string informatieobject, CancellationToken ct)
    {
        var json = await resolver.ResolveAsync(field, informatieobject, DocumentFields, ct);
        return Text(json, "informatieobjecttype") ?? "";
    }
}
