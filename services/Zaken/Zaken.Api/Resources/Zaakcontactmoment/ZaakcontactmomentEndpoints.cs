namespace Zaken.Api.Resources.Zaakcontactmoment;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class ZaakcontactmomentEndpoints
{
    public static IServiceCollection AddZaakcontactmomentResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakcontactmomentEndpoints(this WebApplication app) => app;
}
