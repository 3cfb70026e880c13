using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Zgw.ServiceDefaults;

namespace Gateway;

/// <summary>
/// The backends in the gateway's health. A backend that is down must not take the gateway out of its Service: the other
/// APIs still work, and that backend's routes answer 502/503 on their own. So <c>/health/ready</c> reports each backend
/// as Degraded at worst (still 200, the body names it), and <c>/health/backends</c> answers 200 only when every backend
/// is ready (what <c>deploy/local/up.sh</c> waits for). A backend ready means 200 on its <c>/health/ready</c>; a 404 there
/// counts as reachable: a vendor's component need not have that endpoint.
/// </summary>
public static class BackendHealthChecks
{
    public const string HttpClientName = "backend-health";
    public const string BackendTag = "backend";

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
                failureStatus: HealthStatus.Degraded,
                tags: [ServiceDefaultsExtensions.ReadyTag, BackendTag]));
        }
        return builder;
    }

    /// <summary><c>/health/backends</c>: 200 when every backend is ready, else 503 naming the ones that are not.</summary>
    public static WebApplication MapBackendHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/backends", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(BackendTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }

    private sealed class BackendHealthCheck(IHttpClientFactory clients, Uri ready) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var failure = context.Registration.FailureStatus;
            try
            {
                using var response = await clients.CreateClient(HttpClientName).GetAsync(ready, cancellationToken);
                return response.StatusCode switch
                {
                    System.Net.HttpStatusCode.OK => HealthCheckResult.Healthy(ready.Authority),
                    System.Net.HttpStatusCode.NotFound => HealthCheckResult.Healthy($"{ready.Authority} reachable (it has no /health/ready)"),
                    _ => new HealthCheckResult(failure, $"{ready.Authority} answered {(int)response.StatusCode}"),
                };
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return new HealthCheckResult(failure, $"{ready.Authority} unreachable: {e.Message}");
            }
        }
    }
}
