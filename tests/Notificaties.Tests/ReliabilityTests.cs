using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notificaties.Api;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Response = WireMock.ResponseBuilders.Response;
using WireMock.Server;
using Zgw.Messaging;
using Zgw.Testing;

namespace Notificaties.Tests;

/// <summary>Issue 5's promise, tested: nothing is lost when a subscriber, the service or the broker goes away.</summary>
public sealed class SubscriberOutageTests : NotificatiesApp
{
    protected override IDictionary<string, string> Extra => new Dictionary<string, string>
    {
        ["Notificaties:Delivery:RetrySchedule"] = "00:00:00.200,00:00:00.400,00:00:00.800,00:00:01,00:00:01,00:00:01,00:00:01,00:00:01",
    };

    [Fact]
    public async Task SubscriberDownForAWhile_ThenBack_ReceivesEverything()
    {
        var kanaal = await KanaalAsync();
        using var subscriber = Subscriber(503);
        await SubscribeAsync(subscriber, kanaal);
        for (var i = 0; i < 20; i++)
            await PublishAsync(Message(kanaal, hoofdObject: $"https://zgw.example.nl/zaken/api/v1/zaken/{i % 4}", actie: $"m{i}"));

        await Task.Delay(2000); // down for two seconds: several failed attempts
        Assert.Empty(Received(subscriber, onlyAnswered2xx: true));
        subscriber.Reset();
        subscriber.Given(Request.Create().WithPath("/callback").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));

        await WaitUntil(() => Received(subscriber, onlyAnswered2xx: true).Select(m => m.GetProperty("actie").GetString()).Distinct().Count() == 20,
            what: "all 20 after the outage");
        Assert.Equal(20, await QueryAsync<long>("SELECT count(*) FROM delivery WHERE status = 'delivered'"));
    }

    [Fact]
    public async Task SlowSubscriber_DoesNotDelayAHealthyOne()
    {
        var kanaal = await KanaalAsync();
        using var slow = WireMockServer.Start();
        slow.Given(Request.Create().WithPath("/callback").UsingPost()).RespondWith(Response.Create().WithStatusCode(204).WithDelay(TimeSpan.FromSeconds(10)));
        using var healthy = Subscriber();
        await SubscribeAsync(slow, kanaal);
        await SubscribeAsync(healthy, kanaal);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
            await PublishAsync(Message(kanaal, hoofdObject: $"https://zgw.example.nl/zaken/api/v1/zaken/{i}"));
        // Distinct messages: under load a delivery may time out and come again (at-least-once).
        int Distinct() => Received(healthy, onlyAnswered2xx: true).Select(m => m.GetProperty("hoofdObject").GetString()).Distinct().Count();
        await WaitUntil(() => Distinct() == 20, seconds: 10, () => $"the healthy subscriber (got {Distinct()}, slow {Received(slow).Count})");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the healthy subscriber waited {watch.Elapsed}");
    }
}

public sealed class DeadLetterTests : NotificatiesApp
{
    [Fact]
    public async Task PoisonCallback_EndsDeadLettered_AndReplays()
    {
        var kanaal = await KanaalAsync();
        using var subscriber = Subscriber(500);
        await SubscribeAsync(subscriber, kanaal);
        await PublishAsync(Message(kanaal, actie: "vergiftigd"));

        var admin = Factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        JsonElement letters = default;
        await WaitUntil(() =>
        {
            letters = JsonDocument.Parse(admin.GetStringAsync("/notificaties/admin/v1/dead-letters").Result).RootElement;
            return letters.GetArrayLength() == 1;
        }, what: "the dead letter");
        Assert.Equal(4, letters[0].GetProperty("attempts").GetInt32()); // the first try and the 3 retries of the schedule
        Assert.Equal(500, letters[0].GetProperty("lastStatus").GetInt32());
        Assert.Equal(4, subscriber.LogEntries.Count());
        await ProblemAssert.IsProblemAsync(await Factory.CreateClient().GetAsync("/notificaties/admin/v1/dead-letters"),
            HttpStatusCode.Forbidden, "not_authenticated");

        subscriber.Reset();
        subscriber.Given(Request.Create().WithPath("/callback").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        var replay = await admin.PostAsync($"/notificaties/admin/v1/dead-letters/{letters[0].GetProperty("id").GetInt64()}/replay", null);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await WaitUntil(() => Received(subscriber, onlyAnswered2xx: true).Count == 1, what: "the replayed delivery");
        Assert.Equal(0, JsonDocument.Parse(await admin.GetStringAsync("/notificaties/admin/v1/dead-letters")).RootElement.GetArrayLength());
    }
}

/// <summary>RabbitMQ goes away between the services and Notificaties: the durable queue keeps every message.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly string _queue = "nrc-test-" + Guid.NewGuid().ToString("N")[..8];
    private TcpProxy _proxy = null!;
    private WebApplicationFactory<NotificatiesMarker> _nrc = null!;
    private TestApp _publisher = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var amqp = new Uri(TestInfrastructure.RabbitMq);
        _proxy = new TcpProxy(amqp.Port);
        _nrc = await NotificatiesApp.StartAsync(NotificatiesApp.Settings(_database, _queue, new UriBuilder(amqp) { Port = _proxy.Port }.Uri.ToString()));
        _publisher = await TestApp.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = TestInfrastructure.RabbitMq },
            b => b.AddZgwMessaging(outboxRelay: false), _ => { });
        await TestBus.WaitUntilHealthyAsync(_publisher.Services);
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _nrc.DisposeAsync();
        await _proxy.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BrokerUnreachable_MessagesWaitInTheQueue_AndAreAllDeliveredAfterwards()
    {
        using var subscriber = NotificatiesApp.Subscriber();
        var response = await _nrc.CreateClient().WithToken(NotificatiesApp.Consumer, NotificatiesApp.Secret).PostAsJsonAsync("/notificaties/api/v1/abonnement", new
        {
            callbackUrl = subscriber.Url + "/callback", auth = "Bearer x", kanalen = new[] { new { naam = "zaken" } },
        });
        Assert.True(response.IsSuccessStatusCode);

        _proxy.Cut();
        var bus = _publisher.Services.GetRequiredService<IBus>();
        var marker = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 10; i++)
        {
            await bus.Publish(new NotificatieMessage("zaken", $"https://zgw.example.nl/zaken/api/v1/zaken/{marker}", "zaak",
                $"https://zgw.example.nl/zaken/api/v1/zaken/{marker}", $"m{i}", DateTimeOffset.UtcNow,
                new Dictionary<string, string> { ["bronorganisatie"] = "000000000", ["zaaktype"] = "z", ["vertrouwelijkheidaanduiding"] = "openbaar" }));
        }
        await Task.Delay(1500);
        Assert.Empty(NotificatiesApp.Received(subscriber));

        _proxy.Restore();
        await NotificatiesApp.WaitUntil(() => NotificatiesApp.Received(subscriber).Count(m => m.GetProperty("hoofdObject").GetString()!.EndsWith(marker)) == 10,
            seconds: 60, what: "the ten queued messages");
    }
}

/// <summary>The Notificaties process is killed with SIGKILL in the middle of a back-off; started again it delivers everything.</summary>
public sealed class ProcessKillTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly string _queue = "nrc-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int _port = TestInfrastructure.FreePort();
    private Process? _process;

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        Stop();
        await _database.DisposeAsync();
    }

    private static string ServiceDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(TestInfrastructure.RepositoryRoot(), "services", "Notificaties", "Notificaties.Api", "bin", configuration, "net10.0", "Notificaties.Api.dll");
        Assert.True(File.Exists(dll), $"build the service first: {dll}");
        return dll;
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(ServiceDll())! };
        start.ArgumentList.Add(ServiceDll());
        var settings = NotificatiesApp.Settings(_database, _queue);
        settings["Notificaties:Delivery:RetrySchedule"] = "00:00:02,00:00:02,00:00:02,00:00:02,00:00:02,00:00:02";
        // A delivery claimed by the killed process returns after its lease (production: 2 minutes).
        settings["Notificaties:Delivery:Lease"] = "00:00:03";
        foreach (var (k, v) in settings)
            start.Environment[k.Replace(":", "__")] = v;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{_port}/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Notificaties did not start");
    }

    private void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true); // SIGKILL on Linux: no graceful shutdown
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
    }

    private HttpClient Client(string clientId) => new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}") }.WithToken(clientId, NotificatiesApp.Secret);

    [Fact]
    public async Task KilledDuringBackOff_LosesNothing()
    {
        using var subscriber = NotificatiesApp.Subscriber(503);
        await StartAsync();
        var abonnement = await Client(NotificatiesApp.Consumer).PostAsJsonAsync("/notificaties/api/v1/abonnement", new
        {
            callbackUrl = subscriber.Url + "/callback", auth = "Bearer x", kanalen = new[] { new { naam = "zaken" } },
        });
        Assert.True(abonnement.IsSuccessStatusCode, await abonnement.Content.ReadAsStringAsync());
        // Other tests publish on kanaal zaken on the same broker, and this process hears them too: count only ours.
        var marker = Guid.NewGuid().ToString("N");
        var expected = Enumerable.Range(0, 5).Select(i => $"https://zgw.example.nl/zaken/api/v1/zaken/{marker}-{i}").ToList();
        for (var i = 0; i < 5; i++)
        {
            var published = await Client(NotificatiesApp.Publisher).PostAsJsonAsync("/notificaties/api/v1/notificaties", new
            {
                kanaal = "zaken", hoofdObject = expected[i], resource = "zaak",
                resourceUrl = expected[i], actie = "create", aanmaakdatum = DateTimeOffset.UtcNow,
                kenmerken = new Dictionary<string, string> { ["bronorganisatie"] = "000000000" },
            });
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        }
        await NotificatiesApp.WaitUntil(() => expected.All(NotificatiesApp.Received(subscriber).Select(m => m.GetProperty("hoofdObject").GetString()).Contains),
            what: "the first failed attempts");

        Stop(); // SIGKILL in the middle of the 2-second back-off
        subscriber.Reset();
        subscriber.Given(Request.Create().WithPath("/callback").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        await StartAsync();

        await NotificatiesApp.WaitUntil(() => expected.All(NotificatiesApp.Received(subscriber, onlyAnswered2xx: true)
            .Select(m => m.GetProperty("hoofdObject").GetString()).Contains), seconds: 60, what: "all five after the restart");
    }
}

/// <summary>
/// A real RabbitMQ restart (a private broker of this test, started and stopped with deploy/local/infra.sh): messages
/// waiting in Notificaties' durable queue survive it and are all delivered.
/// </summary>
public sealed class BrokerRestartTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "openzaak-broker-restart-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int[] _ports = [TestInfrastructure.FreePort(), TestInfrastructure.FreePort(), TestInfrastructure.FreePort(), TestInfrastructure.FreePort()];
    private string _amqp = "";
    private TcpProxy _proxy = null!;
    private WebApplicationFactory<NotificatiesMarker> _nrc = null!;
    private TestApp _publisher = null!;

    private string Infra(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestInfrastructure.RepositoryRoot(), "deploy", "local", "infra.sh"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"infra.sh {string.Join(' ', args)}: {stderr.Result}");
        return stdout;
    }

    private void StartBroker() => Infra(["start", _dir, .. _ports.Select(p => p.ToString())]);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        StartBroker();
        _amqp = $"amqp://guest:guest@127.0.0.1:{_ports[1]}/";
        _proxy = new TcpProxy(_ports[1]);
        _nrc = await NotificatiesApp.StartAsync(NotificatiesApp.Settings(_database, "nrc-restart", $"amqp://guest:guest@127.0.0.1:{_proxy.Port}/"));
        _publisher = await TestApp.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = _amqp },
            b => b.AddZgwMessaging(outboxRelay: false), _ => { });
        await TestBus.WaitUntilHealthyAsync(_publisher.Services);
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _nrc.DisposeAsync();
        await _proxy.DisposeAsync();
        Infra("purge", _dir);
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RabbitMqRestart_LosesNothing()
    {
        using var subscriber = NotificatiesApp.Subscriber();
        var response = await _nrc.CreateClient().WithToken(NotificatiesApp.Consumer, NotificatiesApp.Secret).PostAsJsonAsync("/notificaties/api/v1/abonnement", new
        {
            callbackUrl = subscriber.Url + "/callback", auth = "Bearer x", kanalen = new[] { new { naam = "zaken" } },
        });
        Assert.True(response.IsSuccessStatusCode);

        _proxy.Cut(); // Notificaties is away: the messages wait in its durable queue
        var bus = _publisher.Services.GetRequiredService<IBus>();
        for (var i = 0; i < 10; i++)
        {
            await bus.Publish(new NotificatieMessage("zaken", $"https://zgw.example.nl/zaken/api/v1/zaken/{i}", "zaak",
                $"https://zgw.example.nl/zaken/api/v1/zaken/{i}", "create", DateTimeOffset.UtcNow,
                new Dictionary<string, string> { ["bronorganisatie"] = "000000000" }));
        }

        Infra("stop", _dir);   // the broker goes down with the messages in it ...
        StartBroker();         // ... and comes back on the same ports and data
        _proxy.Restore();

        await NotificatiesApp.WaitUntil(() => NotificatiesApp.Received(subscriber).Select(m => m.GetProperty("hoofdObject").GetString()).Distinct().Count() == 10,
            seconds: 90, what: "the ten messages after the broker restart");
    }
}
