namespace Zgw.Messaging;

/// <summary>Settings under <c>Messaging</c>; the broker address is <c>ConnectionStrings:RabbitMq</c>.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Declare receive queues as quorum queues (clustered RabbitMQ). Default false (classic durable).</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Run the outbox relay in this process. Default true.</summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>Rows the relay takes per batch.</summary>
    public int RelayBatchSize { get; set; } = 100;

    /// <summary>How often the relay looks for rows when no NOTIFY woke it.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts while the broker is unreachable.</summary>
    public TimeSpan RelayMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one publish may wait for the broker's confirm.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long published rows are kept before they are purged (ARCHITECTURE §11.14).</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How notifications leave the outbox: <see cref="NotificatieTransport.Bus"/> (default) to our Notificaties service
    /// over RabbitMQ, or <see cref="NotificatieTransport.Http"/> to a (vendor's) Notificaties API at
    /// <c>Zgw:Services:notificaties:InternalUrl</c> (ARCHITECTURE §11.6).
    /// </summary>
    public NotificatieTransport NotificatieTransport { get; set; } = NotificatieTransport.Bus;
}

public enum NotificatieTransport
{
    /// <summary>Publish on RabbitMQ; our Notificaties service consumes them.</summary>
    Bus,

    /// <summary><c>POST {notificaties}/notificaties/api/v1/notificaties</c>, see <see cref="HttpNotificatiePublisher"/>.</summary>
    Http,
}
