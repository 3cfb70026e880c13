using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.Api.References;
using Zgw.ServiceDefaults;

namespace Zgw.Api.Auth;

public sealed class AutorisatieCacheOptions
{
    public const string Section = "Zgw:Autorisaties";

    /// <summary>How long a client's applicatie and secrets are reused without a change event (safety net). Default 60 s.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long "unknown client" is remembered. Default 5 s.</summary>
    public TimeSpan NegativeCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Where clients come from besides configuration: <see cref="AutorisatieSourceKind.Internal"/> (default) our
    /// Autorisaties service, <see cref="AutorisatieSourceKind.Standard"/> a vendor's (<see cref="StandardAutorisatieSource"/>).
    /// </summary>
    public AutorisatieSourceKind Source { get; set; } = AutorisatieSourceKind.Internal;
}

public enum AutorisatieSourceKind
{
    /// <summary>Secrets and applicatie from our Autorisaties service's internal client endpoint (ARCHITECTURE §11.1).</summary>
    Internal,

    /// <summary>Secrets from configuration, applicaties from a vendor's standard Autorisaties API.</summary>
    Standard,
}

/// <summary>
/// The per-process cache of client registrations. Dropped per client id when the Autorisaties service
/// announces a change (bus event), and expiring after a short TTL as a safety net (ARCHITECTURE §4, §11.1).
/// </summary>
public sealed class AutorisatieCache(IMemoryCache cache, IOptions<AutorisatieCacheOptions> options)
{
    private CancellationTokenSource _all = new();

    private readonly ConcurrentDictionary<string, Lazy<Task<ClientRegistration?>>> _loading = new(StringComparer.Ordinal);

    /// <summary>
    /// The cached registration, or one load for all concurrent callers (a burst of requests of one client, or
    /// of made-up client ids, costs one lookup each, not one per request).
    /// </summary>
    public async ValueTask<ClientRegistration?> GetOrLoadAsync(string clientId, Func<ValueTask<ClientRegistration?>> load)
    {
        var key = "zgw-client:" + clientId;
        if (cache.TryGetValue(key, out ClientRegistration? cached))
            return cached;
        var token = _all.Token;
        var loading = _loading.GetOrAdd(clientId, _ => new Lazy<Task<ClientRegistration?>>(() => load().AsTask()));
        try
        {
            var loaded = await loading.Value;
            using var entry = cache.CreateEntry(key);
            entry.Value = loaded;
            entry.AbsoluteExpirationRelativeToNow = loaded is null ? options.Value.NegativeCacheDuration : options.Value.CacheDuration;
            entry.AddExpirationToken(new CancellationChangeToken(token));
            return loaded;
        }
        finally
        {
            _loading.TryRemove(KeyValuePair.Create(clientId, loading));
        }
    }

    public void Invalidate(IEnumerable<string> clientIds)
    {
        foreach (var clientId in clientIds)
            cache.Remove("zgw-client:" + clientId);
    }

    public void InvalidateAll()
    {
        var old = Interlocked.Exchange(ref _all, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    private sealed class CancellationChangeToken(CancellationToken token) : Microsoft.Extensions.Primitives.IChangeToken
    {
        public bool HasChanged => token.IsCancellationRequested;
        public bool ActiveChangeCallbacks => true;
        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => token.Register(callback, state);
    }
}

/// <summary>Asks the sources in order; the first that knows the client answers.</summary>
public sealed class CompositeAutorisatieSource(IReadOnlyList<IAutorisatieSource> sources) : IAutorisatieSource
{
    public async ValueTask<ClientRegistration?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
            if (await source.FindAsync(clientId, cancellationToken) is { } found)
                return found;
        return null;
    }
}

/// <summary>
/// One GET to the Autorisaties API of the suite (<c>Zgw:Services:autorisaties:InternalUrl</c>) with this process's service
/// token (<see cref="SiblingCalls"/>), for the client lookups of <see cref="RemoteAutorisatieSource"/> and
/// <see cref="StandardAutorisatieSource"/>: 404 is "not there" (null), anything else that fails is 503
/// <c>autorisaties_unavailable</c> for the caller whose token could not be checked.
/// </summary>
public sealed class AutorisatiesLookup(IHttpClientFactory httpClients, IOptions<ZgwOptions> zgw, SiblingCalls siblings,
    ILogger<AutorisatiesLookup> logger)
{
    public const string HttpClientName = "zgw-autorisaties";

    /// <summary>The JSON answer of <paramref name="path"/> (below the service's root), or null on 404.</summary>
    public async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        var baseUrl = zgw.Value.Services.GetValueOrDefault(ZgwComponent.Autorisaties.Key)?.InternalUrl?.TrimEnd('/')
            ?? throw new InvalidOperationException("Zgw:Services:autorisaties:InternalUrl is not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + path);
        request.Headers.Accept.ParseAdd("application/json");
        siblings.Authorize(request);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return default;
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<T>(ZgwJson.Options, cancellationToken)
                ?? throw new InvalidOperationException("empty answer");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Autorisaties API {Url} unusable for a client lookup: {Error}", request.RequestUri, e.Message);
            throw Unavailable();
        }
    }

    public static ZgwException Unavailable() => new(503, "autorisaties_unavailable", "Autorisaties niet bereikbaar.",
        "De autorisaties van deze client konden niet worden opgehaald; probeer het later opnieuw.");
}

/// <summary>
/// Reads a client's applicatie and secrets from the Autorisaties service's internal endpoint
/// (<c>GET /autorisaties/internal/v1/clients/{clientId}</c>), authenticated with this process's service
/// identity, through the <see cref="AutorisatieCache"/> (ARCHITECTURE §11.1). Tokens are then verified locally.
/// </summary>
public sealed class RemoteAutorisatieSource(AutorisatiesLookup autorisaties, AutorisatieCache cache) : IAutorisatieSource
{
    public ValueTask<ClientRegistration?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(clientId, () => LoadAsync(clientId, cancellationToken));

    private async ValueTask<ClientRegistration?> LoadAsync(string clientId, CancellationToken cancellationToken)
    {
        var body = await autorisaties.GetAsync<ClientMaterial>($"/autorisaties/internal/v1/clients/{Uri.EscapeDataString(clientId)}", cancellationToken);
        if (body is null)
            return null;
        if (body.ClientId is null || body.Secrets is null)
            throw AutorisatiesLookup.Unavailable(); // incomplete client material
        return body.ToRegistration();
    }
}

/// <summary>The internal endpoint's answer: a client's secrets (base64) and its applicatie, if any.</summary>
public sealed record ClientMaterial(
    string ClientId,
    IReadOnlyList<string> Secrets,
    ClientMaterial.ApplicatieMaterial? Applicatie)
{
    public sealed record ApplicatieMaterial(string? Url, IReadOnlyList<string> ClientIds, string Label, bool HeeftAlleAutorisaties,
        IReadOnlyList<Autorisatie> Autorisaties);

    [JsonIgnore]
    public bool IsEmpty => Secrets.Count == 0 && Applicatie is null;

    public ClientRegistration ToRegistration()
    {
        var applicatie = Applicatie is null
            ? new Auth.Applicatie(null, [ClientId], ClientId, false, [])
            : new Auth.Applicatie(Applicatie.Url, Applicatie.ClientIds, Applicatie.Label, Applicatie.HeeftAlleAutorisaties, Applicatie.Autorisaties);
        return new ClientRegistration(ClientId, Secrets.Select(Convert.FromBase64String).ToList(), applicatie);
    }
}
