using Documenten.Api.Storage;

namespace Documenten.Api.Resources.Common;

public static class DocumentenCommon
{
    /// <summary>The pieces every Documenten resource shares: URLs, Catalogi lookups, audit + notification, expand, the content store.</summary>
    public static IServiceCollection AddDocumentenCommon(this IServiceCollection services)
    {
        services.AddSingleton<DocumentenUrls>();
        services.AddSingleton<DocumentenCatalogi>();
        services.AddSingleton<DocumentEvents>();
        services.AddSingleton<DocumentExpander>();
        services.AddInhoudStore();
        return services;
    }
}
