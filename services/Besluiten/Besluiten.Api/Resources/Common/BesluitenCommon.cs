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
        services.AddSingleton<SiblingJson>();
        SiblingJson.Register(services);
        return services;
    }
}
