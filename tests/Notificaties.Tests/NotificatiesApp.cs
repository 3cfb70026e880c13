using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Notificaties.Api;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;
using WireMock.Server;
using Zgw.Testing;

namespace Notificaties.Tests;

/// <summary>
/// The Notificaties service over HTTP, against its own PostgreSQL database and RabbitMQ (its own durable queue),
/// with a fast retry schedule. Subscribers are WireMock servers (external HTTP peers).
/// </summary>
public class NotificatiesApp : IAsyncLifetime
{
    public const string PublicBase = "https://zgw.example.nl";
    public const string Publisher = "publisher";
    public const string Consumer = "consumer";
    public const string Secret = "geheim";
    public const string AdminKey = "nrc-admin";

    public PostgresDatabase Database { get; } = new();
    public WebApplicationFactory<NotificatiesMarker> Factory { get; private set; } = null!;
    public string Queue { get; } = "nrc-test-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Settings a test class adds or overrides.</summary>
    protected virtual IDictionary<string, string> Extra => new Dictionary<string, string>();

    public static ServiceSettings Settings(PostgresDatabase database, string queue, string? rabbitMq = null)
    {
        var settings = new ServiceSettings(database, PublicBase, rabbitMq)
        {
            ["OPENZAAK_ADMIN_KEY"] = AdminKey,
            ["Notificaties:Queue"] = queue,
            ["Notificaties:VerifyCallback"] = "false",
            ["Notificaties:Delivery:RetrySchedule"] = "00:00:00.300,00:00:00.600,00:00:01",
            ["Notificaties:Delivery:PollInterval"] = "00:00:00.100",
            ["Notificaties:Delivery:Timeout"] = "00:00:05",
            ["Notificaties:Delivery:CircuitBreakerFailures"] = "3",
            ["Notificaties:Delivery:CircuitBreakerOpen"] = "00:00:00.500",
        };
        settings.AddClient(0, Publisher, Secret).AddAutorisatie(0, 0, "nrc", ["notificaties.publiceren"]);
        settings.AddClient(1, Consumer, Secret).AddAutorisatie(1, 0, "nrc", ["notificaties.consumeren"]);
        return settings;
    }

    /// <summary>Starts the Notificaties service with <paramref name="settings"/> and waits until its bus is connected.</summary>
    public static async Task<WebApplicationFactory<NotificatiesMarker>> StartAsync(ServiceSettings settings)
    {
        var factory = ServiceHost.Serve<NotificatiesMarker>(settings);
        await TestBus.WaitUntilHealthyAsync(factory.Services);
        return factory;
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var settings = Settings(Database, Queue);
        foreach (var (k, v) in Extra)
            settings[k] = v;
        Factory = await StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    public HttpClient Client(string clientId) => Factory.CreateClient().WithToken(clientId, Secret);

    /// <summary>A subscriber that answers <paramref name="status"/> to every notification.</summary>
    public static WireMockServer Subscriber(int status = 204)
    {
        var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/callback").UsingPost()).RespondWith(Response.Create().WithStatusCode(status));
        return server;
    }

    public async Task<string> SubscribeAsync(WireMockServer subscriber, string kanaal = "zaken", Dictionary<string, string>? filters = null,
        string auth = "Bearer subscriber-token")
    {
        var response = await Client(Consumer).PostAsJsonAsync("/notificaties/api/v1/abonnement", new
        {
            callbackUrl = subscriber.Url + "/callback",
            auth,
            kanalen = new[] { new { naam = kanaal, filters = filters ?? new Dictionary<string, string>() } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("url").GetString()!;
    }

    public static object Message(string kanaal, string hoofdObject = "https://zgw.example.nl/zaken/api/v1/zaken/1",
        string bronorganisatie = "000000000", string actie = "create") => new
    {
        kanaal,
        hoofdObject,
        resource = "zaak",
        resourceUrl = hoofdObject,
        actie,
        aanmaakdatum = DateTimeOffset.UtcNow,
        kenmerken = new Dictionary<string, string> { ["bronorganisatie"] = bronorganisatie },
    };

    /// <summary>A kanaal of its own for one test (kenmerk <c>bronorganisatie</c>), so tests do not see each other's messages.</summary>
    public async Task<string> KanaalAsync()
    {
        var naam = "t-" + Guid.NewGuid().ToString("N")[..10];
        var response = await Client(Publisher).PostAsJsonAsync("/notificaties/api/v1/kanaal", new { naam, filters = new[] { "bronorganisatie" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return naam;
    }

    public async Task PublishAsync(object message, Guid? messageId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/notificaties/api/v1/notificaties") { Content = JsonContent.Create(message) };
        if (messageId is not null)
            request.Headers.Add("Zgw-Message-Id", messageId.ToString());
        var response = await Client(Publisher).SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var c = Database.Connect("notificaties");
        return await c.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("no value");
    }

    /// <summary>The notifications a subscriber got (successfully answered or not), oldest first.</summary>
    public static IReadOnlyList<JsonElement> Received(WireMockServer subscriber, bool onlyAnswered2xx = false) =>
        subscriber.LogEntries
            .Where(e => e.RequestMessage.Path == "/callback" && (!onlyAnswered2xx || (e.ResponseMessage.StatusCode is int s && s < 300)))
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement).ToList();

    public static async Task WaitUntil(Func<bool> condition, int seconds = 20, string what = "condition") =>
        await WaitUntil(condition, seconds, () => what);

    public static async Task WaitUntil(Func<bool> condition, int seconds, Func<string> what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what()}");
            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NotificatiesCollection : ICollectionFixture<NotificatiesApp>
{
    public const string Name = "notificaties";
}
