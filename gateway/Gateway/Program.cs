using Gateway;
using Zgw.Api;
using Zgw.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddZgwServiceDefaults("gateway");
builder.AddZgwApi();
var zgw = builder.Configuration.GetSection(ZgwOptions.Section).Get<ZgwOptions>() ?? new ZgwOptions();
builder.Services.AddReverseProxy().LoadFromMemory(GatewayRoutes.Routes(zgw), GatewayRoutes.Clusters(zgw));
builder.AddBackendHealthChecks(zgw);

var app = builder.Build();
app.UseZgwApi();
app.UseZgwServiceDefaults(apiVersion: null);
app.MapReverseProxy();
app.Run();

namespace Gateway
{
    /// <summary>Marker for WebApplicationFactory (every web project has a top-level Program).</summary>
    public sealed class GatewayMarker;
}
