using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Zgw.Api.References;

public sealed class UrlResolverOptions
{
    public const string Section = "Zgw:References";

    /// <summary>Hosts (<c>host</c> or <c>host:port</c>) outside our own public base that may be fetched.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long a fetched object is reused. Default 5 minutes.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest response accepted, in bytes. Default 2 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Whether <paramref name="uri"/>'s host (or host:port) is in <see cref="AllowedHosts"/>.</summary>
    public bool Allows(Uri uri) =>
        AllowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase) || AllowedHosts.Contains(uri.Authority, StringComparer.OrdinalIgnoreCase);
}

/// <summary>This service's own client identity for calls to siblings (ARCHITECTURE §11.3).</summary>
public sealed class ServiceIdentityOptions
{
    public const string Section = "Zgw:ServiceIdentity";
    public string? ClientId { get; set; }
    public string? Secret { get; set; }
}

/// <summary>
/// Turns a URL reference (<c>zaak.zaaktype</c>) into the object behind it (ZGW G2). URLs under our own
/// public base are fetched from the owning service's internal address (no hairpin through the gateway);
/// other hosts only when allow-listed. Calls carry this service's token, are cached, and have per-host
/// timeouts, retries and circuit breaking. A reference that cannot be used is a 400 naming the field
/// (<c>bad-url</c>, <c>invalid-resource</c>), never a 500.
/// </summary>
public sealed class UrlResolver(
    IHttpClientFactory httpClients,
    IMemoryCache cache,
    SiblingCalls siblings,
    IOptions<UrlResolverOptions> options,
    ILogger<UrlResolver> logger)
{
    public const string HttpClientName = "zgw-references";

    /// <summary>
    /// Fetches <paramref name="url"/> and checks that it is a JSON object with every property in
    /// <paramref name="requiredProperties"/>. <paramref name="field"/> names the field in errors.
    /// </summary>
    public async Task<JsonElement> ResolveAsync(string field, string url, IReadOnlyCollection<string> requiredProperties,
        CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw ZgwException.Validation(field, ZgwCodes.BadUrl, "Voer een geldige URL in.");

        if (!cache.TryGetValue(url, out JsonElement resource))
        {
            var target = Target(field, uri);
            resource = await FetchAsync(field, target, cancellationToken);
            cache.Set(url, resource, options.Value.CacheDuration);
        }

        if (resource.ValueKind != JsonValueKind.Object)
            throw ZgwException.Validation(field, ZgwCodes.InvalidResource, "De URL verwijst niet naar een object van het juiste type.");
        var missing = requiredProperties.Where(p => !resource.TryGetProperty(p, out _)).ToList();
        if (missing.Count > 0)
            throw ZgwException.Validation(field, ZgwCodes.InvalidResource,
                $"De URL verwijst niet naar een object van het juiste type (ontbrekend: {string.Join(", ", missing)}).");
        return resource;
    }

    /// <summary>Drops a cached object, e.g. when a notification says it changed.</summary>
    public void Invalidate(string url) => cache.Remove(url);

    private Uri Target(string field, Uri uri)
    {
        if (siblings.ToInternal(uri) is { } own)
            return own;
        if (options.Value.Allows(uri))
            return uri;
        throw ZgwException.Validation(field, ZgwCodes.BadUrl, $"De host {uri.Authority} staat niet in de lijst van toegestane API's.");
    }

    private async Task<JsonElement> FetchAsync(string field, Uri target, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("Accept-Crs", "EPSG:4326");
        siblings.Authorize(request);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw ZgwException.Validation(field, ZgwCodes.BadUrl, $"De URL {target.AbsolutePath} gaf HTTP {(int)response.StatusCode}.");
            if (response.Content.Headers.ContentLength > options.Value.MaxResponseBytes)
                throw ZgwException.Validation(field, ZgwCodes.InvalidResource, "Het antwoord van de URL is te groot.");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ZgwException.Validation(field, ZgwCodes.InvalidResource, "De URL gaf geen JSON.");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                       or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reference {Field} at {Host} could not be fetched: {Error}", field, target.Authority, e.Message);
            throw ZgwException.Validation(field, ZgwCodes.BadUrl, "De URL kon niet worden opgehaald.");
        }
    }
}
