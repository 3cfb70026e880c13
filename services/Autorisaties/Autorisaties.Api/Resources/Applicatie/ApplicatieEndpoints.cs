using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Messaging;
using Zgw.ServiceDefaults;

namespace Autorisaties.Api.Resources.Applicatie;

/// <summary>
/// <c>/applicaties</c> (Autorisaties API 1.0.0): list, create, consumer, read, update, partial update, delete.
/// Every write commits with its <c>autorisaties</c> notification and the cache-invalidation event.
/// </summary>
public static class ApplicatieEndpoints
{
    public static WebApplication MapApplicatieEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(AutorisatiesService.Component.ApiPath);
        api.MapGet("/applicaties", List).RequireScopes(ZgwScopes.Ac, AutorisatiesScopes.Lezen);
        api.MapPost("/applicaties", Create).RequireScopes(ZgwScopes.Ac, AutorisatiesScopes.Bijwerken);
        api.MapGet("/applicaties/consumer", Consumer).RequireScopes(ZgwScopes.Ac, AutorisatiesScopes.Lezen);
        api.MapGet("/applicaties/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ac, AutorisatiesScopes.Lezen);
        api.MapPut("/applicaties/{uuid:guid}", Update).RequireScopes(ZgwScopes.Ac, AutorisatiesScopes.Bijwerken);
        api.MapPatch("/applicaties/{uuid:guid}", PartialUpdate).RequireScopes(ZgwScopes.Ac, AutorisatiesScopes.Bijwerken);
        api.MapDelete("/applicaties/{uuid:guid}", Delete).RequireScopes(ZgwScopes.Ac, AutorisatiesScopes.Bijwerken);
        return app;
    }

    private static string Url(IOptions<ZgwOptions> zgw, Guid uuid) =>
        $"{zgw.Value.PublicApiRoot(AutorisatiesService.Component)}/applicaties/{uuid}";

    private static async Task<IResult> List(HttpContext ctx, ApplicatieRepository repository, IOptions<ZgwOptions> zgw)
    {
        var where = ApplicatieRepository.ListFilters.Parse(ctx.Request.Query);
        var page = PageRequest.From(ctx.Request.Query);
        var (count, results) = await repository.ListAsync(where, page);
        return Results.Ok(Paging.Create(ctx, page, count, results.Select(a => a.ToJson(Url(zgw, a.Uuid))).ToList()));
    }

    /// <summary>
    /// The applicatie of a client id. The OAS declares an array body; the reference implementation (and every
    /// client) uses one object, so we answer one object (docs/deviations.md).
    /// </summary>
    private static async Task<IResult> Consumer(HttpContext ctx, ApplicatieRepository repository, IOptions<ZgwOptions> zgw)
    {
        var query = ctx.Request.Query;
        new FilterSet().Allow("clientId").Parse(query);
        var clientId = query["clientId"].ToString();
        if (clientId.Length == 0)
            throw ZgwException.Validation("clientId", ZgwCodes.Required, "Dit veld is vereist.");
        var applicatie = await repository.GetByClientIdAsync(clientId) ?? throw ZgwException.NotFound();
        return Results.Ok(applicatie.ToJson(Url(zgw, applicatie.Uuid)));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ApplicatieRepository repository, IOptions<ZgwOptions> zgw)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var applicatie = await repository.GetAsync(uuid) ?? throw ZgwException.NotFound();
        return Results.Ok(applicatie.ToJson(Url(zgw, uuid)));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, AutorisatieCache cache, IOptions<ZgwOptions> zgw)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<ApplicatieRequest>(ctx);
        var saved = await SaveAsync(db, cache, async (c, tx) =>
        {
            await EnsureClientIdsFreeAsync(c, tx, body, except: null);
            var created = await ApplicatieRepository.InsertAsync(c, tx, body);
            await AnnounceAsync(c, tx, Url(zgw, created.Uuid), "create", created.ClientIds);
            return created;
        });
        var url = Url(zgw, saved.Uuid);
        return Results.Created(url, saved.ToJson(url));
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, ApplicatieRepository repository, AutorisatieCache cache,
        IOptions<ZgwOptions> zgw) =>
        WriteAsync(ctx, uuid, db, repository, cache, zgw, "update", (_, _) => ZgwBody.ReadAsync<ApplicatieRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, ApplicatieRepository repository, AutorisatieCache cache,
        IOptions<ZgwOptions> zgw) =>
        WriteAsync(ctx, uuid, db, repository, cache, zgw, "partial_update", (current, _) => ZgwBody.ReadPatchAsync(ctx, current.ToRequest()));

    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, ApplicatieRepository repository, AutorisatieCache cache,
        IOptions<ZgwOptions> zgw, string actie, Func<ApplicatieRecord, CancellationToken, Task<ApplicatieRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var existing = await repository.GetAsync(uuid) ?? throw ZgwException.NotFound();
        var body = await readBody(existing, ctx.RequestAborted);
        var saved = await SaveAsync(db, cache, async (c, tx) =>
        {
            var current = await repository.GetAsync(uuid, c, tx) ?? throw ZgwException.NotFound();
            await EnsureClientIdsFreeAsync(c, tx, body, except: current.Id);
            var updated = await ApplicatieRepository.UpdateAsync(c, tx, current, body);
            await AnnounceAsync(c, tx, Url(zgw, uuid), actie, current.ClientIds.Union(updated.ClientIds));
            return updated;
        });
        return Results.Ok(saved.ToJson(Url(zgw, uuid)));
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, ApplicatieRepository repository, AutorisatieCache cache,
        IOptions<ZgwOptions> zgw)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await SaveAsync(db, cache, async (c, tx) =>
        {
            var current = await repository.GetAsync(uuid, c, tx) ?? throw ZgwException.NotFound();
            await ApplicatieRepository.DeleteAsync(c, tx, uuid);
            await AnnounceAsync(c, tx, Url(zgw, uuid), "destroy", current.ClientIds);
            return current;
        });
        return Results.NoContent();
    }

    /// <summary>Runs a write in one transaction; a concurrent claim of the same client id is still ac-001.</summary>
    private static async Task<ApplicatieRecord> SaveAsync(ZgwDatabase db, AutorisatieCache cache,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<ApplicatieRecord>> write)
    {
        try
        {
            var saved = await db.InTransactionAsync(write);
            cache.Invalidate(saved.ClientIds);
            return saved;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "applicatie_client")
        {
            var v = new Validator();
            ApplicatieRules.Ac001_ClientIdUniek(["(gelijktijdig geregistreerd)"], v);
            throw ZgwException.Validation(v.Errors);
        }
    }

    private static async Task EnsureClientIdsFreeAsync(NpgsqlConnection c, NpgsqlTransaction tx, ApplicatieRequest body, long? except)
    {
        var v = new Validator();
        ApplicatieRules.Ac001_ClientIdUniek(await ApplicatieRepository.TakenAsync(c, tx, body.ClientIds!, except), v);
        v.ThrowIfInvalid();
    }

    /// <summary>The <c>autorisaties</c> notification and the cache invalidation, in the write's transaction.</summary>
    private static async Task AnnounceAsync(NpgsqlConnection c, NpgsqlTransaction tx, string url, string actie, IEnumerable<string> clientIds)
    {
        await NotificatieOutbox.EnqueueAsync(c, tx, new NotificatieMessage(AutorisatiesKanaal.Naam, url, AutorisatiesKanaal.Resource, url,
            actie, DateTimeOffset.UtcNow, new Dictionary<string, string>()));
        await AutorisatiesGewijzigd.EnqueueAsync(c, tx, clientIds);
    }
}
