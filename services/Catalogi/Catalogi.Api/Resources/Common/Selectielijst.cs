using System.Text.Json;
using Microsoft.Extensions.Options;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.References;

namespace Catalogi.Api.Resources.Common;

/// <summary>
/// The Selectielijst API (procestypen, resultaten, resultaattypeomschrijvingen) behind <c>Catalogi:SelectielijstApiRoot</c>,
/// fetched through the shared URL resolver (allow-listed hosts, cache, resilience). A URL outside the configured API is
/// <c>bad-url</c>; one that cannot be fetched <c>bad-url</c>; one of the wrong shape <c>invalid-resource</c> (ztc-001, ztc-002).
/// Errors are added to the validator, so they come back together with the others.
/// </summary>
public sealed class Selectielijst(UrlResolver resolver, IOptions<CatalogiOptions> options)
{
    public Task<JsonElement?> ProcestypeAsync(string field, string? url, Validator v, CancellationToken cancellationToken) =>
        ResolveAsync(field, url, "procestypen", ["url", "nummer", "naam"], v, cancellationToken);

    /// <summary>A selectielijstklasse (<c>Resultaat</c>): its <c>procesType</c>, <c>procestermijn</c>, <c>waardering</c>, <c>bewaartermijn</c>.</summary>
    public Task<JsonElement?> ResultaatAsync(string field, string? url, Validator v, CancellationToken cancellationToken) =>
        ResolveAsync(field, url, "resultaten", ["url", "procesType", "procestermijn", "waardering"], v, cancellationToken);

    public Task<JsonElement?> ResultaattypeomschrijvingAsync(string field, string? url, Validator v, CancellationToken cancellationToken) =>
        ResolveAsync(field, url, "resultaattypeomschrijvingen", ["url", "omschrijving"], v, cancellationToken);

    private async Task<JsonElement?> ResolveAsync(string field, string? url, string collection, IReadOnlyCollection<string> properties,
        Validator v, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(url))
            return null;
        var root = options.Value.SelectielijstApiRoot;
        if (!string.IsNullOrEmpty(root) && !url.StartsWith($"{root.TrimEnd('/')}/{collection}/", StringComparison.OrdinalIgnoreCase))
        {
            v.Add(field, ZgwCodes.BadUrl, $"De URL moet verwijzen naar {collection} in de Selectielijst API ({root}).");
            return null;
        }
        try
        {
            return await resolver.ResolveAsync(field, url, properties, cancellationToken);
        }
        catch (ZgwException e) when (e.InvalidParams is { Count: > 0 } invalid)
        {
            foreach (var p in invalid)
                v.Add(p.Name, p.Code, p.Reason);
            return null;
        }
    }

    /// <summary>A string property of a fetched object, or null.</summary>
    public static string? Text(JsonElement? resource, string property) =>
        resource is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : null;
}
