using System.Text.Json;
using Zgw.Api.Problems;
using Zgw.Api.References;
using static Zgw.Api.References.JsonFields;

namespace Documenten.Api.Resources.Common;

/// <summary>A Catalogi INFORMATIEOBJECTTYPE as the Documenten rules read it.</summary>
public sealed record Informatieobjecttype(string Url, bool Concept, string Vertrouwelijkheidaanduiding, string Catalogus);

/// <summary>
/// Reads the Catalogi types and other objects documents refer to, through the shared <see cref="UrlResolver"/> (cached,
/// with timeouts, retries and circuit breaking per host; a URL that does not resolve is a 400 on the field, G2).
/// </summary>
public sealed class DocumentenCatalogi(UrlResolver resolver)
{
    /// <summary>What makes a Catalogi object an informatieobjecttype (a zaaktype or besluittype lacks informatieobjectcategorie).</summary>
    private static readonly string[] InformatieobjecttypeFields = ["url", "omschrijving", "vertrouwelijkheidaanduiding", "informatieobjectcategorie"];

    /// <summary>
    /// drc-001 (D1): <paramref name="url"/> must resolve to an INFORMATIEOBJECTTYPE (else 400 <c>bad-url</c> /
    /// <c>invalid-resource</c>); with <paramref name="mustBePublished"/> it must be published (<c>concept=false</c>), else
    /// 400 <c>not-published</c>. Codes as Zaken uses them for zaaktype (Z1).
    /// </summary>
    public async Task<Informatieobjecttype> InformatieobjecttypeAsync(string field, string url, bool mustBePublished, CancellationToken ct)
    {
        var json = await resolver.ResolveAsync(field, url, InformatieobjecttypeFields, ct);
        var type = new Informatieobjecttype(
            url,
            json.TryGetProperty("concept", out var concept) && concept.ValueKind == JsonValueKind.True,
            Text(json, "vertrouwelijkheidaanduiding") is { Length: > 0 } v ? v : "openbaar",
            Text(json, "catalogus") ?? "");
        if (mustBePublished && type.Concept)
            throw ZgwException.Validation(field, DocumentenCodes.NotPublished, "Het INFORMATIEOBJECTTYPE is nog niet gepubliceerd.");
        return type;
    }

    /// <summary>Any object behind a URL (zaken, besluiten for objectinformatieobjecten; betrokkenen ...).</summary>
    public Task<JsonElement> ObjectAsync(string field, string url, IReadOnlyCollection<string> requiredProperties, CancellationToken ct) =>
        resolver.ResolveAsync(field, url, requiredProperties, ct);

    /// <summary>Like <see cref="ObjectAsync"/> but never from the cache: for state that changes (relations in the source, D2).</summary>
    public Task<JsonElement> FreshObjectAsync(string field, string url, IReadOnlyCollection<string> requiredProperties, CancellationToken ct)
    {
        resolver.Invalidate(url);
        return resolver.ResolveAsync(field, url, requiredProperties, ct);
    }
}
