using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Dapper;
using Microsoft.Extensions.Options;
using Notificaties.Api.Resources.Notificatie;
using Zgw.Data;
using Zgw.Messaging;

namespace Notificaties.Api.Delivery;

/// <summary>One claimed delivery with everything needed to send it.</summary>
public sealed class DueDelivery
{
    public long Id { get; init; }
    public long AbonnementId { get; init; }
    public int Attempts { get; init; }
    public Guid MessageId { get; init; }
    public string Payload { get; init; } = "";
    public string? TraceParent { get; init; }
    public string CallbackUrl { get; init; } = "";
    public string Auth { get; init; } = "";
    public DateTime Ontvangen { get; init; }
    public DateTime Aanmaakdatum { get; init; }
}

/// <summary>
/// Sends stored deliveries to the subscribers' callbacks (N5), at least once, with the message id in the
/// <c>Zgw-Message-Id</c> header. Claims due deliveries with <c>FOR UPDATE SKIP LOCKED</c> and a lease, so several
/// replicas share the work and a crashed one loses nothing; keeps the order per hoofdObject for each abonnement;
/// limits concurrency overall and per abonnement, times out slow callbacks and opens a circuit for a failing
/// abonnement, so one bad subscriber never delays the others. Failures are retried on the schedule in the
/// database, then dead-lettered.
/// </summary>
public sealed class DeliveryWorker(
    ZgwDatabase database,
    IHttpClientFactory clients,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "notificatie-delivery";
    private static readonly ActivitySource Tracing = new("OpenZaak.Notificaties");
    private static readonly Counter<long> Delivered = NotificatieStore.Meter.CreateCounter<long>("openzaak.notificaties.delivered");
    private static readonly Counter<long> Retrying = NotificatieStore.Meter.CreateCounter<long>("openzaak.notificaties.retrying");
    private static readonly Counter<long> DeadLettered = NotificatieStore.Meter.CreateCounter<long>("openzaak.notificaties.dead_lettered");
    private static readonly Histogram<double> Latency = NotificatieStore.Meter.CreateHistogram<double>("openzaak.notificaties.delivery_latency", "ms",
        "From receipt by the Notificaties service to the subscriber's 2xx");
    private static readonly Histogram<double> EndToEnd = NotificatieStore.Meter.CreateHistogram<double>("openzaak.notificaties.end_to_end_latency", "ms",
        "From the notification's aanmaakdatum (the change) to the subscriber's 2xx");

    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<long, Subscriber> _subscribers = new();
    private readonly ConcurrentDictionary<long, Circuit> _circuits = new();
    private int _inFlight;
    private int _queued;
    private CancellationToken _stopping;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    private sealed record Circuit(int Failures, DateTimeOffset OpenUntil);

    /// <summary>Claimed deliveries of one abonnement waiting for a slot, and how many are in flight.</summary>
    private sealed class Subscriber
    {
        public readonly ConcurrentQueue<DueDelivery> Queue = new();
        public int InFlight;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        _ = PgListener.ListenAsync(database, NotificatieStore.Channel, () => _wake.Release(), logger, stoppingToken);
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Claim in batches into per-abonnement queues; completions feed the next send from memory, so the
                // database is asked again only when the queues run low.
                var room = settings.MaxConcurrency * 4 - Volatile.Read(ref _queued) - Volatile.Read(ref _inFlight);
                var claimed = room >= settings.MaxConcurrency ? await ClaimAsync(room, stoppingToken) : [];
                foreach (var delivery in claimed)
                {
                    _subscribers.GetOrAdd(delivery.AbonnementId, _ => new Subscriber()).Queue.Enqueue(delivery);
                    Interlocked.Increment(ref _queued);
                }
                foreach (var abonnement in claimed.Select(d => d.AbonnementId).Distinct())
                    Pump(abonnement);
                await PurgeAsync(stoppingToken);
                if (claimed.Count > 0 && claimed.Count == room)
                    continue;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Delivery worker could not claim deliveries: {Error}", e.Message);
            }
            try
            {
                await _wake.WaitAsync(settings.PollInterval, stoppingToken);
                while (_wake.CurrentCount > 0)
                    await _wake.WaitAsync(0, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Claims due deliveries: at most one per (abonnement, hoofdObject) — the oldest — so sending the claimed ones in
    /// any order keeps the order per hoofdObject; never for an abonnement whose queue is full or circuit open.
    /// </summary>
    private async Task<IReadOnlyList<DueDelivery>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var perAbonnementQueue = options.Value.MaxConcurrencyPerAbonnement * 4;
        var busy = _subscribers.Where(p => p.Value.Queue.Count + Volatile.Read(ref p.Value.InFlight) >= perAbonnementQueue).Select(p => p.Key)
            .Concat(_circuits.Where(c => c.Value.OpenUntil > now).Select(c => c.Key)).Distinct().ToArray();
        await using var c = await database.OpenAsync(cancellationToken);
        return (await c.QueryAsync<DueDelivery>("""
            WITH due AS (
                SELECT d.id
                FROM delivery d
                WHERE d.status = 'pending' AND d.next_attempt_at <= now()
                  AND (d.locked_until IS NULL OR d.locked_until < now())
                  AND d.abonnement_id <> ALL(@busy)
                  AND NOT EXISTS (
                      SELECT 1 FROM delivery e
                      WHERE e.status = 'pending' AND e.abonnement_id = d.abonnement_id AND e.hoofd_object = d.hoofd_object
                        AND (e.aanmaakdatum, e.id) < (d.aanmaakdatum, d.id))
                ORDER BY d.next_attempt_at, d.id
                LIMIT @limit
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE delivery SET locked_until = now() + @lease
                FROM due WHERE delivery.id = due.id
                RETURNING delivery.id, delivery.abonnement_id, delivery.attempts, delivery.notificatie_id)
            SELECT claimed.id, claimed.abonnement_id AS abonnementid, claimed.attempts, n.message_id AS messageid,
                   n.payload::text AS payload, n.trace_parent AS traceparent, a.callback_url AS callbackurl, a.auth,
                   n.ontvangen, n.aanmaakdatum
            FROM claimed
            JOIN notificatie n ON n.id = claimed.notificatie_id
            JOIN abonnement a ON a.id = claimed.abonnement_id
            ORDER BY claimed.id
            """, new { busy, limit, lease = options.Value.Lease })).ToList();
    }

    /// <summary>Starts queued deliveries of one abonnement while it and the process have free slots.</summary>
    private void Pump(long abonnement)
    {
        var subscriber = _subscribers.GetOrAdd(abonnement, _ => new Subscriber());
        while (Volatile.Read(ref subscriber.InFlight) < options.Value.MaxConcurrencyPerAbonnement
               && Volatile.Read(ref _inFlight) < options.Value.MaxConcurrency
               && !(_circuits.TryGetValue(abonnement, out var circuit) && circuit.OpenUntil > DateTimeOffset.UtcNow)
               && subscriber.Queue.TryDequeue(out var next))
        {
            var delivery = next; // one variable per iteration: the task below captures it
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref subscriber.InFlight);
            Interlocked.Increment(ref _inFlight);
            _ = Task.Run(async () =>
            {
                try
                {
                    await DeliverAsync(delivery, _stopping);
                }
                catch (Exception e) when (!_stopping.IsCancellationRequested)
                {
                    logger.LogError(e, "Delivery {Delivery} could not be recorded; its lease will expire and it is retried", delivery.Id);
                }
                finally
                {
                    Interlocked.Decrement(ref subscriber.InFlight);
                    Interlocked.Decrement(ref _inFlight);
                    Pump(abonnement);
                    // Ask the database again only when this subscriber's queue runs low: a claim scans the pending
                    // rows, so claiming after every delivery would cost O(backlog) per delivery.
                    if (subscriber.Queue.Count < options.Value.MaxConcurrencyPerAbonnement)
                        _wake.Release();
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>An abonnement's circuit opened: what is queued for it goes back to the database, to be claimed later.</summary>
    private async Task ReleaseQueuedAsync(long abonnement)
    {
        if (!_subscribers.TryGetValue(abonnement, out var subscriber))
            return;
        var released = new List<long>();
        while (subscriber.Queue.TryDequeue(out var queued))
        {
            released.Add(queued.Id);
            Interlocked.Decrement(ref _queued);
        }
        if (released.Count == 0)
            return;
        await using var c = await database.OpenAsync(_stopping);
        await c.ExecuteAsync("UPDATE delivery SET locked_until = NULL WHERE id = ANY(@released)", new { released = released.ToArray() });
    }

    private async Task DeliverAsync(DueDelivery delivery, CancellationToken stoppingToken)
    {
        using var activity = Tracing.StartActivity("notificatie deliver", ActivityKind.Client, delivery.TraceParent);
        activity?.SetTag("openzaak.message_id", delivery.MessageId);
        var (ok, status, error) = await SendAsync(delivery, stoppingToken);
        var now = DateTime.UtcNow;
        await using var c = await database.OpenAsync(stoppingToken);
        if (ok)
        {
            await c.ExecuteAsync("""
                UPDATE delivery SET status = 'delivered', delivered_at = now(), attempts = attempts + 1, locked_until = NULL,
                                    last_status = @status, last_error = NULL
                WHERE id = @id
                """, new { id = delivery.Id, status });
            if (_circuits.TryRemove(delivery.AbonnementId, out _))
            {
                // The subscriber is back: its backlog need not wait for each delivery's own next retry.
                await c.ExecuteAsync("""
                    UPDATE delivery SET next_attempt_at = now()
                    WHERE abonnement_id = @abonnement AND status = 'pending' AND next_attempt_at > now()
                    """, new { abonnement = delivery.AbonnementId });
                _wake.Release();
            }
            Delivered.Add(1);
            Latency.Record((now - delivery.Ontvangen).TotalMilliseconds);
            EndToEnd.Record((now - delivery.Aanmaakdatum).TotalMilliseconds);
            return;
        }

        var schedule = options.Value.Schedule();
        var attempt = delivery.Attempts + 1;
        var dead = attempt > schedule.Count;
        await c.ExecuteAsync("""
            UPDATE delivery SET attempts = @attempt, locked_until = NULL, last_status = @status, last_error = @error,
                                status = CASE WHEN @dead THEN 'dead' ELSE 'pending' END,
                                next_attempt_at = now() + @wait
            WHERE id = @id
            """, new { id = delivery.Id, attempt, status, error, dead, wait = dead ? TimeSpan.Zero : schedule[attempt - 1] });
        var circuit = _circuits.AddOrUpdate(delivery.AbonnementId, _ => new Circuit(1, DateTimeOffset.MinValue), (_, c0) => c0 with { Failures = c0.Failures + 1 });
        if (circuit.Failures >= options.Value.CircuitBreakerFailures)
        {
            _circuits[delivery.AbonnementId] = circuit with { OpenUntil = DateTimeOffset.UtcNow + options.Value.CircuitBreakerOpen };
            await ReleaseQueuedAsync(delivery.AbonnementId);
        }
        if (dead)
        {
            DeadLettered.Add(1);
            logger.LogWarning("Delivery {Delivery} of message {MessageId} to {Callback} is dead-lettered after {Attempts} attempts: {Error}",
                delivery.Id, delivery.MessageId, delivery.CallbackUrl, attempt, error);
        }
        else
        {
            Retrying.Add(1);
            logger.LogInformation("Delivery {Delivery} to {Callback} failed ({Error}); retry {Attempt} in {Wait}",
                delivery.Id, delivery.CallbackUrl, error, attempt, schedule[attempt - 1]);
        }
    }

    private async Task<(bool Ok, int? Status, string? Error)> SendAsync(DueDelivery delivery, CancellationToken stoppingToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.CallbackUrl)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", delivery.Auth);
        request.Headers.TryAddWithoutValidation(ZgwHeaders.MessageId, delivery.MessageId.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (true, status, null) : (false, status, $"HTTP {status}");
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            return (false, null, e is OperationCanceledException ? $"timeout after {options.Value.Timeout}" : e.Message);
        }
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow < _nextPurge)
            return;
        _nextPurge = DateTimeOffset.UtcNow.AddMinutes(10);
        await using var c = await database.OpenAsync(cancellationToken);
        await c.ExecuteAsync("""
            DELETE FROM notificatie n
            WHERE n.ontvangen < now() - @retention
              AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.notificatie_id = n.id AND d.status <> 'delivered')
            """, new { retention = options.Value.Retention });
    }
}
