namespace Zaken.Api.Resources.Zaakobject;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class ZaakobjectEndpoints
{
    public static IServiceCollection AddZaakobjectResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakobjectEndpoints(this WebApplication app) => app;
}
