using System.Text.Json.Nodes;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;
using Zgw.Service.Mirrors;

namespace Zaken.Api.Resources.Zaakinformatieobject;

/// <summary>
/// <c>/zaakinformatieobjecten</c> (Zaken API 1.5.1): unpaginated list, create, read, update, partial update, delete.
/// The relation is mirrored to the Documenten API (zrc-005, <see cref="ZaakinformatieobjectMirror"/>).
/// </summary>
public static class ZaakinformatieobjectEndpoints
{
    private const string Zrc = ZakenService.Zrc;

    public static IServiceCollection AddZaakinformatieobjectResource(this IServiceCollection services)
    {
        services.AddSingleton<ZaakinformatieobjectRepository>();
        ZaakinformatieobjectMirror.Register(services);
        services.AddSingleton<IZaakResourceRenderer, ZaakinformatieobjectRenderer>();
        return services;
    }

    public static WebApplication MapZaakinformatieobjectEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        api.MapGet("/zaakinformatieobjecten", List).RequireScopes(Zrc, ZakenScopes.Lezen);
        api.MapPost("/zaakinformatieobjecten", Create).RequireScopes(Zrc, ZakenScopes.Toevoegers);
        api.MapGetWithHead("/zaakinformatieobjecten/{uuid:guid}", Read).RequireScopes(Zrc, ZakenScopes.Lezen);
        api.MapPut("/zaakinformatieobjecten/{uuid:guid}", Update).RequireScopes(Zrc, ZakenScopes.Wijzigers);
        api.MapPatch("/zaakinformatieobjecten/{uuid:guid}", PartialUpdate).RequireScopes(Zrc, ZakenScopes.Wijzigers);
        api.MapDelete("/zaakinformatieobjecten/{uuid:guid}", Delete).RequireScopes(Zrc, ZakenScopes.Ontkoppelaars);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, ZaakinformatieobjectRepository repository, ZakenUrls urls)
    {
        var query = ctx.Request.Query;
        var where = repository.ListFilters.Parse(query);
        where.AddRaw(ZaakinformatieobjectRepository.Visibility(query.ContainsKey("zaak") && query.ContainsKey("informatieobject")));
        ZaakGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller(), "z");
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var rows = await ZaakinformatieobjectRepository.ListAsync(c, where);
        return Results.Ok(rows.Select(r => r.ToJson(urls)).ToList());
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var row = await ZaakinformatieobjectRepository.FindDoneAsync(c, uuid) ?? throw ZgwException.NotFound();
        var zaak = await ZaakRef.FindByIdAsync(c, row.ZaakId) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return HttpCaching.JsonWithETag(row.ToJson(urls));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, ZakenUrls urls, ZaakCatalogi catalogi,
        ZaakinformatieobjectMirror mirror, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<ZaakinformatieobjectRequest>(ctx);
        var ct = ctx.RequestAborted;

        // Authorisation and the rules that need other APIs, before anything is written.
        var zaakUuid = urls.RequireZaakUuid("zaak", body.Zaak!);
        ZaakRef zaak;
        await using (var c = await db.OpenAsync(ct))
            zaak = await ZaakRef.FindAsync(c, zaakUuid)
                   ?? throw ZgwException.Validation("zaak", ZakenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
        ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Toevoegers);
        ZaakGuard.EnsureNogTeArchiveren(zaak);
        ZaakinformatieobjectRules.Zrc005_IsEnkelvoudigInformatieobject(body.Informatieobject!);
        var document = await catalogi.ObjectAsync("informatieobject", body.Informatieobject!, ZaakinformatieobjectRules.DocumentProperties, ct);
        var zaaktype = await catalogi.ZaaktypeAsync("zaak", zaak.Zaaktype, mustBePublished: false, ct);
        ZaakinformatieobjectRules.Zrc017_InformatieobjecttypeHoortBijZaaktype(document, zaaktype);

        // Step 1: the row, committed as pending.
        var uuid = Guid.CreateVersion7();
        long id;
        try
        {
            id = await db.InTransactionAsync(async (c, tx) =>
            {
                var locked = await ZaakRef.LockAsync(c, tx, zaakUuid)
                             ?? throw ZgwException.Validation("zaak", ZakenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
                ZaakGuard.EnsureCanWrite(ctx, locked, ZakenScopes.Toevoegers);
                ZaakGuard.EnsureNogTeArchiveren(locked);
                await ZaakinformatieobjectRules.StatusVanDezeZaakAsync(c, tx, urls, body.Status, locked.Id);
                await ZaakinformatieobjectRules.UniekPerZaakAsync(c, tx, locked.Id, body.Informatieobject!);
                return await ZaakinformatieobjectRepository.InsertPendingAsync(c, tx, uuid, locked.Id, body.Informatieobject!,
                    ZaakinformatieobjectGegevens.From(body), time.GetUtcNow(), MirrorActor.Of(ctx));
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw ZaakinformatieobjectRules.NotUnique();
        }

        // Step 2: the mirror, then done + audit + notification (or the row removed and 400 pending-relations).
        var created = await mirror.FinishCreateAsync(id, ctx);
        var json = created.ToJson(urls);
        return Results.Created(json["url"]!.GetValue<string>(), json);
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakEvents events) =>
        WriteAsync(ctx, uuid, db, urls, events, AuditActie.Update, _ => ZgwBody.ReadAsync<ZaakinformatieobjectRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakEvents events) =>
        WriteAsync(ctx, uuid, db, urls, events, AuditActie.PartialUpdate, current => ZgwBody.ReadPatchAsync(ctx, current.ToRequest(urls)));

    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakEvents events, string actie,
        Func<ZaakinformatieobjectRow, Task<ZaakinformatieobjectRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        ZaakinformatieobjectRow existing;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
        {
            existing = await ZaakinformatieobjectRepository.FindDoneAsync(c, uuid) ?? throw ZgwException.NotFound();
            var zaak = await ZaakRef.FindByIdAsync(c, existing.ZaakId) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
        }
        var body = await readBody(existing);
        ZaakinformatieobjectRules.Zrc004_ZaakEnInformatieobjectOnveranderlijk(existing, body, urls);

        var saved = await db.InTransactionAsync(async (c, tx) =>
        {
            var zaak = await ZaakRef.LockByIdAsync(c, tx, existing.ZaakId) ?? throw ZgwException.NotFound();
            var current = await ZaakinformatieobjectRepository.FindDoneAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            await ZaakinformatieobjectRules.StatusVanDezeZaakAsync(c, tx, urls, body.Status, zaak.Id);
            await ZaakinformatieobjectRepository.UpdateGegevensAsync(c, tx, current.Id, ZaakinformatieobjectGegevens.From(body));
            var updated = (await ZaakinformatieobjectRepository.FindDoneAsync(c, uuid, tx))!;
            var url = urls.Of(ZaakinformatieobjectMapping.Collection, uuid);
            // Only the create of a zaakinformatieobject is announced (README §4.1): audit only.
            await events.RecordAsync(c, tx, ctx, zaak, ZaakinformatieobjectMapping.Resource, url, actie, current.ToJson(urls), updated.ToJson(urls),
                notify: false);
            return updated;
        }, ctx.RequestAborted);
        return Results.Ok(saved.ToJson(urls));
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, ZaakinformatieobjectMirror mirror, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        // Step 1: hidden as 'removing' (the Documenten API only removes an OIO whose relation is gone here).
        var id = await db.InTransactionAsync(async (c, tx) =>
        {
            var found = await ZaakinformatieobjectRepository.FindDoneAsync(c, uuid, tx) ?? throw ZgwException.NotFound();
            var zaak = await ZaakRef.LockByIdAsync(c, tx, found.ZaakId) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Ontkoppelaars);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            var current = await ZaakinformatieobjectRepository.FindDoneAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            await ZaakinformatieobjectRepository.MarkRemovingAsync(c, tx, current.Id, time.GetUtcNow(), MirrorActor.Of(ctx));
            return current.Id;
        }, ctx.RequestAborted);
        // Step 2: the OIO removed, then the row + audit (or the row restored and 400 pending-relations).
        await mirror.FinishDeleteAsync(id, ctx);
        return Results.NoContent();
    }
}

/// <summary>Renders zaakinformatieobjecten for <c>expand</c> (one query for all uuids).</summary>
public sealed class ZaakinformatieobjectRenderer(ZakenUrls urls) : IZaakResourceRenderer
{
    public string Collection => ZaakinformatieobjectMapping.Collection;

    public async Task<IReadOnlyList<JsonObject>> RenderManyAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids, CancellationToken ct)
    {
        if (uuids.Count == 0)
            return [];
        var rows = await ZaakinformatieobjectRepository.RenderRowsAsync(c, uuids);
        return rows.Select(r => r.ToJson(urls)).ToList();
    }
}
