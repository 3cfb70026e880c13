using Yarp.ReverseProxy.Configuration;
using Zgw.ServiceDefaults;

namespace Gateway;

/// <summary>
/// One route per configured component: <c>/{key}/api/**</c> (e.g. <c>/zaken/api/v1/zaken</c>) goes unchanged
/// to that component's internal address, which serves the same path. Components without an
/// <c>InternalUrl</c> get no route (404), so a vendor's component can be reached at its own address instead.
/// </summary>
public static class GatewayRoutes
{
    public static IReadOnlyList<RouteConfig> Routes(ZgwOptions options) =>
        Configured(options).Select(s => new RouteConfig
        {
            RouteId = s.Key,
            ClusterId = s.Key,
            Match = new RouteMatch { Path = $"/{s.Key}/api/{{**rest}}" },
        }).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters(ZgwOptions options) =>
        Configured(options).Select(s => new ClusterConfig
        {
            ClusterId = s.Key,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [s.Key] = new() { Address = s.Value.InternalUrl! },
            },
        }).ToList();

    public static IEnumerable<KeyValuePair<string, ZgwServiceEndpoint>> Configured(ZgwOptions options) =>
        options.Services.Where(s => !string.IsNullOrWhiteSpace(s.Value.InternalUrl)).OrderBy(s => s.Key, StringComparer.Ordinal);
}
