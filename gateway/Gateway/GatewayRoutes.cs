using Yarp.ReverseProxy.Configuration;
using Zgw.ServiceDefaults;

namespace Gateway;

/// <summary>
/// One route per configured component: <c>/{key}/api/v1/**</c> (e.g. <c>/zaken/api/v1/zaken</c>) goes unchanged
/// to that component's internal address, which serves the same path, after the scope check
/// (<see cref="GatewayPolicyMiddleware"/>). Components without an <c>InternalUrl</c> get no route (404), so a
/// vendor's component can be reached at its own address instead. With <see cref="GatewayOptions.ExposeAdminApi"/>,
/// <c>/autorisaties/admin/**</c> goes to Autorisaties too. Nothing else is routed: not <c>/{key}/internal/**</c>.
/// </summary>
public static class GatewayRoutes
{
    public const string AdminRouteId = "autorisaties-admin";
    private const string AdminComponent = "autorisaties";

    public static IReadOnlyList<RouteConfig> Routes(ZgwOptions options, GatewayOptions gateway)
    {
        var routes = Configured(options).Select(s => new RouteConfig
        {
            RouteId = s.Key,
            ClusterId = s.Key,
            Match = new RouteMatch { Path = $"/{s.Key}/api/v1/{{**rest}}" },
        }).ToList();
        if (gateway.ExposeAdminApi && Configured(options).Any(s => s.Key == AdminComponent))
            routes.Add(new RouteConfig
            {
                RouteId = AdminRouteId,
                ClusterId = AdminComponent,
                Match = new RouteMatch { Path = $"/{AdminComponent}/admin/{{**rest}}" },
            });
        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters(ZgwOptions options) =>
        Configured(options).Select(s => new ClusterConfig
        {
            ClusterId = s.Key,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [s.Key] = new() { Address = s.Value.InternalUrl! },
            },
        }).ToList();

    /// <summary>The components with an internal address, keyed in lower case (route ids and cluster ids).</summary>
    public static IEnumerable<KeyValuePair<string, ZgwServiceEndpoint>> Configured(ZgwOptions options) =>
        options.Services.Where(s => !string.IsNullOrWhiteSpace(s.Value.InternalUrl))
            .Select(s => KeyValuePair.Create(s.Key.ToLowerInvariant(), s.Value))
            .OrderBy(s => s.Key, StringComparer.Ordinal);
}
