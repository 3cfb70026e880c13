using Zgw.Api.References;

namespace Besluiten.Api.Resources.Common;

public static class BesluitenCommon
{
    /// <summary>The pieces every Besluiten resource shares: URLs, lookups in other APIs, audit + notification, expand, sibling calls.</summary>
    public static IServiceCollection AddBesluitenCommon(this IServiceCollection services)
    {
        services.AddSingleton<BesluitenUrls>();
        services.AddSingleton<BesluitenCatalogi>();
        services.AddSingleton<BesluitEvents>();
        services.AddSingleton<BesluitExpander>();
        // the mirror calls to the Zaken and Documenten APIs (brc-005, brc-006), settings Besluiten:Mirror:Resilience
        SiblingJson.Add(services, "besluiten-mirror", "Besluiten:Mirror:Resilience");
        return services;
    }
}
