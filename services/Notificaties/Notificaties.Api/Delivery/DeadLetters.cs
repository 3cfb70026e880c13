using Dapper;
using Microsoft.Extensions.Options;
using Notificaties.Api.Resources.Notificatie;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Data;
using Zgw.ServiceDefaults;

namespace Notificaties.Api.Delivery;

/// <summary>A delivery that failed on every retry.</summary>
public sealed class DeadLetter
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public Guid Abonnement { get; init; }
    public string CallbackUrl { get; init; } = "";
    public int Attempts { get; init; }
    public int? LastStatus { get; init; }
    public string? LastError { get; init; }
    public DateTime Ontvangen { get; init; }
    public string Kanaal { get; init; } = "";
    public string HoofdObject { get; init; } = "";
}

public sealed record ReplayRequest(List<long>? Ids);

/// <summary>
/// Dead letters, for operators: list them, and replay them (one, some, or all) — the delivery starts over with
/// a fresh schedule. Non-standard admin API at <c>/notificaties/admin/v1/dead-letters</c> (header
/// <c>X-Admin-Key</c>), and the CLI verb <c>dead-letters list | replay ID... | replay --all</c>.
/// </summary>
public static class DeadLetters
{
    public const string Path = "/notificaties/admin/v1/dead-letters";

    public static WebApplication MapDeadLetterEndpoints(this WebApplication app)
    {
        var admin = app.MapGroup(Path).RequireAdminKey();
        admin.MapGet("", async (ZgwDatabase db, IOptions<ZgwOptions> zgw) => Results.Ok((await ListAsync(db)).Select(d => new
        {
            d.Id, d.MessageId, abonnement = NotificatiesService.Url(zgw.Value, "abonnement", d.Abonnement), d.CallbackUrl, d.Attempts,
            d.LastStatus, d.LastError, d.Ontvangen, d.Kanaal, d.HoofdObject,
        })));
        admin.MapPost("/replay", async (HttpContext ctx, ZgwDatabase db) =>
        {
            var body = ctx.Request.ContentLength is > 0 ? await ZgwBody.ReadAsync<ReplayRequest>(ctx) : new ReplayRequest(null);
            return Results.Ok(new { replayed = await ReplayAsync(db, body.Ids) });
        });
        admin.MapPost("/{id:long}/replay", async (long id, ZgwDatabase db) =>
            await ReplayAsync(db, [id]) == 0 ? throw ZgwException.NotFound("Geen dead letter met dit id.") : Results.Ok(new { replayed = 1 }));
        return app;
    }

    public static async Task<IReadOnlyList<DeadLetter>> ListAsync(ZgwDatabase db)
    {
        await using var c = await db.OpenAsync();
        return (await c.QueryAsync<DeadLetter>("""
            SELECT d.id, n.message_id AS messageid, a.uuid AS abonnement, a.callback_url AS callbackurl, d.attempts,
                   d.last_status AS laststatus, d.last_error AS lasterror, n.ontvangen, n.kanaal, n.hoofd_object AS hoofdobject
            FROM delivery d
            JOIN notificatie n ON n.id = d.notificatie_id
            JOIN abonnement a ON a.id = d.abonnement_id
            WHERE d.status = 'dead'
            ORDER BY d.id
            LIMIT 1000
            """)).ToList();
    }

    /// <summary>Puts dead deliveries back in the queue; <paramref name="ids"/> null means all of them.</summary>
    public static async Task<int> ReplayAsync(ZgwDatabase db, IReadOnlyCollection<long>? ids)
    {
        await using var c = await db.OpenAsync();
        return await c.ExecuteAsync($"""
            UPDATE delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), locked_until = NULL
            WHERE status = 'dead' {(ids is null ? "" : "AND id = ANY(@ids)")};
            SELECT pg_notify('{NotificatieStore.Channel}', '');
            """, new { ids = ids?.ToArray() });
    }

    public static async Task<int> CommandAsync(WebApplication app, string[] args)
    {
        var db = app.Services.GetRequiredService<ZgwDatabase>();
        switch (args)
        {
            case ["list"]:
                foreach (var d in await ListAsync(db))
                    Console.WriteLine($"{d.Id}\t{d.Kanaal}\t{d.HoofdObject}\t{d.CallbackUrl}\t{d.Attempts} attempts\t{d.LastStatus?.ToString() ?? d.LastError}");
                return 0;
            case ["replay", "--all"]:
                Console.WriteLine($"{await ReplayAsync(db, null)} dead letters replayed.");
                return 0;
            case ["replay", .. var ids] when ids.Length > 0 && ids.All(i => long.TryParse(i, out _)):
                Console.WriteLine($"{await ReplayAsync(db, ids.Select(long.Parse).ToList())} dead letters replayed.");
                return 0;
            default:
                Console.Error.WriteLine("Usage: dead-letters list | dead-letters replay ID... | dead-letters replay --all");
                return 2;
        }
    }
}
