using Gateway.Scopes;
using Zgw.ServiceDefaults;

namespace Gateway;

/// <summary>The YARP proxy with the gateway's own step (<see cref="GatewayPolicyMiddleware"/>) in its pipeline.</summary>
public static class GatewayProxy
{
    public static WebApplicationBuilder AddGatewayProxy(this WebApplicationBuilder builder, ZgwOptions zgw, GatewayOptions gateway)
    {
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        builder.Services.AddSingleton(new RouteScopeMatcher(RouteScopeTable.All));
        builder.Services.AddReverseProxy().LoadFromMemory(GatewayRoutes.Routes(zgw, gateway), GatewayRoutes.Clusters(zgw));
        return builder;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<GatewayPolicyMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
