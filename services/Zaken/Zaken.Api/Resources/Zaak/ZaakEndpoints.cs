namespace Zaken.Api.Resources.Zaak;

public static class ZaakEndpoints
{
    public static IServiceCollection AddZaakResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakEndpoints(this WebApplication app) => app;
}
