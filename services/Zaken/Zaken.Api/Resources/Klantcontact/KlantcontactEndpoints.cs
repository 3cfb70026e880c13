namespace Zaken.Api.Resources.Klantcontact;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class KlantcontactEndpoints
{
    public static IServiceCollection AddKlantcontactResource(this IServiceCollection services) => services;

    public static WebApplication MapKlantcontactEndpoints(this WebApplication app) => app;
}
