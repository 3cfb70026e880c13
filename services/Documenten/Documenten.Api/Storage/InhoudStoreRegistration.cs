namespace Documenten.Api.Storage;

public static class InhoudStoreRegistration
{
    /// <summary>The content store: the filesystem implementation (<see cref="FileSystemInhoudStore"/>).</summary>
    public static IServiceCollection AddInhoudStore(this IServiceCollection services)
    {
        services.AddSingleton<IInhoudStore, FileSystemInhoudStore>();
        return services;
    }
}
