namespace Zaken.Api.Resources.Zaakverzoek;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class ZaakverzoekEndpoints
{
    public static IServiceCollection AddZaakverzoekResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakverzoekEndpoints(this WebApplication app) => app;
}
