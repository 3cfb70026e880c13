using Zgw.ServiceDefaults;

namespace Gateway.Scopes;

/// <summary>
/// One operation behind the gateway: method, public path template (<c>/zaken/api/v1/zaken/{uuid}</c>), the key of
/// the component that serves it and the scopes that give access to it (any one suffices). An operation without
/// scopes needs no token (only the OAS documents, <see cref="RouteScopeTable.OpenDocuments"/>).
/// </summary>
public sealed record RouteScope(string Method, string Path, string Component, IReadOnlyList<string> Scopes)
{
    /// <summary>The Autorisaties component code (<c>zrc</c>, <c>ztc</c>, ...) scopes are checked against.</summary>
    public string ComponentCode { get; } = ZgwComponent.FindByKey(Component)?.Code
        ?? throw new ArgumentException($"Unknown component '{Component}'.", nameof(Component));

    public bool IsOpen => Scopes.Count == 0;
}

public static partial class RouteScopeTable
{
    /// <summary>
    /// The component's own OAS document, readable without a token (ZGW G5), at the paths the reference
    /// implementations use, and its Swagger UI (<c>/schema/</c> with its static files).
    /// </summary>
    public static IReadOnlyList<RouteScope> OpenDocuments { get; } =
        ZgwComponent.All.SelectMany(c => new[] { "/schema/openapi.json", "/schema/openapi.yaml", "/openapi.json", "/schema", "/schema/{asset}" }
            .Select(path => new RouteScope("GET", c.ApiPath + path, c.Key, []))).ToList();

    /// <summary>Every route the gateway forwards under <c>/{component}/api/v1</c>.</summary>
    public static IEnumerable<RouteScope> All => Operations.Concat(OpenDocuments);
}
