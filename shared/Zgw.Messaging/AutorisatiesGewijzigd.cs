using MassTransit;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Data.Outbox;

namespace Zgw.Messaging;

/// <summary>
/// Internal bus event of the suite: the applicatie or the credentials of these client ids changed, so every
/// process drops them from its <see cref="AutorisatieCache"/>. An empty list means "everything".
/// Written through the outbox, so it is sent exactly when the change commits.
/// </summary>
public sealed record AutorisatiesGewijzigd(IReadOnlyList<string> ClientIds)
{
    public const string MessageType = "autorisaties-gewijzigd";

    public static Task<Guid> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> clientIds) =>
        OutboxWriter.EnqueueAsync(connection, transaction, MessageType, new AutorisatiesGewijzigd(clientIds.Distinct().ToList()));
}

/// <summary>Drops changed clients from this process's cache; every process has its own temporary queue.</summary>
public sealed class AutorisatiesGewijzigdConsumer(AutorisatieCache cache) : IConsumer<AutorisatiesGewijzigd>
{
    public Task Consume(ConsumeContext<AutorisatiesGewijzigd> context)
    {
        if (context.Message.ClientIds.Count == 0)
            cache.InvalidateAll();
        else
            cache.Invalidate(context.Message.ClientIds);
        return Task.CompletedTask;
    }
}
