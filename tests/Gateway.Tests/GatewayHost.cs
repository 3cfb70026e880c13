using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Zgw.Api.Auth;
using Zgw.ServiceDefaults;
using Zgw.Testing;

namespace Gateway.Tests;

/// <summary>A client known to the gateway through <c>Zgw:Clients</c>: its scopes per component code.</summary>
public sealed record TestClient(string ClientId, IReadOnlyList<(string Component, string Scope)> Grants, bool HeeftAlleAutorisaties = false)
{
    public const string Secret = "geheim"; // 6 bytes: ZGW secrets may be short

    public static TestClient WithScopes(string clientId, params string[] scopes) =>
        new(clientId, scopes.Select(s => (ZgwScopes.ComponentOf(s, ZgwScopes.Zrc)!, s)).ToList());

    public static TestClient All(string clientId) => new(clientId, [], HeeftAlleAutorisaties: true);
}

/// <summary>
/// A gateway (TestServer) in front of one WireMock server that stands in for all six services and answers
/// 200 with the header <c>X-Backend: wiremock</c> to anything (but the Autorisaties internal client lookup, 404), so a
/// response shows whether the request got through.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string BackendHeader = "X-Backend";
    public const string ProbeHeader = "X-Probe";

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public WireMockServer Backend { get; } = WireMockServer.Start();

    /// <summary>Every log message of the gateway, formatted.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public WebApplicationFactory<GatewayMarker> Factory { get; }

    /// <param name="kestrel">Serve on a real socket (Kestrel) instead of TestServer, for what only a real server enforces.</param>
    public GatewayHost(IEnumerable<TestClient> clients, IReadOnlyDictionary<string, string>? settings = null, bool kestrel = false)
    {
        // Autorisaties' internal client lookup (the gateway's source for clients not in configuration): unknown.
        Backend.Given(Request.Create().WithPath(new WildcardMatcher("/autorisaties/internal/*")).UsingAnyMethod()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(404));
        Backend.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader(BackendHeader, "wiremock")
                .WithHeader("Content-Type", "application/json").WithBody("{}"));
        var all = new Dictionary<string, string>
        {
            ["Zgw:PublicBaseUrl"] = "https://zgw.example.nl",
        };
        foreach (var component in ZgwComponent.All)
            all[$"Zgw:Services:{component.Key}:InternalUrl"] = Backend.Url!;
        foreach (var (key, value) in ClientSettings(clients))
            all[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        Factory = new WebApplicationFactory<GatewayMarker>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in all)
                b.UseSetting(key, value);
            b.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(Logs)));
        });
        if (kestrel)
            Factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
    }

    /// <summary>An HttpClient for the gateway without a token.</summary>
    public HttpClient Anonymous() => Client("");

    /// <summary>An HttpClient carrying a fresh token of <paramref name="clientId"/> (one per client id, reused).</summary>
    public HttpClient Client(string clientId)
    {
        lock (_lock)
        {
            if (!_clients.TryGetValue(clientId, out var client))
            {
                client = Factory.CreateClient();
                if (clientId.Length > 0)
                    client.DefaultRequestHeaders.Authorization = ZgwTokens.Bearer(ZgwTokens.Mint(clientId, TestClient.Secret));
                _clients[clientId] = client;
            }
            return client;
        }
    }

    /// <summary>Sends a request marked with a unique <c>X-Probe</c> header; JSON <c>{}</c> as body on writes.</summary>
    public async Task<Probe> SendAsync(HttpClient client, string method, string path, HttpContent? body = null,
        Action<HttpRequestMessage>? configure = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add(ProbeHeader, id);
        if (body is not null)
            request.Content = body;
        else if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", new MediaTypeHeaderValue("application/json"));
        configure?.Invoke(request);
        return new Probe(id, await client.SendAsync(request), this);
    }

    /// <summary>Whether the backend logged the probe (WireMock logs just after answering, so wait a little for it).</summary>
    public async Task<bool> BackendSawAsync(string probe, TimeSpan? wait = null)
    {
        var until = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(2));
        do
        {
            if (Backend.LogEntries.Any(e => e.RequestMessage.Headers?.TryGetValue(ProbeHeader, out var v) == true && v.Contains(probe)))
                return true;
            await Task.Delay(10);
        } while (DateTime.UtcNow < until);
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        await Factory.DisposeAsync();
        Backend.Stop();
        Backend.Dispose();
    }

    /// <summary>Path template → a concrete path (<c>{uuid}</c> → a new uuid).</summary>
    public static string Concrete(string template) =>
        string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? Guid.NewGuid().ToString() : s));

    private static IEnumerable<KeyValuePair<string, string>> ClientSettings(IEnumerable<TestClient> clients)
    {
        var i = 0;
        foreach (var client in clients)
        {
            var prefix = $"Zgw:Clients:{i++}:";
            yield return new(prefix + "ClientId", client.ClientId);
            yield return new(prefix + "Secret", TestClient.Secret);
            yield return new(prefix + "HeeftAlleAutorisaties", client.HeeftAlleAutorisaties ? "true" : "false");
            var j = 0;
            foreach (var group in client.Grants.GroupBy(g => g.Component))
            {
                var autorisatie = $"{prefix}Autorisaties:{j++}:";
                yield return new(autorisatie + "Component", group.Key);
                var k = 0;
                foreach (var (_, scope) in group)
                    yield return new($"{autorisatie}Scopes:{k++}", scope);
            }
        }
    }
}

/// <summary>One sent request: its probe id and the gateway's response.</summary>
public sealed record Probe(string Id, HttpResponseMessage Response, GatewayHost Host)
{
    /// <summary>The response came from the backend (the gateway forwarded the request).</summary>
    public bool Forwarded => Response.Headers.Contains(GatewayHost.BackendHeader);
}

/// <summary>Keeps the gateway's log messages (category: message) for assertions.</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                logs.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }
}
