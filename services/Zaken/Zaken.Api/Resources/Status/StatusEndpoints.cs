namespace Zaken.Api.Resources.Status;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class StatusEndpoints
{
    public static IServiceCollection AddStatusResource(this IServiceCollection services) => services;

    public static WebApplication MapStatusEndpoints(this WebApplication app) => app;
}
