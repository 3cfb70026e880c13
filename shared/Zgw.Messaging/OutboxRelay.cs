using System.Collections.Concurrent;
using System.Text.Json;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Data;
using Zgw.Data.Outbox;

namespace Zgw.Messaging;

/// <summary>
/// Publishes committed outbox rows, oldest first, and marks them published (at-least-once). Woken after the
/// writers' commits, with polling as a safety net. One relay per schema is active at a time (a transaction
/// advisory lock), so several replicas neither publish a row twice nor reorder the rows of one object (rows of
/// different objects go out in parallel, see <see cref="OrderingKey"/>); a crash between
/// publish and mark can repeat a message, never lose one. While the broker is down rows stay and the relay
/// backs off; they all go out once it is back.
/// </summary>
public sealed class OutboxRelay(
    ZgwDatabase database,
    IOutboxPublisher publisher,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly Meter Meter = new("OpenZaak.Outbox");
    private static readonly ActivitySource Tracing = new("OpenZaak.Outbox");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("openzaak.outbox.published");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("openzaak.outbox.publish_failures");
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("openzaak.outbox.lag", "ms");

    private readonly SemaphoreSlim _wake = new(0);
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = ListenAsync(stoppingToken);
        using var signal = OutboxSignal.Subscribe(database.Schema, () => _wake.Release());
        var settings = options.Value;
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var count = await RelayBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                if (count >= settings.RelayBatchSize)
                    continue;
                await PurgeAsync(stoppingToken);
                wait = settings.RelayPollInterval;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.RelayMaxBackoff.Ticks));
                logger.LogWarning("Outbox relay of {Schema} could not publish ({Error}); retrying in {Backoff}", database.Schema, e.Message, backoff);
                wait = backoff;
            }
            try
            {
                await _wake.WaitAsync(wait, stoppingToken);
                while (_wake.CurrentCount > 0 && backoff == TimeSpan.Zero)
                    await _wake.WaitAsync(0, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes up to one batch; returns how many rows it published.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var active = await connection.ExecuteScalarAsync<bool>(
            "SELECT pg_try_advisory_xact_lock(hashtext('openzaak-outbox-relay:' || current_schema()))", transaction: transaction);
        if (!active)
            return 0; // another replica is relaying this schema

        var rows = (await connection.QueryAsync<OutboxRow>("""
            SELECT seq, id, message_type, payload::text AS payload, created_at, attempts, trace_parent
            FROM outbox
            WHERE published_at IS NULL
            ORDER BY seq
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
            """, new { batch = options.Value.RelayBatchSize }, transaction)).ToList();

        // Rows about different objects go out concurrently; rows about the same object one after the other, in commit
        // order (OrderingKey). Publishing one row at a time waited a broker round trip per row and capped a relay at a few
        // hundred messages a second (docs/benchmarks.md).
        var published = new ConcurrentBag<long>();
        var failures = new ConcurrentQueue<(OutboxRow Row, Exception Error)>();
        await Task.WhenAll(rows.GroupBy(OrderingKey).Select(async group =>
        {
            foreach (var row in group)
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(options.Value.PublishTimeout);
                    // Continue the trace of the request that made the change (the bus carries it on).
                    using var activity = Tracing.StartActivity("outbox publish", ActivityKind.Producer, row.TraceParent);
                    await publisher.PublishAsync(row, timeout.Token);
                    published.Add(row.Seq);
                    Lag.Record((DateTime.UtcNow - row.CreatedAt).TotalMilliseconds);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failures.Enqueue((row, e));
                    Failures.Add(1);
                    return; // keep the order: nothing about this object after a failed row goes out before it
                }
            }
        }));
        foreach (var (row, error) in failures)
            await connection.ExecuteAsync(
                "UPDATE outbox SET attempts = attempts + 1, last_error = @error WHERE seq = @seq",
                new { seq = row.Seq, error = error.GetType().Name + ": " + error.Message }, transaction);
        var failure = failures.TryPeek(out var first) ? first.Error : null;
        if (published.Count > 0)
        {
            await connection.ExecuteAsync(
                "UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY(@published)",
                new { published = published.ToArray() }, transaction);
        }
        await transaction.CommitAsync(cancellationToken);
        Published.Add(published.Count);
        if (failure is not null)
            throw new InvalidOperationException($"Publishing outbox row failed: {failure.Message}", failure);
        return published.Count;
    }

    /// <summary>
    /// Rows with the same key are published in commit order; different keys in parallel. A notification's key is its
    /// hoofdObject (subscribers see the changes of one zaak, document, … in order; Notificaties delivers per hoofdObject
    /// in that order too). Autorisatie changes only make caches forget a client, in any order. Any other type keeps the
    /// order of its type.
    /// </summary>
    public static string OrderingKey(OutboxRow row)
    {
        switch (row.MessageType)
        {
            case AutorisatiesGewijzigd.MessageType:
                return $"{row.MessageType}:{row.Seq}";
            case NotificatieOutbox.MessageType:
                // The payload is written with ZgwJson (camelCase), as the standard message.
                using (var payload = JsonDocument.Parse(row.Payload))
                    return payload.RootElement.TryGetProperty("hoofdObject", out var hoofdObject)
                        ? $"{row.MessageType}:{hoofdObject.GetString()}"
                        : row.MessageType;
            default:
                return row.MessageType;
        }
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow < _nextPurge)
            return;
        _nextPurge = DateTimeOffset.UtcNow.AddMinutes(10);
        await using var connection = await database.OpenAsync(cancellationToken);
        var purged = await connection.ExecuteAsync(
            "DELETE FROM outbox WHERE published_at < now() - @retention", new { retention = options.Value.OutboxRetention });
        if (purged > 0)
            logger.LogInformation("Purged {Count} published outbox rows of {Schema}", purged, database.Schema);
    }

    private Task ListenAsync(CancellationToken stoppingToken) =>
        PgListener.ListenAsync(database, OutboxWriter.Channel(database.Schema), () => _wake.Release(), logger, stoppingToken);
}
