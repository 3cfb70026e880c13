using Npgsql;
using Zgw.Data.Outbox;

namespace Zgw.Messaging;

/// <summary>
/// The standard ZGW notification (Notificaties API <c>Notificatie</c>). The stable message id that lets
/// subscribers recognise duplicates travels as the message id and the <see cref="ZgwHeaders.MessageId"/> header
/// (the standard message has no id field; ARCHITECTURE §11.5).
/// </summary>
public sealed record NotificatieMessage(
    string Kanaal,
    string HoofdObject,
    string Resource,
    string ResourceUrl,
    string Actie,
    DateTimeOffset Aanmaakdatum,
    IReadOnlyDictionary<string, string> Kenmerken);

public static class ZgwHeaders
{
    /// <summary>Header carrying the outbox row id: the same on every (re)delivery of one change.</summary>
    public const string MessageId = "Zgw-Message-Id";
}

/// <summary>Queues a notification in the caller's transaction (see <see cref="OutboxWriter"/>).</summary>
public static class NotificatieOutbox
{
    public const string MessageType = "notificatie";

    public static Task<Guid> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NotificatieMessage message) =>
        OutboxWriter.EnqueueAsync(connection, transaction, MessageType, message);
}
