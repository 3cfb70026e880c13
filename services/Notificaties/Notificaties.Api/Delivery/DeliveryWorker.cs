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
    private readonly ConcurrentDictionary<long, int> _inFlightPerAbonnement = new();
    private readonly ConcurrentDictionary<long, Circuit> _circuits = new();
    private int _inFlight;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    private sealed record Circuit(int Failures, DateTimeOffset OpenUntil);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = PgListener.ListenAsync(database, NotificatieStore.Channel, () => _wake.Release(), logger, stoppingToken);
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var free = settings.MaxConcurrency - Volatile.Read(ref _inFlight);
                var claimed = free > 0 ? await ClaimAsync(free, stoppingToken) : [];
                foreach (var delivery in claimed)
                    Start(delivery, stoppingToken);
                await PurgeAsync(stoppingToken);
                if (claimed.Count > 0 && claimed.Count == free)
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

    private async Task<IReadOnlyList<DueDelivery>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var perAbonnement = options.Value.MaxConcurrencyPerAbonnement;
        var busy = _inFlightPerAbonnement.Where(p => p.Value >= perAbonnement).Select(p => p.Key)
            .Concat(_circuits.Where(c => c.Value.OpenUntil > now).Select(c => c.Key)).Distinct().ToArray();
        await using var c = await database.OpenAsync(cancellationToken);
        var rows = (await c.QueryAsync<DueDelivery>("""
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
            """, new { busy, limit, lease = options.Value.Lease })).ToList();
        // Per abonnement at most its limit of the claimed ones; the rest go back at once.
        var accepted = new List<DueDelivery>();
        var released = new List<long>();
        foreach (var row in rows)
        {
            if (_inFlightPerAbonnement.GetValueOrDefault(row.AbonnementId) + accepted.Count(a => a.AbonnementId == row.AbonnementId) < perAbonnement)
                accepted.Add(row);
            else
                released.Add(row.Id);
        }
        if (released.Count > 0)
            await c.ExecuteAsync("UPDATE delivery SET locked_until = NULL WHERE id = ANY(@released)", new { released = released.ToArray() });
        return accepted;
    }

    private void Start(DueDelivery delivery, CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _inFlight);
        _inFlightPerAbonnement.AddOrUpdate(delivery.AbonnementId, 1, (_, n) => n + 1);
        _ = Task.Run(async () =>
        {
            try
            {
                await DeliverAsync(delivery, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Delivery {Delivery} could not be recorded; its lease will expire and it is retried", delivery.Id);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                _inFlightPerAbonnement.AddOrUpdate(delivery.AbonnementId, 0, (_, n) => n - 1);
                _wake.Release();
            }
        }, CancellationToken.None);
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
            _circuits[delivery.AbonnementId] = circuit with { OpenUntil = DateTimeOffset.UtcNow + options.Value.CircuitBreakerOpen };
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
