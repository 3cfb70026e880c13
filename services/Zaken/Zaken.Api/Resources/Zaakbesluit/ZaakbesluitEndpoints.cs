namespace Zaken.Api.Resources.Zaakbesluit;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class ZaakbesluitEndpoints
{
    public static IServiceCollection AddZaakbesluitResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakbesluitEndpoints(this WebApplication app) => app;
}
