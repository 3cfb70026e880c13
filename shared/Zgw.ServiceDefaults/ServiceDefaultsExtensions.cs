using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Zgw.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Name of the meter and activity source every OpenZaak process reports under.</summary>
    public const string TelemetryPrefix = "OpenZaak";

    /// <summary>Tag of the health checks that decide readiness (database, bus, backends).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Everything a process of the suite needs before its own endpoints: <see cref="ZgwOptions"/>,
    /// OpenTelemetry (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), health checks,
    /// ZGW JSON options and resilience on every outbound HttpClient.
    /// </summary>
    public static WebApplicationBuilder AddZgwServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.Configure<ZgwOptions>(builder.Configuration.GetSection(ZgwOptions.Section));
        builder.Services.Configure<JsonOptions>(o => ZgwJson.Configure(o.SerializerOptions));

        builder.AddZgwTelemetry(serviceName);
        builder.Services.AddHealthChecks();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(o =>
            ConfigurationBinder.Bind(builder.Configuration.GetSection("Zgw:Resilience"), o)));
        return builder;
    }

    public static WebApplicationBuilder AddZgwTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceNamespace: TelemetryPrefix))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter($"{TelemetryPrefix}.*"));
        var exporter = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        // Spans cost every request and every query something; without a place to send them they are not recorded
        // (Zgw:Telemetry:Tracing=true records them anyway, e.g. for a local listener).
        if (exporter || builder.Configuration.GetValue<bool>("Zgw:Telemetry:Tracing"))
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource($"{TelemetryPrefix}.*", "MassTransit", "Npgsql"));
        if (exporter)
            otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (every check tagged
    /// <see cref="ReadyTag"/> is healthy), plus the <c>API-version</c> response header.
    /// </summary>
    public static WebApplication UseZgwServiceDefaults(this WebApplication app, string? apiVersion)
    {
        if (apiVersion is not null)
            app.UseMiddleware<ApiVersionHeaderMiddleware>(apiVersion);
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
