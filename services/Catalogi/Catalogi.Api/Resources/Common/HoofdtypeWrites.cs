using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;

namespace Catalogi.Api.Resources.Common;

/// <summary>A stored version of a main type, with its request form (URL references filled in).</summary>
public sealed record StoredType<TRequest>(long Id, Guid Uuid, bool Concept, Guid CatalogusUuid, TRequest Request);

/// <summary>
/// What the writes of a main type (zaaktype, besluittype, informatieobjecttype) need to know of it. Each lives in its
/// catalogus, is versioned by a key (<see cref="KeyColumn"/>, ztc-016), has <c>concept</c> (ztc-009) and a kanaal.
/// </summary>
public interface IHoofdtype<TRequest> where TRequest : class
{
    CatalogiKind Kind { get; }
    CatalogiKanaal Kanaal { get; }

    /// <summary>The column versions are grouped by: <c>identificatie</c> or <c>omschrijving</c>.</summary>
    string KeyColumn { get; }

    string? Key(TRequest r);
    string? Catalogus(TRequest r);
    DateOnly? BeginGeldigheid(TRequest r);
    DateOnly? EindeGeldigheid(TRequest r);

    /// <summary>The request with the catalogus URL set (stored requests keep it as a foreign key).</summary>
    TRequest WithCatalogus(TRequest r, string? catalogus);

    /// <summary>Checks against other APIs, before the transaction (e.g. the Selectielijst); <paramref name="current"/> null on create.</summary>
    Task PrecheckAsync(TRequest body, TRequest? current, Validator v, CancellationToken cancellationToken);

    /// <summary>Checks against the catalogus (relations by name, T8/T12), inside the write's transaction.</summary>
    Task CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, TRequest body, TRequest? current, long catalogusId, Validator v);

    Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, TRequest r, long catalogusId);
    Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, TRequest r, long catalogusId);

    /// <summary>Open Zaak's publish checks (behind <c>Catalogi:StrictPublish</c>, T4).</summary>
    Task PublishChecksAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, Validator v);
}

/// <summary>
/// The write operations of the three main types: create, update (PUT), partial update (PATCH), delete and publish, with
/// ztc-009 (published types), ztc-016 (versions do not overlap), the notification in the write's transaction, and T4.
/// </summary>
public static class HoofdtypeWrites
{
    public static RouteGroupBuilder MapHoofdtypeWrites<TRequest, TType>(this RouteGroupBuilder api, string path)
        where TRequest : class where TType : IHoofdtype<TRequest>
    {
        var detail = path + "/{uuid:guid}";
        api.MapPost(path, (HttpContext ctx, TType type, ZgwDatabase db, CatalogiReader reader, CatalogiUrls urls) =>
            CreateAsync(ctx, type, db, reader, urls)).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Schrijven);
        api.MapPut(detail, (HttpContext ctx, Guid uuid, TType type, ZgwDatabase db, CatalogiReader reader, CatalogiUrls urls) =>
            WriteAsync(ctx, uuid, type, db, reader, urls, patch: false)).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Wijzigers);
        api.MapPatch(detail, (HttpContext ctx, Guid uuid, TType type, ZgwDatabase db, CatalogiReader reader, CatalogiUrls urls) =>
            WriteAsync(ctx, uuid, type, db, reader, urls, patch: true)).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Wijzigers);
        api.MapDelete(detail, (HttpContext ctx, Guid uuid, TType type, ZgwDatabase db, CatalogiUrls urls) =>
            DeleteAsync(ctx, uuid, type, db, urls)).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Verwijderaars);
        api.MapPost(detail + "/publish", (HttpContext ctx, Guid uuid, TType type, ZgwDatabase db, CatalogiReader reader,
                IOptions<CatalogiOptions> options) => PublishAsync(ctx, uuid, type, db, reader, options.Value))
            .RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Schrijven);
        return api;
    }

    private static async Task<IResult> CreateAsync<TRequest>(HttpContext ctx, IHoofdtype<TRequest> type, ZgwDatabase db, CatalogiReader reader,
        CatalogiUrls urls) where TRequest : class
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<TRequest>(ctx);
        var v = new Validator();
        await type.PrecheckAsync(body, null, v, ctx.RequestAborted);
        var uuid = await TypeWrites.SaveAsync(db, async (c, tx) =>
        {
            var catalogus = await References.CatalogusAsync(c, tx, urls, type.Catalogus(body), v);
            if (catalogus is not null)
            {
                await type.CheckAsync(c, tx, body, null, catalogus.Id, v);
                await Ztc016Async(c, tx, type, body, catalogus.Id, null, "beginGeldigheid", v);
            }
            v.ThrowIfInvalid();
            var uuid = await type.InsertAsync(c, tx, body, catalogus!.Id);
            await TypeWrites.NotifyAsync(c, tx, type.Kanaal, urls.Of(type.Kind, uuid), urls.Of(CatalogiKind.Catalogus, catalogus.Uuid), "create");
            return uuid;
        });
        return await TypeWrites.CreatedAsync(reader, urls, type.Kind, uuid);
    }

    private static async Task<IResult> WriteAsync<TRequest>(HttpContext ctx, Guid uuid, IHoofdtype<TRequest> type, ZgwDatabase db,
        CatalogiReader reader, CatalogiUrls urls, bool patch) where TRequest : class
    {
        FilterSet.None.Parse(ctx.Request.Query);
        TRequest current;
        await using (var c = await db.OpenAsync())
            current = (await GetAsync(c, null, type, urls, uuid) ?? throw ZgwException.NotFound()).Request;
        var body = patch ? await ZgwBody.ReadPatchAsync(ctx, current) : await ZgwBody.ReadAsync<TRequest>(ctx);
        var alleenEindeGeldigheid = patch && SameExceptEindeGeldigheid(type, current, body);
        var v = new Validator();
        await type.PrecheckAsync(body, current, v, ctx.RequestAborted);
        await TypeWrites.SaveAsync(db, async (c, tx) =>
        {
            var stored = await GetAsync(c, tx, type, urls, uuid) ?? throw ZgwException.NotFound();
            var ztc009 = new Validator();
            CatalogiRules.Ztc009_GepubliceerdTypeNietWijzigen(stored.Concept, alleenEindeGeldigheid,
                TypeWrites.Heeft(ctx, CatalogiScopes.GeforceerdSchrijven), ztc009);
            ztc009.ThrowIfInvalid();
            var catalogus = await References.CatalogusAsync(c, tx, urls, type.Catalogus(body), v);
            if (catalogus is not null)
            {
                await type.CheckAsync(c, tx, body, stored.Request, catalogus.Id, v);
                var field = type.BeginGeldigheid(body) == type.BeginGeldigheid(current) && type.EindeGeldigheid(body) != type.EindeGeldigheid(current)
                    ? "eindeGeldigheid"
                    : "beginGeldigheid";
                await Ztc016Async(c, tx, type, body, catalogus.Id, stored.Id, field, v);
            }
            v.ThrowIfInvalid();
            await type.UpdateAsync(c, tx, stored.Id, body, catalogus!.Id);
            await TypeWrites.NotifyAsync(c, tx, type.Kanaal, urls.Of(type.Kind, uuid), urls.Of(CatalogiKind.Catalogus, catalogus.Uuid),
                patch ? "partial_update" : "update");
            return stored.Id;
        });
        return await TypeWrites.OkAsync(reader, type.Kind, uuid);
    }

    private static async Task<IResult> DeleteAsync<TRequest>(HttpContext ctx, Guid uuid, IHoofdtype<TRequest> type, ZgwDatabase db,
        CatalogiUrls urls) where TRequest : class
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await TypeWrites.SaveAsync(db, async (c, tx) =>
        {
            var stored = await GetAsync(c, tx, type, urls, uuid) ?? throw ZgwException.NotFound();
            var v = new Validator();
            CatalogiRules.Ztc009_GepubliceerdTypeNietVerwijderen(stored.Concept, TypeWrites.Heeft(ctx, CatalogiScopes.GeforceerdVerwijderen), v);
            v.ThrowIfInvalid();
            await c.ExecuteAsync($"DELETE FROM {CatalogiUrls.Table(type.Kind)} WHERE id = @id", new { id = stored.Id }, tx);
            await TypeWrites.NotifyAsync(c, tx, type.Kanaal, urls.Of(type.Kind, uuid), urls.Of(CatalogiKind.Catalogus, stored.CatalogusUuid), "destroy");
            return stored.Id;
        });
        return Results.NoContent();
    }

    /// <summary>Sets <c>concept=false</c> (T3), after the publish checks when <c>Catalogi:StrictPublish</c> is on (T4). No notification.</summary>
    private static async Task<IResult> PublishAsync<TRequest>(HttpContext ctx, Guid uuid, IHoofdtype<TRequest> type, ZgwDatabase db,
        CatalogiReader reader, CatalogiOptions options) where TRequest : class
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await TypeWrites.SaveAsync(db, async (c, tx) =>
        {
            var id = await c.QuerySingleOrDefaultAsync<long?>(
                $"SELECT id FROM {CatalogiUrls.Table(type.Kind)} WHERE uuid = @uuid FOR UPDATE", new { uuid }, tx) ?? throw ZgwException.NotFound();
            if (options.StrictPublish)
            {
                var v = new Validator();
                await type.PublishChecksAsync(c, tx, id, v);
                v.ThrowIfInvalid();
            }
            await c.ExecuteAsync($"UPDATE {CatalogiUrls.Table(type.Kind)} SET concept = false WHERE id = @id", new { id }, tx);
            return id;
        });
        return await TypeWrites.OkAsync(reader, type.Kind, uuid);
    }

    /// <summary>The stored version with its request form; locked for the rest of the transaction when <paramref name="tx"/> is given.</summary>
    public static async Task<StoredType<TRequest>?> GetAsync<TRequest>(NpgsqlConnection c, NpgsqlTransaction? tx, IHoofdtype<TRequest> type,
        CatalogiUrls urls, Guid uuid) where TRequest : class
    {
        var row = await c.QuerySingleOrDefaultAsync<StoredRow>($"""
            SELECT t.id, t.uuid, t.concept, c.uuid AS catalogus_uuid, t.gegevens::text AS gegevens
            FROM {CatalogiUrls.Table(type.Kind)} t JOIN catalogus c ON c.id = t.catalogus_id
            WHERE t.uuid = @uuid {(tx is null ? "" : "FOR UPDATE OF t")}
            """, new { uuid }, tx);
        return row is null
            ? null
            : new StoredType<TRequest>(row.Id, row.Uuid, row.Concept, row.CatalogusUuid,
                type.WithCatalogus(CatalogiValidation.FromGegevens<TRequest>(row.Gegevens), urls.Of(CatalogiKind.Catalogus, row.CatalogusUuid)));
    }

    private static Task Ztc016Async<TRequest>(NpgsqlConnection c, NpgsqlTransaction tx, IHoofdtype<TRequest> type, TRequest body, long catalogusId,
        long? except, string field, Validator v) where TRequest : class =>
        type.Key(body) is { } key && type.BeginGeldigheid(body) is { } begin
            ? CatalogiRules.Ztc016_VersiesOverlappenNietAsync(c, tx, type.Kind, type.KeyColumn, catalogusId, key, begin, type.EindeGeldigheid(body),
                except, field, v)
            : Task.CompletedTask;

    /// <summary>ztc-009: a PATCH that changes nothing but <c>eindeGeldigheid</c> is allowed on a published type.</summary>
    private static bool SameExceptEindeGeldigheid<TRequest>(IHoofdtype<TRequest> type, TRequest current, TRequest body) where TRequest : class
    {
        var a = JsonNode.Parse(CatalogiValidation.ToGegevens(body))!.AsObject();
        var b = JsonNode.Parse(CatalogiValidation.ToGegevens(current))!.AsObject();
        a.Remove("eindeGeldigheid");
        b.Remove("eindeGeldigheid");
        return JsonNode.DeepEquals(a, b);
    }

    private sealed class StoredRow
    {
        public long Id { get; init; }
        public Guid Uuid { get; init; }
        public bool Concept { get; init; }
        public Guid CatalogusUuid { get; init; }
        public string Gegevens { get; init; } = "{}";
    }
}
