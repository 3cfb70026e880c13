using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Zgw.Api.Auth;
using Zgw.Api.Problems;

namespace Gateway;

/// <summary>
/// What browser frontends and busy clients meet first: CORS for the configured origins (preflights are answered
/// without a token) and a fixed-window rate limit per client (429 <c>throttled</c> with <c>Retry-After</c>).
/// </summary>
public static class FrontendPolicies
{
    private const string CorsPolicy = "frontends";

    public static WebApplicationBuilder AddFrontendPolicies(this WebApplicationBuilder builder, GatewayOptions gateway)
    {
        if (gateway.Cors.AllowedOrigins.Length > 0)
            builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
                .WithOrigins(gateway.Cors.AllowedOrigins)
                .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "Accept", "Accept-Crs", "Content-Crs", "If-None-Match", "X-Audit-Toelichting")
                .WithExposedHeaders("API-version", "ETag", "Location", "Content-Crs")));

        var limit = gateway.RateLimit;
        if (limit.PermitsPerWindow > 0)
            builder.Services.AddRateLimiter(o =>
            {
                o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.Request.Path.StartsWithSegments("/health")
                        ? RateLimitPartition.GetNoLimiter("health")
                        : RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limit.PermitsPerWindow,
                            Window = limit.Window,
                            QueueLimit = 0,
                        }));
                o.OnRejected = (rejected, _) => ThrottledAsync(rejected, limit.Window);
            });
        return builder;
    }

    /// <summary>After routing (inside <c>UseZgwApi</c>), before the proxy.</summary>
    public static WebApplication UseFrontendPolicies(this WebApplication app, GatewayOptions gateway)
    {
        if (gateway.Cors.AllowedOrigins.Length > 0)
            app.UseCors(CorsPolicy);
        if (gateway.RateLimit.PermitsPerWindow > 0)
            app.UseRateLimiter();
        return app;
    }

    /// <summary>A verified token's client id; without one, the remote address (never an unverified claim).</summary>
    private static string PartitionKey(HttpContext context) =>
        context.FindZgwCaller() is { } caller
            ? "client:" + caller.ClientId
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask ThrottledAsync(OnRejectedContext rejected, TimeSpan window)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var problem = new ZgwException(StatusCodes.Status429TooManyRequests, ZgwCodes.Throttled, "Verzoek afgeremd.",
            $"Te veel verzoeken; probeer het over {context.Response.Headers.RetryAfter} seconden opnieuw.");
        await ProblemWriter.WriteAsync(context, ProblemWriter.Create(context, problem));
    }
}
