using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Zgw.Testing;

/// <summary>Runs an app of this repository (a service or a fixture) in the test process through its <see cref="WebApplicationFactory{TEntryPoint}"/>.</summary>
public static class ServiceHost
{
    /// <summary><c>http://127.0.0.1:{a free port}</c>: the address of an app that other apps must reach.</summary>
    public static string LocalUrl() => $"http://127.0.0.1:{TestInfrastructure.FreePort()}";

    /// <summary>
    /// Starts the app of <typeparamref name="TMarker"/> with <paramref name="settings"/>: on Kestrel when they hold <c>urls</c>,
    /// otherwise in memory.
    /// </summary>
    public static WebApplicationFactory<TMarker> Serve<TMarker>(IEnumerable<KeyValuePair<string, string>> settings) where TMarker : class
    {
        var factory = new WebApplicationFactory<TMarker>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });
        if (settings.Any(s => s.Key == "urls"))
        {
            factory.UseKestrel();
            factory.StartServer();
        }
        else
            factory.CreateClient().Dispose();
        return factory;
    }

    /// <summary>Starts a ZGW service as <see cref="Serve{TMarker}"/> does and waits until it is ready.</summary>
    public static async Task<WebApplicationFactory<TMarker>> StartAsync<TMarker>(IEnumerable<KeyValuePair<string, string>> settings)
        where TMarker : class
    {
        var factory = Serve<TMarker>(settings);
        await WaitReadyAsync(factory.CreateClient(), typeof(TMarker).Name);
        return factory;
    }

    /// <summary>Waits until <c>/health/ready</c> answers a success status (by default up to 30 seconds).</summary>
    public static async Task WaitReadyAsync(HttpClient client, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!(await client.GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{what} did not become ready");
            await Task.Delay(100);
        }
    }
}
