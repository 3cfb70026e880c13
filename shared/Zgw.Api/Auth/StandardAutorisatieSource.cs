using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.Api.References;
using Zgw.ServiceDefaults;

namespace Zgw.Api.Auth;

/// <summary>
/// Clients of a vendor's Autorisaties API (<c>Zgw:Autorisaties:Source=Standard</c>), which has no endpoint that hands
/// out secrets: the secret comes from configuration (<c>Zgw:Clients</c>, an entry with ClientId and Secret only), the
/// applicatie from the standard <c>GET /autorisaties/api/v1/applicaties/consumer?clientId=…</c> (A-rules: the
/// Autorisaties API is the source of truth for autorisaties), asked with this process's service identity and cached
/// like every client (<see cref="AutorisatieCache"/>; without our bus events only the cache duration ends an entry).
/// A configured client with its own autorisaties or heeftAlleAutorisaties (the service identities) is used as it is.
/// </summary>
public sealed class StandardAutorisatieSource(
    ConfigurationAutorisatieSource configured,
    IHttpClientFactory httpClients,
    AutorisatieCache cache,
    IOptions<ZgwOptions> zgw,
    SiblingCalls siblings,
    ILogger<StandardAutorisatieSource> logger) : IAutorisatieSource
{
    public async ValueTask<ClientRegistration?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await configured.FindAsync(clientId, cancellationToken) is not { } client)
            return null; // without a configured secret no token of this client can be verified
        if (client.Applicatie.HeeftAlleAutorisaties || client.Applicatie.Autorisaties.Count > 0)
            return client;
        return await cache.GetOrLoadAsync(clientId, () => LoadAsync(client, cancellationToken));
    }

    private async ValueTask<ClientRegistration?> LoadAsync(ClientRegistration client, CancellationToken cancellationToken)
    {
        var baseUrl = zgw.Value.Services.GetValueOrDefault(ZgwComponent.Autorisaties.Key)?.InternalUrl?.TrimEnd('/')
            ?? throw new InvalidOperationException("Zgw:Services:autorisaties:InternalUrl is not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{baseUrl}{ZgwComponent.Autorisaties.ApiPath}/applicaties/consumer?clientId={Uri.EscapeDataString(client.ClientId)}");
        request.Headers.Accept.ParseAdd("application/json");
        siblings.Authorize(request);
        try
        {
            using var response = await httpClients.CreateClient(RemoteAutorisatieSource.HttpClientName).SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return client; // a valid token, but no applicatie: no autorisaties (403 on every call)
            response.EnsureSuccessStatusCode();
            var applicatie = ReadApplicatie(await response.Content.ReadFromJsonAsync<JsonElement>(ZgwJson.Options, cancellationToken));
            return applicatie is null ? client : client with { Applicatie = applicatie };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Autorisaties API {Url} unusable for client lookup: {Error}", request.RequestUri, e.Message);
            throw new ZgwException(503, "autorisaties_unavailable", "Autorisaties niet bereikbaar.",
                "De autorisaties van deze client konden niet worden opgehaald; probeer het later opnieuw.");
        }
    }

    /// <summary>The OAS declares an array of applicaties; the reference implementation answers one object. Both are read.</summary>
    private static Applicatie? ReadApplicatie(JsonElement body)
    {
        var element = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().FirstOrDefault() : body;
        return element.ValueKind == JsonValueKind.Object ? element.Deserialize<Applicatie>(ZgwJson.Options) : null;
    }
}
