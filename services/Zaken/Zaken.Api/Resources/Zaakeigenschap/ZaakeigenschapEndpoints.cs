namespace Zaken.Api.Resources.Zaakeigenschap;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class ZaakeigenschapEndpoints
{
    public static IServiceCollection AddZaakeigenschapResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakeigenschapEndpoints(this WebApplication app) => app;
}
