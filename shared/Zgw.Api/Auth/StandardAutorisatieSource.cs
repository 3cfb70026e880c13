using System.Text.Json;
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
public sealed class StandardAutorisatieSource(ConfigurationAutorisatieSource configured, AutorisatiesLookup autorisaties,
    AutorisatieCache cache) : IAutorisatieSource
{
    public async ValueTask<ClientRegistration?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await configured.FindAsync(clientId, cancellationToken) is not { } client)
            return null; // without a configured secret no token of this client can be verified
        if (client.Applicatie.HeeftAlleAutorisaties || client.Applicatie.Autorisaties.Count > 0)
            return client;
        return await cache.GetOrLoadAsync(clientId, () => LoadAsync(client, cancellationToken));
    }

    /// <summary>No applicatie at the vendor (404) leaves a valid token without autorisaties (403 on every call).</summary>
    private async ValueTask<ClientRegistration?> LoadAsync(ClientRegistration client, CancellationToken cancellationToken)
    {
        var body = await autorisaties.GetAsync<JsonElement>(
            $"{ZgwComponent.Autorisaties.ApiPath}/applicaties/consumer?clientId={Uri.EscapeDataString(client.ClientId)}", cancellationToken);
        return ReadApplicatie(body) is { } applicatie ? client with { Applicatie = applicatie } : client;
    }

    /// <summary>The OAS declares an array of applicaties; the reference implementation answers one object. Both are read.</summary>
    private static Applicatie? ReadApplicatie(JsonElement body)
    {
        var element = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().FirstOrDefault() : body;
        return element.ValueKind == JsonValueKind.Object ? element.Deserialize<Applicatie>(ZgwJson.Options) : null;
    }
}
