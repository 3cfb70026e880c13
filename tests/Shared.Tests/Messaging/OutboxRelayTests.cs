using System.Collections.Concurrent;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Zgw.Data;
using Zgw.Data.Migrations;
using Zgw.Messaging;
using Zgw.ServiceDefaults;
using Zgw.Testing;

namespace Shared.Tests.Messaging;

/// <summary>
/// The outbox against real PostgreSQL and RabbitMQ: a change and its message commit together, a rollback
/// publishes nothing, a broker outage delays but loses nothing, and two relays never publish a row twice.
/// </summary>
public sealed class OutboxRelayTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly string _kanaal = "test-" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _listener = null!;

    public async Task InitializeAsync()
    {
        // The listener has its own direct broker connection, so cutting a publisher's connection never
        // takes the listening queue away.
        _listener = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = TestInfrastructure.RabbitMq,
            ["Messaging:RelayEnabled"] = "false",
        }, b => b.AddZgwMessaging(bus => bus.AddConsumer<CollectingConsumer>()
            .Endpoint(e => { e.Name = "outbox-tests-" + _kanaal; e.Temporary = true; e.ConcurrentMessageLimit = 1; })), _ => { });
        await TestBus.WaitUntilHealthyAsync(_listener.Services);
    }

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    private async Task<TestApp> StartServiceAsync(string schema, string? rabbitMq = null, string pollInterval = "00:00:00.200")
    {
        var ds = ZgwDatabase.CreateDataSource(database.ConnectionString, schema, "tests");
        await new Migrator(ds, schema, NullLogger.Instance).MigrateAsync(
            [.. MigrationScript.Outbox, new MigrationScript("svc/0001", "CREATE TABLE voorbeeld (id uuid PRIMARY KEY);")]);
        await ds.DisposeAsync();
        var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = rabbitMq ?? TestInfrastructure.RabbitMq,
            ["Messaging:RelayPollInterval"] = pollInterval,
            ["Messaging:RelayMaxBackoff"] = "00:00:01",
            ["Messaging:PublishTimeout"] = "00:00:02",
        }, b =>
        {
            b.AddZgwDatabase(schema);
            b.AddZgwMessaging();
        }, _ => { });
        await TestBus.WaitUntilHealthyAsync(app.Services);
        return app;
    }

    private NotificatieMessage Message(string resourceUrl) => new(_kanaal, "https://zgw.example.nl/zaken/api/v1/zaken/1", "zaak",
        resourceUrl, "create", DateTimeOffset.UtcNow, new Dictionary<string, string> { ["bronorganisatie"] = "000000000" });

    /// <summary>Writes one business row and its notification in one transaction, as every endpoint does.</summary>
    private static Task<Guid> WriteAsync(TestApp app, NotificatieMessage message, bool fail = false) =>
        app.Services.GetRequiredService<ZgwDatabase>().InTransactionAsync(async (c, tx) =>
        {
            await c.ExecuteAsync("INSERT INTO voorbeeld (id) VALUES (@id)", new { id = Guid.NewGuid() }, tx);
            var id = await NotificatieOutbox.EnqueueAsync(c, tx, message);
            if (fail)
                throw new InvalidOperationException("a business rule failed after the write");
            return id;
        });

    private IEnumerable<CollectingConsumer.Received> Received => CollectingConsumer.All.Where(r => r.Message.Kanaal == _kanaal);

    private async Task WaitUntil(Func<bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for messages");
            await Task.Delay(50);
        }
    }

    private async Task<(int Total, int Unpublished)> OutboxCounts(string schema)
    {
        await using var c = await database.CreateDataSource().OpenConnectionAsync();
        return await c.QuerySingleAsync<(int, int)>(
            $"SELECT count(*)::int, (count(*) FILTER (WHERE published_at IS NULL))::int FROM {schema}.outbox");
    }

    [Fact]
    public async Task ChangeAndOutboxRow_CommitTogether_AndTheMessageCarriesItsStableId()
    {
        await using var app = await StartServiceAsync("outbox_commit");
        var id = await WriteAsync(app, Message("https://zgw.example.nl/zaken/api/v1/zaken/1"));

        await WaitUntil(() => Received.Any());
        var received = Assert.Single(Received);
        Assert.Equal(id, received.MessageId);
        Assert.Equal(id.ToString(), received.HeaderId);
        Assert.Equal("000000000", received.Message.Kenmerken["bronorganisatie"]);
        await WaitUntil(() => OutboxCounts("outbox_commit").Result.Unpublished == 0);
    }

    /// <summary>
    /// A committed write wakes the relay of its own process (OutboxSignal), not a NOTIFY: with polling every 10 minutes
    /// the message still goes out at once.
    /// </summary>
    [Fact]
    public async Task CommittedWrite_WakesTheRelayInItsProcess_WithoutPollingOrNotify()
    {
        await using var app = await StartServiceAsync("outbox_signal", pollInterval: "00:10:00");
        await Task.Delay(500); // the relay's first pass (empty outbox) is done; it now waits for a signal
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await WriteAsync(app, Message("https://zgw.example.nl/signal"));
        await WaitUntil(() => Received.Any(), seconds: 10);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        await WaitUntil(() => OutboxCounts("outbox_signal").Result.Unpublished == 0, seconds: 10);
    }

    [Fact]
    public async Task RolledBackChange_LeavesNoRow_AndPublishesNothing()
    {
        await using var app = await StartServiceAsync("outbox_rollback");
        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteAsync(app, Message("https://zgw.example.nl/rolled-back"), fail: true));
        Assert.Equal((0, 0), await OutboxCounts("outbox_rollback"));

        // A later committed change is delivered; the rolled-back one never is.
        await WriteAsync(app, Message("https://zgw.example.nl/committed"));
        await WaitUntil(() => Received.Any());
        await Task.Delay(300);
        Assert.Equal(["https://zgw.example.nl/committed"], Received.Select(r => r.Message.ResourceUrl));
        await using var c = await database.CreateDataSource().OpenConnectionAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_rollback.voorbeeld"));
    }

    [Fact]
    public async Task BrokerOutage_RowsWait_AndAreAllDeliveredOnceItIsBack()
    {
        var amqp = new Uri(TestInfrastructure.RabbitMq);
        await using var proxy = new TcpProxy(amqp.Port);
        await using var app = await StartServiceAsync("outbox_outage", new UriBuilder(amqp) { Port = proxy.Port }.Uri.ToString());

        proxy.Cut();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
            ids.Add(await WriteAsync(app, Message($"https://zgw.example.nl/zaken/api/v1/zaken/{i}")));
        await Task.Delay(2000);
        Assert.Empty(Received);
        Assert.Equal((20, 20), await OutboxCounts("outbox_outage"));

        proxy.Restore();
        await WaitUntil(() => Received.Select(r => r.MessageId).Distinct().Count() == 20, seconds: 60);
        Assert.Equal(ids.Order(), Received.Select(r => r.MessageId!.Value).Distinct().Order());
        await WaitUntil(() => OutboxCounts("outbox_outage").Result.Unpublished == 0);
    }

    [Fact]
    public async Task TwoRelays_DoNotPublishARowTwice_AndKeepTheOrder()
    {
        await using var first = await StartServiceAsync("outbox_two");
        await using var second = await StartServiceAsync("outbox_two");

        var ids = new List<Guid>();
        for (var i = 0; i < 300; i++)
            ids.Add(await WriteAsync(i % 2 == 0 ? first : second, Message($"https://zgw.example.nl/zaken/api/v1/zaken/{i}")));

        await WaitUntil(() => Received.Count() >= 300, seconds: 60);
        await Task.Delay(500);
        var received = Received.Select(r => r.MessageId!.Value).ToList();
        Assert.Equal(300, received.Count);
        Assert.Equal(ids, received);
    }
}

/// <summary>Collects every notification it receives, with the ids it was delivered under.</summary>
public sealed class CollectingConsumer : IConsumer<NotificatieMessage>
{
    public sealed record Received(Guid? MessageId, string? HeaderId, NotificatieMessage Message);

    private static readonly ConcurrentQueue<Received> Messages = new();

    public static IEnumerable<Received> All => Messages.ToArray();

    public Task Consume(ConsumeContext<NotificatieMessage> context)
    {
        Messages.Enqueue(new Received(context.MessageId, context.Headers.Get<string>(ZgwHeaders.MessageId), context.Message));
        return Task.CompletedTask;
    }
}

/// <summary>The relay's ordering contract, with a publisher that takes its time: parallel across objects, in order per object.</summary>
public sealed class OutboxRelayOrderingTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private sealed class SlowPublisher(string? failOn = null) : IOutboxPublisher
    {
        private int _running;
        public int MostAtOnce;
        public readonly ConcurrentQueue<(string HoofdObject, string ResourceUrl)> Published = new();

        public async Task PublishAsync(Zgw.Data.Outbox.OutboxRow row, CancellationToken cancellationToken)
        {
            var message = System.Text.Json.JsonSerializer.Deserialize<NotificatieMessage>(row.Payload, ZgwJson.Options)!;
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref MostAtOnce, now);
            try
            {
                await Task.Delay(20, cancellationToken);
                if (message.ResourceUrl == failOn)
                    throw new InvalidOperationException("broker refused");
                Published.Enqueue((message.HoofdObject, message.ResourceUrl));
            }
            finally { Interlocked.Decrement(ref _running); }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }

    private async Task<ZgwDatabase> OutboxAsync(string schema, int objects, int perObject)
    {
        DapperConventions.Apply(); // as AddZgwDatabase does: the relay reads snake_case columns
        var ds = ZgwDatabase.CreateDataSource(database.ConnectionString, schema, "tests");
        await new Migrator(ds, schema, NullLogger.Instance).MigrateAsync([.. MigrationScript.Outbox]);
        var db = new ZgwDatabase(ds, schema);
        await db.InTransactionAsync(async (c, tx) =>
        {
            for (var i = 0; i < perObject; i++)
                for (var o = 0; o < objects; o++)
                    await NotificatieOutbox.EnqueueAsync(c, tx, new NotificatieMessage("k", $"https://zgw.example.nl/zaken/api/v1/zaken/{o}", "status",
                        $"https://zgw.example.nl/zaken/api/v1/statussen/{o}-{i}", "create", DateTimeOffset.UtcNow, new Dictionary<string, string>()));
            return 0;
        });
        return db;
    }

    private static OutboxRelay Relay(ZgwDatabase db, IOutboxPublisher publisher) =>
        new(db, publisher, Microsoft.Extensions.Options.Options.Create(new MessagingOptions()), NullLogger<OutboxRelay>.Instance);

    [Fact]
    public async Task Relay_PublishesDifferentHoofdObjectsInParallel_AndTheRowsOfOneHoofdObjectInCommitOrder()
    {
        var db = await OutboxAsync("outbox_parallel", objects: 10, perObject: 5);
        var publisher = new SlowPublisher();

        Assert.Equal(50, await Relay(db, publisher).RelayBatchAsync(CancellationToken.None));

        Assert.True(publisher.MostAtOnce > 1, $"at most {publisher.MostAtOnce} publish at a time");
        Assert.Equal(50, publisher.Published.Count);
        foreach (var perObject in publisher.Published.GroupBy(p => p.HoofdObject))
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"https://zgw.example.nl/zaken/api/v1/statussen/{perObject.Key.Split('/')[^1]}-{i}"),
                perObject.Select(p => p.ResourceUrl));
        await using var c = await db.OpenAsync();
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox WHERE published_at IS NULL"));
    }

    [Fact]
    public async Task Relay_AFailedRow_HoldsBackTheLaterRowsOfItsHoofdObjectOnly()
    {
        var db = await OutboxAsync("outbox_failing", objects: 3, perObject: 3);
        var publisher = new SlowPublisher(failOn: "https://zgw.example.nl/zaken/api/v1/statussen/1-1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Relay(db, publisher).RelayBatchAsync(CancellationToken.None));

        // zaak 1: its first row went out, the failed one and the one after it wait; zaken 0 and 2 went out whole
        Assert.Equal(7, publisher.Published.Count);
        Assert.Equal(["https://zgw.example.nl/zaken/api/v1/statussen/1-0"],
            publisher.Published.Where(p => p.HoofdObject.EndsWith("/zaken/1")).Select(p => p.ResourceUrl));
        await using var c = await db.OpenAsync();
        var waiting = (await c.QueryAsync<string>(
            "SELECT payload->>'resourceUrl' FROM outbox WHERE published_at IS NULL ORDER BY seq")).ToList();
        Assert.Equal(["https://zgw.example.nl/zaken/api/v1/statussen/1-1", "https://zgw.example.nl/zaken/api/v1/statussen/1-2"], waiting);
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox WHERE last_error IS NOT NULL"));
    }
}
