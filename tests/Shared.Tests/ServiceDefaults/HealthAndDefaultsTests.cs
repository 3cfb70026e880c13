using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Zgw.Data;
using Zgw.Messaging;
using Zgw.ServiceDefaults;
using Zgw.Testing;

namespace Shared.Tests.ServiceDefaults;

/// <summary>Service defaults: health endpoints over the real database and bus, telemetry registered.</summary>
public sealed class HealthAndDefaultsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private Task<TestApp> StartAsync(string databaseConnection, bool tracing = false) => TestApp.StartAsync(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Database"] = databaseConnection,
        ["ConnectionStrings:RabbitMq"] = TestInfrastructure.RabbitMq,
        ["Messaging:RelayEnabled"] = "false",
        ["Zgw:Telemetry:Tracing"] = tracing ? "true" : null,
    }, b =>
    {
        b.AddZgwServiceDefaults("health-test");
        b.AddZgwDatabase("health");
        b.AddZgwMessaging();
    }, app => app.UseZgwServiceDefaults("9.9.9"));

    private static async Task<(HttpStatusCode, JsonElement)> Ready(TestApp app)
    {
        var response = await app.CreateClient().GetAsync("/health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task Ready_ChecksDatabaseAndBus()
    {
        await using var app = await StartAsync(database.ConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var (status, body) = await Ready(app);
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            (status, body) = await Ready(app);
        }
        Assert.Equal(HttpStatusCode.OK, status);
        var checks = body.GetProperty("checks").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("database", checks);
        Assert.Contains(checks, c => c.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ready_Is503WhenTheDatabaseIsUnreachable_LiveStays200()
    {
        var closed = $"Host=127.0.0.1;Port={TestInfrastructure.FreePort()};Username=postgres;Timeout=2";
        await using var app = await StartAsync(closed);
        var (status, body) = await Ready(app);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Telemetry_MetricsAlways_SpansOnlyWhenAskedFor()
    {
        await using (var quiet = await StartAsync(database.ConnectionString))
        {
            Assert.NotNull(quiet.Services.GetService<MeterProvider>());
            Assert.Null(quiet.Services.GetService<TracerProvider>()); // no exporter, no Zgw:Telemetry:Tracing: spans cost every request
        }
        await using var traced = await StartAsync(database.ConnectionString, tracing: true);
        Assert.NotNull(traced.Services.GetService<TracerProvider>());
        Assert.NotNull(traced.Services.GetService<MeterProvider>());
    }
}
