using System.Text.Json.Nodes;
using Besluiten.Api.Resources.Besluit;
using Besluiten.Api.Resources.Common;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluitinformatieobject;

/// <summary>
/// <c>/besluitinformatieobjecten</c> (Besluiten API 1.1.0): unpaginated list, create, read, delete. The relation is
/// mirrored to the Documenten API (brc-005, <see cref="BesluitinformatieobjectMirror"/>). Authorised through the besluit's
/// besluittype.
/// </summary>
public static class BesluitinformatieobjectEndpoints
{
    private const string Brc = BesluitenService.Brc;
    private const string Path = "/" + BesluitenUrls.Besluitinformatieobjecten;

    public static IServiceCollection AddBesluitinformatieobjectResource(this IServiceCollection services)
    {
        services.AddSingleton<BesluitinformatieobjectRepository>();
        services.AddSingleton<ObjectinformatieobjectClient>();
        services.AddSingleton<BesluitinformatieobjectMirror>();
        return services;
    }

    public static WebApplication MapBesluitinformatieobjectEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(BesluitenService.Component.ApiPath);
        api.MapGet(Path, List).RequireScopes(Brc, BesluitenScopes.Lezen);
        api.MapPost(Path, Create).RequireScopes(Brc, BesluitenScopes.Aanmaken);
        api.MapGet(Path + "/{uuid:guid}", Read).RequireScopes(Brc, BesluitenScopes.Lezen);
        api.MapDelete(Path + "/{uuid:guid}", Delete).RequireScopes(Brc, BesluitenScopes.Verwijderen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, BesluitinformatieobjectRepository repository, BesluitenUrls urls,
        BesluitExpander expander)
    {
        var query = ctx.Request.Query;
        var where = repository.ListFilters.Parse(query);
        var tree = BesluitExpander.ParseBesluitinformatieobject(query["expand"].LastOrDefault());
        where.AddRaw(BesluitinformatieobjectRepository.Visibility(query.ContainsKey("besluit") && query.ContainsKey("informatieobject")));
        BesluitGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        List<JsonObject> results;
        Dictionary<string, JsonObject> besluiten;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
        {
            var rows = await BesluitinformatieobjectRepository.ListAsync(c, where, ctx.RequestAborted);
            results = rows.Select(r => r.ToJson(urls)).ToList();
            besluiten = await BesluitenOfAsync(c, urls, tree, rows);
        }
        await expander.ExpandBesluitinformatieobjectenAsync(ctx, results, tree, besluiten);
        return Results.Ok(results);
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, BesluitenUrls urls, BesluitExpander expander)
    {
        new FilterSet().Allow("expand").Parse(ctx.Request.Query);
        var tree = BesluitExpander.ParseBesluitinformatieobject(ctx.Request.Query["expand"].LastOrDefault());
        JsonObject json;
        Dictionary<string, JsonObject> besluiten;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
        {
            var row = await BesluitinformatieobjectRepository.FindDoneAsync(c, uuid) ?? throw ZgwException.NotFound();
            BesluitGuard.EnsureAllowed(ctx, row.Besluittype, BesluitenScopes.Lezen);
            json = row.ToJson(urls);
            besluiten = await BesluitenOfAsync(c, urls, tree, [row]);
        }
        await expander.ExpandBesluitinformatieobjectenAsync(ctx, [json], tree, besluiten);
        return Results.Ok(json);
    }

    /// <summary>The besluiten of <paramref name="rows"/> rendered in one query, when the expand asks for them.</summary>
    private static async Task<Dictionary<string, JsonObject>> BesluitenOfAsync(NpgsqlConnection c, BesluitenUrls urls, ExpandTree tree,
        IReadOnlyList<BesluitinformatieobjectRow> rows)
    {
        if (!tree.Has(BesluitExpander.Besluit) || rows.Count == 0)
            return [];
        var besluiten = await BesluitRepository.RenderRowsAsync(c, rows.Select(r => r.BesluitUuid).Distinct().ToList());
        return besluiten.Select(b => b.ToJson(urls)).ToDictionary(b => b["url"]!.GetValue<string>());
    }

    /// <summary>
    /// POST: the besluit must be one of ours (<c>bad-url</c> / <c>does_not_exist</c>) the caller may add to; brc-003 (the
    /// informatieobject resolves to a document), brc-008 (its type belongs to the besluittype), brc-004 (unique) — then the
    /// row is committed as pending and mirrored (brc-005).
    /// </summary>
    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, BesluitenUrls urls, BesluitenCatalogi catalogi,
        BesluitinformatieobjectMirror mirror, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<BesluitinformatieobjectRequest>(ctx);
        var ct = ctx.RequestAborted;

        // Authorisation and the rules that need other APIs, before anything is written.
        var besluitUuid = urls.RequireBesluitUuid("besluit", body.Besluit!);
        BesluitRef besluit;
        await using (var c = await db.OpenAsync(ct))
            besluit = await BesluitRef.FindDoneAsync(c, besluitUuid) ?? throw DoesNotExist();
        BesluitGuard.EnsureAllowed(ctx, besluit.Besluittype, BesluitenScopes.Aanmaken);
        BesluitinformatieobjectRules.Brc005_IsEnkelvoudigInformatieobject(body.Informatieobject!);
        var informatieobjecttype = await catalogi.InformatieobjecttypeOfDocumentAsync("informatieobject", body.Informatieobject!, ct);
        var besluittype = await catalogi.BesluittypeAsync("besluit", besluit.Besluittype, mustBePublished: false, ct);
        BesluitinformatieobjectRules.Brc008_InformatieobjecttypeHoortBijBesluittype(informatieobjecttype, besluittype);

        // Step 1: the row, committed as pending (visible to the Documenten API's source check only).
        var uuid = Guid.CreateVersion7();
        long id;
        try
        {
            id = await db.InTransactionAsync(async (c, tx) =>
            {
                var locked = await BesluitRef.LockDoneAsync(c, tx, besluitUuid) ?? throw DoesNotExist();
                BesluitGuard.EnsureAllowed(ctx, locked.Besluittype, BesluitenScopes.Aanmaken);
                await BesluitinformatieobjectRules.Brc004_UniekPerBesluitAsync(c, tx, locked.Id, body.Informatieobject!);
                return await BesluitinformatieobjectRepository.InsertPendingAsync(c, tx, uuid, locked.Id, body.Informatieobject!,
                    time.GetUtcNow(), MirrorActor.Of(ctx));
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw BesluitinformatieobjectRules.NotUnique();
        }

        // Step 2: the mirror, then done + audit + notification (or the row removed and 400 pending-relations).
        var created = await mirror.FinishCreateAsync(id, ctx);
        var json = created.ToJson(urls);
        return Results.Created(json["url"]!.GetValue<string>(), json);
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, BesluitinformatieobjectMirror mirror, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        // Step 1: hidden as 'removing' (the Documenten API only removes an OIO whose relation is gone here).
        var id = await db.InTransactionAsync(async (c, tx) =>
        {
            var found = await BesluitinformatieobjectRepository.FindDoneAsync(c, uuid, tx) ?? throw ZgwException.NotFound();
            var besluit = await BesluitRef.LockByIdAsync(c, tx, found.BesluitId) ?? throw ZgwException.NotFound();
            BesluitGuard.EnsureAllowed(ctx, besluit.Besluittype, BesluitenScopes.Verwijderen);
            var current = await BesluitinformatieobjectRepository.FindDoneAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            await BesluitinformatieobjectRepository.MarkRemovingAsync(c, tx, current.Id, time.GetUtcNow(), MirrorActor.Of(ctx));
            return current.Id;
        }, ctx.RequestAborted);
        // Step 2: the OIO removed, then the row + audit + notification (or the row restored and 400 pending-relations).
        await mirror.FinishDeleteAsync(id, ctx);
        return Results.NoContent();
    }

    private static ZgwException DoesNotExist() =>
        ZgwException.Validation("besluit", BesluitenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
}
