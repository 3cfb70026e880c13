using System.Diagnostics.Metrics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Notificaties.Api.Resources.Abonnement;
using Notificaties.Api.Resources.Kanaal;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Data;
using Zgw.Messaging;
using Zgw.ServiceDefaults;

namespace Notificaties.Api.Resources.Notificatie;

/// <summary>
/// Receives a notification: checks it against its kanaal (N2), then stores it together with one delivery per
/// matching abonnement (N4) in one transaction, and wakes the delivery worker at commit. A message id seen
/// before is acknowledged without a second delivery (the bus and HTTP publishers may repeat).
/// </summary>
public sealed class NotificatieStore(ZgwDatabase database, ILogger<NotificatieStore> logger)
{
    public const string Channel = "notificaties_delivery";
    internal static readonly Meter Meter = new("OpenZaak.Notificaties");
    private static readonly Counter<long> Received = Meter.CreateCounter<long>("openzaak.notificaties.received");

    public async Task<int> ReceiveAsync(NotificatieMessage message, Guid messageId, string? traceParent, CancellationToken cancellationToken)
    {
        var deliveries = await database.InTransactionAsync(async (c, tx) =>
        {
            var kanaal = await KanaalEndpoints.FindAsync(c, message.Kanaal, tx);
            var v = new Validator();
            NotificatieRules.N2_KanaalBestaat(kanaal, message, v);
            if (kanaal is not null)
                NotificatieRules.N2_KenmerkenPassenBijKanaal(kanaal, message, v);
            v.ThrowIfInvalid();

            var id = await c.ExecuteScalarAsync<long?>("""
                INSERT INTO notificatie (message_id, kanaal, hoofd_object, aanmaakdatum, payload, trace_parent)
                VALUES (@messageId, @kanaal, @hoofdObject, @aanmaakdatum, CAST(@payload AS jsonb), @traceParent)
                ON CONFLICT (message_id) DO NOTHING
                RETURNING id
                """, new
            {
                messageId, kanaal = message.Kanaal, hoofdObject = message.HoofdObject, aanmaakdatum = message.Aanmaakdatum,
                payload = JsonSerializer.Serialize(message, ZgwJson.Options), traceParent,
            }, tx);
            if (id is null)
                return 0; // seen before

            var targets = (await AbonnementEndpoints.ForKanaalAsync(c, tx, message.Kanaal))
                .Where(a => a.Wants(message.Kanaal, message.Kenmerken)).Select(a => a.Id).ToArray();
            if (targets.Length > 0)
            {
                await c.ExecuteAsync("""
                    INSERT INTO delivery (notificatie_id, abonnement_id, hoofd_object, aanmaakdatum)
                    SELECT @id, unnest(@targets), @hoofdObject, @aanmaakdatum;
                    SELECT pg_notify('notificaties_delivery', '');
                    """, new { id, targets, hoofdObject = message.HoofdObject, aanmaakdatum = message.Aanmaakdatum }, tx);
            }
            return targets.Length;
        }, cancellationToken);
        Received.Add(1, new KeyValuePair<string, object?>("kanaal", message.Kanaal));
        logger.LogDebug("Notification {MessageId} on {Kanaal} stored for {Count} abonnementen", messageId, message.Kanaal, deliveries);
        return deliveries;
    }
}

/// <summary>The message rules of zgw-rules N2, with Open Notificaties' codes.</summary>
public static class NotificatieRules
{
    /// <summary>N2: the kanaal must exist (<c>message_kanaal</c>).</summary>
    public static void N2_KanaalBestaat(KanaalRecord? kanaal, NotificatieMessage message, Validator v)
    {
        if (kanaal is null)
            v.Add("kanaal", "message_kanaal", $"Kanaal met naam {message.Kanaal} bestaat niet.");
    }

    /// <summary>
    /// N2: the kenmerken keys must be a subset or a superset of the kanaal's declared filters
    /// (<c>kenmerken_inconsistent</c>).
    /// </summary>
    public static void N2_KenmerkenPassenBijKanaal(KanaalRecord kanaal, NotificatieMessage message, Validator v)
    {
        var keys = message.Kenmerken.Keys.ToHashSet();
        var filters = kanaal.Filters.ToHashSet();
        if (!keys.IsSubsetOf(filters) && !keys.IsSupersetOf(filters))
            v.Add("kenmerken", "kenmerken_inconsistent",
                $"Kenmerken {string.Join(", ", keys.Order())} passen niet bij de filters van kanaal {kanaal.Naam} ({string.Join(", ", filters.Order())}).");
    }
}

/// <summary>
/// Takes notifications from the bus (the outbox relay of every service). The broker keeps a message until it is
/// stored here, so an outage of this service loses nothing. A message that breaks N2 goes to the error queue.
/// </summary>
public sealed class NotificatieConsumer(NotificatieStore store) : IConsumer<NotificatieMessage>
{
    public async Task Consume(ConsumeContext<NotificatieMessage> context)
    {
        var messageId = context.MessageId ?? (Guid.TryParse(context.Headers.Get<string>(ZgwHeaders.MessageId), out var id) ? id : NewId.NextGuid());
        try
        {
            await store.ReceiveAsync(context.Message, messageId, System.Diagnostics.Activity.Current?.Id, context.CancellationToken);
        }
        catch (ZgwException e) when (e.InvalidParams is { Count: > 0 })
        {
            throw new InvalidOperationException($"Notification {messageId} refused: {string.Join("; ", e.InvalidParams.Select(p => p.Reason))}");
        }
    }
}
