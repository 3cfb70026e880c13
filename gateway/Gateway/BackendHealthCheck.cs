using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zgw.ServiceDefaults;

namespace Gateway;

/// <summary>The gateway is ready when every backend it routes to answers its own <c>/health/ready</c> with 200.</summary>
public static class BackendHealthChecks
{
    public const string HttpClientName = "backend-health";

    public static WebApplicationBuilder AddBackendHealthChecks(this WebApplicationBuilder builder, ZgwOptions options)
    {
        // No retries: a health probe must report what it sees now, quickly.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(3)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        var checks = builder.Services.AddHealthChecks();
        foreach (var (key, endpoint) in GatewayRoutes.Configured(options))
        {
            checks.Add(new HealthCheckRegistration(
                $"backend:{key}",
                sp => new BackendHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), new Uri(new Uri(endpoint.InternalUrl!), "/health/ready")),
                failureStatus: HealthStatus.Unhealthy,
                tags: [ServiceDefaultsExtensions.ReadyTag]));
        }
        return builder;
    }

    private sealed class BackendHealthCheck(IHttpClientFactory clients, Uri ready) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var response = await clients.CreateClient(HttpClientName).GetAsync(ready, cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy(ready.Authority)
                    : HealthCheckResult.Unhealthy($"{ready.Authority} answered {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{ready.Authority} unreachable: {e.Message}");
            }
        }
    }
}
