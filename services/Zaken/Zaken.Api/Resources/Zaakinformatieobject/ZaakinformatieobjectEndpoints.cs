namespace Zaken.Api.Resources.Zaakinformatieobject;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class ZaakinformatieobjectEndpoints
{
    public static IServiceCollection AddZaakinformatieobjectResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakinformatieobjectEndpoints(this WebApplication app) => app;
}
