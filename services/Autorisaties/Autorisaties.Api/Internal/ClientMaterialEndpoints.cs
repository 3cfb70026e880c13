using Autorisaties.Api.Admin;
using Autorisaties.Api.Resources.Applicatie;
using Microsoft.Extensions.Options;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Autorisaties.Api.Internal;

/// <summary>
/// <c>GET /autorisaties/internal/v1/clients/{clientId}</c>: a client's secrets and applicatie, for the token
/// verifiers of the gateway and the services (ARCHITECTURE §11.1). Needs a service token with the non-standard
/// scope <c>autorisaties.credentials.lezen</c>; never routed by the gateway.
/// </summary>
public static class ClientMaterialEndpoints
{
    public static WebApplication MapClientMaterialEndpoints(this WebApplication app)
    {
        app.MapGet("/autorisaties/internal/v1/clients/{clientId}", Get)
            .RequireScopes(ZgwScopes.Ac, AutorisatiesScopes.CredentialsLezen);
        return app;
    }

    private static async Task<IResult> Get(string clientId, ApplicatieRepository applicaties, CredentialRepository credentials,
        IOptions<ZgwOptions> zgw)
    {
        var material = await LoadAsync(clientId, applicaties, credentials, zgw.Value);
        return material.IsEmpty ? throw ZgwException.NotFound() : Results.Ok(material);
    }

    public static async Task<ClientMaterial> LoadAsync(string clientId, ApplicatieRepository applicaties, CredentialRepository credentials, ZgwOptions zgw)
    {
        var secrets = await credentials.GetSecretsAsync(clientId);
        var applicatie = await applicaties.GetByClientIdAsync(clientId);
        return new ClientMaterial(clientId, secrets.Select(Convert.ToBase64String).ToList(), applicatie is null
            ? null
            : new ClientMaterial.ApplicatieMaterial($"{zgw.PublicApiRoot(AutorisatiesService.Component)}/applicaties/{applicatie.Uuid}",
                applicatie.ClientIds, applicatie.Label, applicatie.HeeftAlleAutorisaties, applicatie.Autorisaties));
    }
}

/// <summary>The Autorisaties service verifies tokens from its own database, through the same cache.</summary>
public sealed class DatabaseAutorisatieSource(
    ApplicatieRepository applicaties,
    CredentialRepository credentials,
    AutorisatieCache cache,
    IOptions<ZgwOptions> zgw) : IAutorisatieSource
{
    public ValueTask<ClientRegistration?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(clientId, async () =>
        {
            var material = await ClientMaterialEndpoints.LoadAsync(clientId, applicaties, credentials, zgw.Value);
            return material.IsEmpty ? null : material.ToRegistration();
        });
}
