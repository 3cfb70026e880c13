using System.Text.Json;
using Zgw.Api.Problems;
using Zgw.Api.References;
using static Zgw.Api.References.JsonFields;

namespace Zaken.Api.Resources.Common;

/// <summary>A Catalogi ZAAKTYPE as the Zaken rules read it.</summary>
public sealed record Zaaktype(
    string Url,
    bool Concept,
    string Vertrouwelijkheidaanduiding,
    string Catalogus,
    string? Doorlooptijd,
    string? Servicenorm,
    IReadOnlyList<string> Statustypen,
    IReadOnlyList<string> Resultaattypen,
    IReadOnlyList<string> Roltypen,
    IReadOnlyList<string> Eigenschappen,
    IReadOnlyList<string> Informatieobjecttypen,
    IReadOnlyList<string> Deelzaaktypen,
    IReadOnlyList<string> Zaakobjecttypen,
    IReadOnlyList<string> Besluittypen,
    IReadOnlyList<string> ProductenOfDiensten);

/// <summary>
/// Reads the Catalogi types a zaak and its related data refer to, through the <see cref="UrlResolver"/> (cached, with
/// timeouts, retries and circuit breaking per host; a URL that does not resolve is a 400 on the field, G2).
/// </summary>
public sealed class ZaakCatalogi(UrlResolver resolver)
{
    private static readonly string[] ZaaktypeFields = ["url", "statustypen", "resultaattypen", "roltypen", "eigenschappen", "informatieobjecttypen"];

    /// <summary>
    /// zrc-001: <paramref name="url"/> must be a ZAAKTYPE; with <paramref name="mustBePublished"/> it must also be published
    /// (<c>concept=false</c>, OAS POST /zaken), else 400 <c>not-published</c>.
    /// </summary>
    public async Task<Zaaktype> ZaaktypeAsync(string field, string url, bool mustBePublished, CancellationToken ct)
    {
        var json = await resolver.ResolveAsync(field, url, ZaaktypeFields, ct);
        var zaaktype = new Zaaktype(
            url,
            json.TryGetProperty("concept", out var concept) && concept.ValueKind == JsonValueKind.True,
            Text(json, "vertrouwelijkheidaanduiding") ?? "openbaar",
            Text(json, "catalogus") ?? "",
            Text(json, "doorlooptijd"),
            Text(json, "servicenorm"),
            Strings(json, "statustypen"),
            Strings(json, "resultaattypen"),
            Strings(json, "roltypen"),
            Strings(json, "eigenschappen"),
            Strings(json, "informatieobjecttypen"),
            Strings(json, "deelzaaktypen"),
            Strings(json, "zaakobjecttypen"),
            Strings(json, "besluittypen"),
            Strings(json, "productenOfDiensten"));
        if (mustBePublished && zaaktype.Concept)
            throw ZgwException.Validation(field, ZakenCodes.NotPublished, "Het ZAAKTYPE is nog niet gepubliceerd.");
        return zaaktype;
    }

    /// <summary>A Catalogi sub-type (statustype, resultaattype, roltype, eigenschap, zaakobjecttype) with the given properties.</summary>
    public Task<JsonElement> TypeAsync(string field, string url, IReadOnlyCollection<string> requiredProperties, CancellationToken ct) =>
        resolver.ResolveAsync(field, url, requiredProperties, ct);

    /// <summary>Any object behind a URL (documents, besluiten, communicatiekanalen ...).</summary>
    public Task<JsonElement> ObjectAsync(string field, string url, IReadOnlyCollection<string> requiredProperties, CancellationToken ct) =>
        resolver.ResolveAsync(field, url, requiredProperties, ct);

    /// <summary>Like <see cref="ObjectAsync"/> but never from the cache: for checks on state that changes (document status, locks).</summary>
    public Task<JsonElement> FreshObjectAsync(string field, string url, IReadOnlyCollection<string> requiredProperties, CancellationToken ct)
    {
        resolver.Invalidate(url);
        return resolver.ResolveAsync(field, url, requiredProperties, ct);
    }
}
