using System.Text.Json.Nodes;
using Besluiten.Api.Resources.Common;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluit;

/// <summary>
/// <c>/besluiten</c> (Besluiten API 1.1.0): paginated list, create, read, update, partial update, delete. A besluit with a
/// zaak is mirrored as a zaakbesluit in the Zaken API (brc-006, <see cref="BesluitMirror"/>); a destroy removes its
/// besluitinformatieobjecten with their objectinformatieobjecten and the zaakbesluit (brc-009).
/// </summary>
public static class BesluitEndpoints
{
    private const string Brc = BesluitenService.Brc;
    private const string Path = "/" + BesluitenUrls.Besluiten;

    public static IServiceCollection AddBesluitResource(this IServiceCollection services)
    {
        BesluitMirror.Register(services);
        return services;
    }

    public static WebApplication MapBesluitEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(BesluitenService.Component.ApiPath);
        api.MapGet(Path, List).RequireScopes(Brc, BesluitenScopes.Lezen);
        api.MapPost(Path, Create).RequireScopes(Brc, BesluitenScopes.Aanmaken);
        api.MapGet(Path + "/{uuid:guid}", Read).RequireScopes(Brc, BesluitenScopes.Lezen);
        api.MapPut(Path + "/{uuid:guid}", Update).RequireScopes(Brc, BesluitenScopes.Bijwerken);
        api.MapPatch(Path + "/{uuid:guid}", PartialUpdate).RequireScopes(Brc, BesluitenScopes.Bijwerken);
        api.MapDelete(Path + "/{uuid:guid}", Delete).RequireScopes(Brc, BesluitenScopes.Verwijderen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, BesluitenUrls urls, BesluitExpander expander)
    {
        var query = ctx.Request.Query;
        var where = BesluitRepository.ListFilters.Parse(query);
        var page = PageRequest.From(query);
        var tree = BesluitExpander.ParseBesluit(query["expand"].LastOrDefault());
        BesluitGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        List<JsonObject> results;
        int count;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
        {
            var (n, rows) = await BesluitRepository.ListAsync(c, where, page, ctx.RequestAborted);
            count = n;
            results = rows.Select(r => r.ToJson(urls)).ToList();
        }
        await expander.ExpandBesluitenAsync(ctx, results, tree);
        return Results.Ok(Paging.Create(ctx, page, count, results));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, BesluitenUrls urls, BesluitExpander expander)
    {
        new FilterSet().Allow("expand").Parse(ctx.Request.Query);
        var tree = BesluitExpander.ParseBesluit(ctx.Request.Query["expand"].LastOrDefault());
        BesluitRow row;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
            row = await BesluitRepository.FindReadableAsync(c, uuid) ?? throw ZgwException.NotFound();
        BesluitGuard.EnsureCanRead(ctx, row.ToRef());
        var json = row.ToJson(urls);
        await expander.ExpandBesluitenAsync(ctx, [json], tree);
        return Results.Ok(json);
    }

    /// <summary>
    /// POST: brc-001 (published besluittype), brc-002 (identificatie unique or generated), B3 (datum, zaak resolves), brc-007
    /// (besluittype of the zaak's zaaktype) are checked before anything is written. Without a zaak the besluit, its audit
    /// record and notification commit together; with a zaak the zaakbesluit is made first (brc-006).
    /// </summary>
    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, BesluitenUrls urls, BesluitenCatalogi catalogi,
        BesluitEvents events, BesluitMirror mirror, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<BesluitRequest>(ctx);
        var ct = ctx.RequestAborted;
        var v = new Validator();
        BesluitRules.B3_DatumNietInDeToekomst(body.Datum, Vandaag(time), v);
        v.ThrowIfInvalid();
        BesluitGuard.EnsureAllowed(ctx, body.Besluittype!, BesluitenScopes.Aanmaken);
        await catalogi.BesluittypeAsync("besluittype", body.Besluittype!, mustBePublished: true, ct);
        var zaak = string.IsNullOrEmpty(body.Zaak) ? null : body.Zaak;
        if (zaak is not null)
        {
            var zaaktype = await catalogi.ZaaktypeOfZaakAsync("zaak", zaak, ct);
            BesluitRules.Brc007_BesluittypeHoortBijZaaktype(await catalogi.BesluittypenOfZaaktypeAsync("zaak", zaaktype, ct), body.Besluittype!);
        }

        var uuid = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        (long Id, JsonObject? Json) created;
        try
        {
            created = await db.InTransactionAsync(async (c, tx) =>
            {
                var identificatie = body.Identificatie;
                if (string.IsNullOrEmpty(identificatie))
                    identificatie = await BesluitRepository.NextIdentificatieAsync(c, tx, body.VerantwoordelijkeOrganisatie!, body.Datum!.Value);
                else
                    await BesluitRules.Brc002_IdentificatieUniekAsync(c, tx, body.VerantwoordelijkeOrganisatie!, identificatie);
                if (zaak is not null)
                    return (await BesluitRepository.InsertAsync(c, tx, uuid, identificatie, body, "pending", now, MirrorActor.Of(ctx)), (JsonObject?)null);
                var id = await BesluitRepository.InsertAsync(c, tx, uuid, identificatie, body, "done", now, null);
                var row = (await BesluitRepository.LockAsync(c, tx, id))!;
                var json = row.ToJson(urls);
                await events.RecordAsync(c, tx, ctx, row.ToRef(), BesluitMapping.Resource, urls.Besluit(uuid), AuditActie.Create, null, json);
                return (id, json);
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw BesluitRules.IdentificatieNietUniek();
        }
        var result = created.Json ?? (await mirror.FinishCreateAsync(created.Id, ctx)).ToJson(urls);
        return Results.Created(urls.Besluit(uuid), result);
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, BesluitenUrls urls, BesluitEvents events, TimeProvider time) =>
        WriteAsync(ctx, uuid, db, urls, events, time, AuditActie.Update, _ => ZgwBody.ReadAsync<BesluitRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, BesluitenUrls urls, BesluitEvents events, TimeProvider time) =>
        WriteAsync(ctx, uuid, db, urls, events, time, AuditActie.PartialUpdate, current => ZgwBody.ReadPatchAsync(ctx, current.ToRequest()));

    /// <summary>PUT/PATCH: besluittype (brc-001), identificatie + verantwoordelijkeOrganisatie (brc-002) and zaak (brc-006) cannot change.</summary>
    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, BesluitenUrls urls, BesluitEvents events,
        TimeProvider time, string actie, Func<BesluitRow, Task<BesluitRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        BesluitRow existing;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
            existing = await BesluitRepository.FindDoneAsync(c, uuid) ?? throw ZgwException.NotFound();
        BesluitGuard.EnsureAllowed(ctx, existing.Besluittype, BesluitenScopes.Bijwerken);
        var body = await readBody(existing);
        var v = new Validator();
        BesluitRules.Brc001_BesluittypeOnveranderlijk(existing, body, v);
        BesluitRules.Brc002_IdentificatieOnveranderlijk(existing, body, v);
        BesluitRules.Brc006_ZaakOnveranderlijk(existing, body, v);
        BesluitRules.B3_DatumNietInDeToekomst(body.Datum, Vandaag(time), v);
        v.ThrowIfInvalid();

        var saved = await db.InTransactionAsync(async (c, tx) =>
        {
            var current = await BesluitRepository.FindDoneAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            BesluitGuard.EnsureAllowed(ctx, current.Besluittype, BesluitenScopes.Bijwerken);
            await BesluitRepository.UpdateAsync(c, tx, current.Id, body);
            var updated = (await BesluitRepository.LockAsync(c, tx, current.Id))!;
            var json = updated.ToJson(urls);
            await events.RecordAsync(c, tx, ctx, updated.ToRef(), BesluitMapping.Resource, urls.Besluit(uuid), actie, current.ToJson(urls), json);
            return json;
        }, ctx.RequestAborted);
        return Results.Ok(saved);
    }

    /// <summary>DELETE (brc-009): hidden as <c>removing</c> first, then the mirrors and the besluit (<see cref="BesluitMirror.FinishDeleteAsync"/>).</summary>
    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, BesluitMirror mirror, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var id = await db.InTransactionAsync(async (c, tx) =>
        {
            var current = await BesluitRepository.FindDoneAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            BesluitGuard.EnsureAllowed(ctx, current.Besluittype, BesluitenScopes.Verwijderen);
            await BesluitRepository.MarkRemovingAsync(c, tx, current.Id, time.GetUtcNow(), MirrorActor.Of(ctx));
            return current.Id;
        }, ctx.RequestAborted);
        await mirror.FinishDeleteAsync(id, ctx);
        return Results.NoContent();
    }

    /// <summary>Today in the Netherlands (the beslisdatum is a Dutch calendar date).</summary>
    private static DateOnly Vandaag(TimeProvider time)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var nl) ? nl : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}
