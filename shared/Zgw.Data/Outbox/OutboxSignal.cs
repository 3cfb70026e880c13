using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Npgsql;

namespace Zgw.Data.Outbox;

/// <summary>
/// Wakes the outbox relay of a schema in this process when a transaction that wrote outbox rows has committed.
/// This replaces a <c>NOTIFY</c> in every writing transaction: PostgreSQL serialises the commits of all transactions
/// that notify (a database-wide lock held through the commit's WAL flush), which capped writes at about 190/s on the
/// benchmark machine while the CPUs were half idle. The relay still polls (<c>Messaging:RelayPollInterval</c>) for rows
/// written by other processes; each replica runs a relay and wakes it for its own writes.
/// </summary>
public static class OutboxSignal
{
    private static readonly object Marker = new();
    private static readonly ConditionalWeakTable<NpgsqlTransaction, object> Pending = new();
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action>> Subscribers = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="transaction"/> wrote outbox rows (called by <see cref="OutboxWriter"/>).</summary>
    public static void MarkPending(NpgsqlTransaction transaction) => Pending.AddOrUpdate(transaction, Marker);

    /// <summary>After a commit: true (once) when the transaction wrote outbox rows.</summary>
    public static bool TakePending(NpgsqlTransaction transaction) => Pending.Remove(transaction);

    /// <summary>Wakes every relay of <paramref name="schema"/> in this process.</summary>
    public static void Pulse(string schema)
    {
        if (Subscribers.TryGetValue(schema, out var wakers))
            foreach (var wake in wakers.Values)
                wake();
    }

    /// <summary>Registers a relay's wake-up for <paramref name="schema"/> until the result is disposed.</summary>
    public static IDisposable Subscribe(string schema, Action wake)
    {
        var id = Guid.NewGuid();
        Subscribers.GetOrAdd(schema, _ => new ConcurrentDictionary<Guid, Action>())[id] = wake;
        return new Subscription(() => Subscribers[schema].TryRemove(id, out _));
    }

    private sealed class Subscription(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
