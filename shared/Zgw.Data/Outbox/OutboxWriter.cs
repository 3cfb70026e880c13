using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Npgsql;
using Zgw.ServiceDefaults;

namespace Zgw.Data.Outbox;

/// <summary>A message waiting in the outbox.</summary>
public sealed class OutboxRow
{
    public long Seq { get; init; }
    public Guid Id { get; init; }
    public string MessageType { get; init; } = "";
    public string Payload { get; init; } = "";

    /// <summary>Commit time (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    public int Attempts { get; init; }

    /// <summary>The W3C traceparent of the request that wrote the row, if it was traced.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>
/// Writes outbox rows inside the caller's transaction, so a change and the message that announces it
/// commit together, and a rolled-back change leaves no message. <see cref="ZgwDatabase.InTransactionAsync{T}"/> wakes
/// the relay after the commit (<see cref="OutboxSignal"/>); a <c>NOTIFY</c> on <see cref="Channel"/> also wakes it.
/// </summary>
public static class OutboxWriter
{
    /// <summary>The LISTEN/NOTIFY channel of a schema's outbox.</summary>
    public static string Channel(string schema) => $"outbox_{schema}";

    public static async Task<Guid> EnqueueAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string messageType, T message)
    {
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(
            "INSERT INTO outbox (id, message_type, payload, trace_parent) VALUES (@id, @messageType, CAST(@payload AS jsonb), @traceParent)",
            new { id, messageType, payload = JsonSerializer.Serialize(message, ZgwJson.Options), traceParent = Activity.Current?.Id }, transaction);
        OutboxSignal.MarkPending(transaction);
        return id;
    }
}
