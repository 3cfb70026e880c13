using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Zgw.Testing;

/// <summary>
/// A small in-memory web app for testing the shared libraries through real HTTP semantics: the caller
/// configures services and endpoints with the same calls a service's Program.cs makes.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public HttpClient CreateClient() => _app.GetTestClient();

    public static async Task<TestApp> StartAsync(IDictionary<string, string?> settings,
        Action<WebApplicationBuilder> configureServices, Action<WebApplication> configureApp, bool useKestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        if (useKestrel)
            builder.WebHost.UseUrls($"http://127.0.0.1:{TestInfrastructure.FreePort()}");
        else
            builder.WebHost.UseTestServer();
        configureServices(builder);
        var app = builder.Build();
        configureApp(app);
        await app.StartAsync();
        return new TestApp(app);
    }

    /// <summary>The base address when started with Kestrel.</summary>
    public string Url => _app.Urls.First();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
