using Npgsql;
using Zaken.Api.Resources.Archivering;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Rol;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zaken.Api.Resources.Zaakobject;

/// <summary>
/// <c>/zaakobjecten</c> (Zaken API 1.5.1): list, create, read (GET/HEAD), update, partial update, delete. Creates also
/// accept <c>zaken.aanmaken</c>, deletes also <c>zaken.verwijderen</c> (README §4.1). Every write locks the zaak, checks
/// its autorisatie (A8), the closed-zaak rule (zrc-007) and the archiefstatus, and commits with its audit record and
/// its notification (zaakobject: create, update, partial_update, destroy).
/// </summary>
public static class ZaakobjectEndpoints
{
    private const string Resource = "zaakobject";
    private const string Collection = "zaakobjecten";

    public static IServiceCollection AddZaakobjectResource(this IServiceCollection services)
    {
        services.AddSingleton<ZaakobjectRepository>();
        services.AddSingleton<IZaakResourceRenderer>(sp => sp.GetRequiredService<ZaakobjectRepository>());
        return services;
    }

    public static WebApplication MapZaakobjectEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        api.MapGet("/zaakobjecten", List).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapPost("/zaakobjecten", Create).RequireScopes(ZakenService.Zrc, ZakenScopes.Toevoegers);
        api.MapGetWithHead("/zaakobjecten/{uuid:guid}", Read).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapPut("/zaakobjecten/{uuid:guid}", Update).RequireScopes(ZakenService.Zrc, ZakenScopes.Wijzigers);
        api.MapPatch("/zaakobjecten/{uuid:guid}", PartialUpdate).RequireScopes(ZakenService.Zrc, ZakenScopes.Wijzigers);
        api.MapDelete("/zaakobjecten/{uuid:guid}", Delete).RequireScopes(ZakenService.Zrc, ZakenScopes.Ontkoppelaars);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZaakobjectRepository repository, ZakenUrls urls)
    {
        var where = ZaakFilter.Parse(ctx, ZaakobjectRepository.ListFilters, urls);
        var page = PageRequest.From(ctx.Request.Query);
        var (count, rows) = await repository.ListAsync(where, page);
        return Results.Ok(Paging.Create(ctx, page, count, rows.Select(r => r.Render(urls)).ToList()));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, ZaakobjectRepository repository, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var zaakobject = await repository.GetAsync(uuid, c) ?? throw ZgwException.NotFound();
        var zaak = await ZaakRef.FindByIdAsync(c, zaakobject.ZaakId) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return HttpCaching.JsonWithETag(zaakobject.Render(urls));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, ZaakobjectRepository repository, ZakenUrls urls,
        ZaakCatalogi catalogi, ZaakEvents events, ArchiefBerekening archief)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<ZaakobjectRequest>(ctx);
        ZaakobjectRules.InvalidZaakobject_ObjectOfIdentificatie(body);
        var ct = ctx.RequestAborted;
        var created = await db.InTransactionAsync(async (c, tx) =>
        {
            var zaak = await ZaakRef.LockReferencedAsync(c, tx, urls, "zaak", body.Zaak!);
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Toevoegers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            if (!string.IsNullOrEmpty(body.Object))
                await catalogi.ObjectAsync("object", body.Object, [], ct);
            if (!string.IsNullOrEmpty(body.Zaakobjecttype))
            {
                await catalogi.TypeAsync("zaakobjecttype", body.Zaakobjecttype, ["zaaktype"], ct);
                ZaakobjectRules.ZaakobjecttypeHoortBijZaaktype(
                    await catalogi.ZaaktypeAsync("zaakobjecttype", zaak.Zaaktype, mustBePublished: false, ct), body.Zaakobjecttype);
            }
            var uuid = await ZaakobjectRepository.InsertAsync(c, tx, zaak.Id, body);
            await HerberekenArchiefAsync(c, tx, archief, zaak, ct);
            var json = (await repository.GetAsync(uuid, c, tx))!.Render(urls);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, urls.Of(Collection, uuid), AuditActie.Create, null, json, notify: true);
            return json;
        }, ct);
        return Results.Created(created["url"]!.GetValue<string>(), created);
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, ZaakobjectRepository repository, ZakenUrls urls, ZaakEvents events,
        ArchiefBerekening archief) =>
        WriteAsync(ctx, uuid, db, repository, urls, events, archief, AuditActie.Update, _ => ZgwBody.ReadAsync<ZaakobjectRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, ZaakobjectRepository repository, ZakenUrls urls,
        ZaakEvents events, ArchiefBerekening archief) =>
        WriteAsync(ctx, uuid, db, repository, urls, events, archief, AuditActie.PartialUpdate, current => ZgwBody.ReadPatchAsync(ctx, current));

    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, ZaakobjectRepository repository, ZakenUrls urls,
        ZaakEvents events, ArchiefBerekening archief, string actie, Func<ZaakobjectRequest, Task<ZaakobjectRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        ZaakobjectRequest current;
        await using (var c = await db.OpenAsync())
        {
            var existing = await repository.GetAsync(uuid, c) ?? throw ZgwException.NotFound();
            var zaak = await ZaakRef.FindByIdAsync(c, existing.ZaakId) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            current = existing.ToRequest(urls);
        }
        var body = await readBody(current);
        ZaakobjectRules.WijzigenNietToegelaten(current, body);
        var updated = await db.InTransactionAsync(async (c, tx) =>
        {
            var found = await repository.GetAsync(uuid, c, tx) ?? throw ZgwException.NotFound();
            var zaak = await ZaakRef.LockByIdAsync(c, tx, found.ZaakId) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            var before = await repository.GetAsync(uuid, c, tx) ?? throw ZgwException.NotFound();
            await ZaakobjectRepository.UpdateAsync(c, tx, before, body);
            await HerberekenArchiefAsync(c, tx, archief, zaak, ctx.RequestAborted);
            var json = (await repository.GetAsync(uuid, c, tx))!.Render(urls);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, urls.Of(Collection, uuid), actie, before.Render(urls), json, notify: true);
            return json;
        }, ctx.RequestAborted);
        return Results.Ok(updated);
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, ZaakobjectRepository repository, ZakenUrls urls,
        ZaakEvents events, ArchiefBerekening archief)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await db.InTransactionAsync(async (c, tx) =>
        {
            var found = await repository.GetAsync(uuid, c, tx) ?? throw ZgwException.NotFound();
            var zaak = await ZaakRef.LockByIdAsync(c, tx, found.ZaakId) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Ontkoppelaars);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            var zaakobject = await repository.GetAsync(uuid, c, tx) ?? throw ZgwException.NotFound();
            await ZaakobjectRepository.DeleteAsync(c, tx, zaakobject.Id);
            await HerberekenArchiefAsync(c, tx, archief, zaak, ctx.RequestAborted);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, urls.Of(Collection, uuid), AuditActie.Destroy, zaakobject.Render(urls), null,
                notify: true);
            return zaakobject.Id;
        }, ctx.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>
    /// zrc-021 (Open Zaak): a closed zaak whose archiefactiedatum waits for its zaakobjecten (afleidingswijze
    /// <c>zaakobject</c>) gets it when they change; in the write's transaction, with the zaak locked.
    /// </summary>
    private static Task HerberekenArchiefAsync(NpgsqlConnection c, NpgsqlTransaction tx, ArchiefBerekening archief, ZaakRef zaak,
        CancellationToken ct) =>
        archief.HerberekenUitgesteldAsync(c, tx, zaak, [Afleidingswijze.Zaakobject], ct);
}
