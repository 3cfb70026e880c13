using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.ServiceDefaults;

namespace Notificaties.Api.Resources.Abonnement;

/// <summary><c>/abonnement</c>: list (not paginated), create, read, update, partial update, delete.</summary>
public static class AbonnementEndpoints
{
    private const string Columns = "id, uuid, callback_url AS callbackurl, auth, kanalen::text AS kanalen";

    public static WebApplication MapAbonnementEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(NotificatiesService.Component.ApiPath);
        string[] read = [NotificatiesScopes.Consumeren, NotificatiesScopes.Publiceren];
        api.MapGet("/abonnement", List).RequireScopes(ZgwScopes.Nrc, read);
        api.MapPost("/abonnement", Create).RequireScopes(ZgwScopes.Nrc, NotificatiesScopes.Consumeren);
        api.MapGet("/abonnement/{uuid:guid}", Read).RequireScopes(ZgwScopes.Nrc, read);
        api.MapPut("/abonnement/{uuid:guid}", Update).RequireScopes(ZgwScopes.Nrc, NotificatiesScopes.Consumeren);
        api.MapPatch("/abonnement/{uuid:guid}", PartialUpdate).RequireScopes(ZgwScopes.Nrc, NotificatiesScopes.Consumeren);
        api.MapDelete("/abonnement/{uuid:guid}", Delete).RequireScopes(ZgwScopes.Nrc, NotificatiesScopes.Consumeren);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, IOptions<ZgwOptions> zgw)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var rows = await c.QueryAsync<Row>($"SELECT {Columns} FROM abonnement ORDER BY id DESC");
        return Results.Ok(rows.Select(r => r.ToRecord().ToDto(zgw.Value)));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, IOptions<ZgwOptions> zgw)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        return Results.Ok((await GetAsync(c, uuid) ?? throw ZgwException.NotFound()).ToDto(zgw.Value));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, CallbackVerifier verifier, IOptions<ZgwOptions> zgw)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<AbonnementRequest>(ctx);
        await using var c = await db.OpenAsync();
        await ValidateAsync(c, body, verifier, ctx.RequestAborted);
        var record = new AbonnementRecord(0, Guid.CreateVersion7(), body.CallbackUrl!, body.Auth!, body.Kanalen!);
        await c.ExecuteAsync("INSERT INTO abonnement (uuid, callback_url, auth, kanalen) VALUES (@uuid, @callbackUrl, @auth, CAST(@kanalen AS jsonb))",
            Parameters(record));
        return Results.Created(NotificatiesService.Url(zgw.Value, "abonnement", record.Uuid), record.ToDto(zgw.Value));
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, CallbackVerifier verifier, IOptions<ZgwOptions> zgw) =>
        WriteAsync(ctx, uuid, db, verifier, zgw, _ => ZgwBody.ReadAsync<AbonnementRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, CallbackVerifier verifier, IOptions<ZgwOptions> zgw) =>
        WriteAsync(ctx, uuid, db, verifier, zgw, current => ZgwBody.ReadPatchAsync(ctx, current.ToRequest()));

    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, CallbackVerifier verifier,
        IOptions<ZgwOptions> zgw, Func<AbonnementRecord, Task<AbonnementRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var current = await GetAsync(c, uuid) ?? throw ZgwException.NotFound();
        var body = await readBody(current);
        await ValidateAsync(c, body, verifier, ctx.RequestAborted);
        var updated = current with { CallbackUrl = body.CallbackUrl!, Auth = body.Auth!, Kanalen = body.Kanalen! };
        var rows = await c.ExecuteAsync("""
            UPDATE abonnement SET callback_url = @callbackUrl, auth = @auth, kanalen = CAST(@kanalen AS jsonb), gewijzigd = now()
            WHERE uuid = @uuid
            """, Parameters(updated));
        return rows == 0 ? throw ZgwException.NotFound() : Results.Ok(updated.ToDto(zgw.Value));
    }

    /// <summary>Deleting an abonnement also drops its pending deliveries (cascade): nobody is listening any more.</summary>
    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var rows = await c.ExecuteAsync("DELETE FROM abonnement WHERE uuid = @uuid", new { uuid });
        return rows == 0 ? throw ZgwException.NotFound() : Results.NoContent();
    }

    private static async Task ValidateAsync(NpgsqlConnection c, AbonnementRequest body, CallbackVerifier verifier, CancellationToken ct)
    {
        var v = new Validator();
        await AbonnementRules.N3_KanalenBestaanEnFiltersPassen(c, body, v);
        v.ThrowIfInvalid();
        await verifier.VerifyAsync(body, v, ct);
        v.ThrowIfInvalid();
    }

    public static async Task<AbonnementRecord?> GetAsync(NpgsqlConnection c, Guid uuid) =>
        (await c.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM abonnement WHERE uuid = @uuid", new { uuid }))?.ToRecord();

    /// <summary>Every abonnement on <paramref name="kanaal"/> (the fan-out of a received notification).</summary>
    public static async Task<IReadOnlyList<AbonnementRecord>> ForKanaalAsync(NpgsqlConnection c, NpgsqlTransaction tx, string kanaal) =>
        (await c.QueryAsync<Row>($"""
            SELECT {Columns} FROM abonnement
            WHERE kanalen @> CAST(@match AS jsonb)
            """, new { match = JsonSerializer.Serialize(new[] { new { naam = kanaal } }) }, tx)).Select(r => r.ToRecord()).ToList();

    private static object Parameters(AbonnementRecord r) => new
    {
        uuid = r.Uuid,
        callbackUrl = r.CallbackUrl,
        auth = r.Auth,
        kanalen = JsonSerializer.Serialize(r.Kanalen.Select(k => new { naam = k.Naam, filters = k.Filters ?? [] }), ZgwJson.Options),
    };

    private sealed class Row
    {
        public long Id { get; init; }
        public Guid Uuid { get; init; }
        public string CallbackUrl { get; init; } = "";
        public string Auth { get; init; } = "";
        public string Kanalen { get; init; } = "[]";

        public AbonnementRecord ToRecord() => new(Id, Uuid, CallbackUrl, Auth, AbonnementRecord.ParseKanalen(Kanalen));
    }
}
