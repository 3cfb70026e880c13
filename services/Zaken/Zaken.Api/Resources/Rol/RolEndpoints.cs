namespace Zaken.Api.Resources.Rol;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class RolEndpoints
{
    public static IServiceCollection AddRolResource(this IServiceCollection services) => services;

    public static WebApplication MapRolEndpoints(this WebApplication app) => app;
}
