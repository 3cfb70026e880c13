using Gateway;
using Zgw.Api;
using Zgw.Messaging;
using Zgw.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddZgwServiceDefaults("gateway");
builder.AddZgwApi();
var zgw = builder.Configuration.GetSection(ZgwOptions.Section).Get<ZgwOptions>() ?? new ZgwOptions();
var gateway = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
builder.AddGatewayProxy(zgw, gateway);
builder.AddBackendHealthChecks(zgw);
builder.AddFrontendPolicies(gateway);
if (builder.Configuration.GetConnectionString("RabbitMq") is { Length: > 0 })
    builder.AddZgwMessaging(outboxRelay: false); // drops changed clients from the autorisatie cache at once

var app = builder.Build();
app.UseZgwApi();                      // problem+json, token verification, routing
app.UseFrontendPolicies(gateway);     // CORS, rate limit
app.UseZgwServiceDefaults(apiVersion: null);
app.MapBackendHealth();             // /health/backends: 200 when every backend is ready
app.MapGatewayProxy();                // route -> scope check -> body limit -> service
app.Run();

namespace Gateway
{
    /// <summary>Marker for WebApplicationFactory (every web project has a top-level Program).</summary>
    public sealed class GatewayMarker;
}
