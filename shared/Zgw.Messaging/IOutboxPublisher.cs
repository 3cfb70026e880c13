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
internal sealed class MassTransitOutboxPublisher(IBus bus) : IOutboxPublisher
{
    public Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        switch (row.MessageType)
        {
            case NotificatieOutbox.MessageType:
                var message = JsonSerializer.Deserialize<NotificatieMessage>(row.Payload, ZgwJson.Options)
                    ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");
                return bus.Publish(message, ctx =>
                {
                    ctx.MessageId = row.Id;
                    ctx.Headers.Set(ZgwHeaders.MessageId, row.Id.ToString());
                    ctx.Durable = true;
                }, cancellationToken);
            default:
                throw new InvalidOperationException($"Outbox row {row.Id} has unknown message type '{row.MessageType}'.");
        }
    }
}
