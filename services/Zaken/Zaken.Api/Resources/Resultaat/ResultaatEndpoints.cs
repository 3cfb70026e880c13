namespace Zaken.Api.Resources.Resultaat;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class ResultaatEndpoints
{
    public static IServiceCollection AddResultaatResource(this IServiceCollection services) => services;

    public static WebApplication MapResultaatEndpoints(this WebApplication app) => app;
}
