using System.Text.Json;
using MassTransit;
using Zgw.Data.Outbox;
using Zgw.ServiceDefaults;

namespace Zgw.Messaging;

/// <summary>Sends one outbox row on its way; returns when the transport has accepted it (publisher confirm).</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(OutboxRow row, CancellationToken cancellationToken);
}

/// <summary>Publishes outbox rows on RabbitMQ through MassTransit, with the row id as message id.</summary>
public sealed class MassTransitOutboxPublisher(IBus bus) : IOutboxPublisher
{
    /// <summary>The outbox message types and the contracts they are published as.</summary>
    private static readonly Dictionary<string, Type> Types = new()
    {
        [NotificatieOutbox.MessageType] = typeof(NotificatieMessage),
        [AutorisatiesGewijzigd.MessageType] = typeof(AutorisatiesGewijzigd),
    };

    public Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (!Types.TryGetValue(row.MessageType, out var type))
            throw new InvalidOperationException($"Outbox row {row.Id} has unknown message type '{row.MessageType}'.");
        var message = JsonSerializer.Deserialize(row.Payload, type, ZgwJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");
        return bus.Publish(message, type, ctx =>
        {
            ctx.MessageId = row.Id;
            ctx.Headers.Set(ZgwHeaders.MessageId, row.Id.ToString());
            ctx.Durable = true;
        }, cancellationToken);
    }
}
