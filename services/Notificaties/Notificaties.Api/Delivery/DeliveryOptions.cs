using System.Globalization;

namespace Notificaties.Api.Delivery;

/// <summary>Settings of the delivery pipeline, under <c>Notificaties:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notificaties:Delivery";

    /// <summary>
    /// Waits before each retry, comma-separated TimeSpans; after the last one fails the delivery is dead-lettered.
    /// Default 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 15 h: about a day.
    /// </summary>
    public string RetrySchedule { get; set; } = "00:00:10,00:01:00,00:05:00,00:30:00,02:00:00,06:00:00,15:00:00";

    /// <summary>Deliveries in flight at once, over all abonnementen.</summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>Deliveries in flight at once to one abonnement, so one slow subscriber cannot take every slot.</summary>
    public int MaxConcurrencyPerAbonnement { get; set; } = 8;

    /// <summary>How long one callback may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed delivery is reserved; a worker that dies leaves it to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Consecutive failures of one abonnement that open its circuit; while open, nothing is sent to it.</summary>
    public int CircuitBreakerFailures { get; set; } = 5;

    /// <summary>How long an open circuit stays open before the next try.</summary>
    public TimeSpan CircuitBreakerOpen { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Polling interval when no NOTIFY woke the worker.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long delivered notifications are kept (ARCHITECTURE §11.14).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public IReadOnlyList<TimeSpan> Schedule() =>
        RetrySchedule.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => TimeSpan.Parse(s, CultureInfo.InvariantCulture)).ToList();
}
