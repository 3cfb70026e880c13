namespace Zaken.Api.Resources.Common;

public static class ZakenCommon
{
    /// <summary>The pieces every Zaken resource shares: URLs, Catalogi lookups, audit + notification, expand.</summary>
    public static IServiceCollection AddZakenCommon(this IServiceCollection services)
    {
        services.AddSingleton<ZakenUrls>();
        services.AddSingleton<ZaakCatalogi>();
        services.AddSingleton<ZaakEvents>();
        services.AddSingleton<ZaakExpander>();
        return services;
    }
}
