using Zaken.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zaken.Api.Resources.Rol;

/// <summary>
/// <c>/rollen</c> (Zaken API 1.5.1): list, create, read (GET/HEAD), delete — a rol cannot be changed (Z26). Every write
/// locks the zaak, checks the zaak's autorisatie (A8), the closed-zaak rule (zrc-007) and the archiefstatus, and
/// commits with its audit record and its notification (rol: create, destroy).
/// </summary>
public static class RolEndpoints
{
    private const string Resource = "rol";

    public static IServiceCollection AddRolResource(this IServiceCollection services)
    {
        services.AddSingleton<RolRepository>();
        services.AddSingleton<IZaakResourceRenderer>(sp => sp.GetRequiredService<RolRepository>());
        return services;
    }

    public static WebApplication MapRolEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        api.MapGet("/rollen", List).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapPost("/rollen", Create).RequireScopes(ZakenService.Zrc, ZakenScopes.Wijzigers);
        api.MapGetWithHead("/rollen/{uuid:guid}", Read).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapDelete("/rollen/{uuid:guid}", Delete).RequireScopes(ZakenService.Zrc, ZakenScopes.Wijzigers);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, RolRepository repository, ZakenUrls urls)
    {
        var where = ZaakFilter.Parse(ctx, RolRepository.ListFilters, urls);
        var page = PageRequest.From(ctx.Request.Query);
        var (count, rows) = await repository.ListAsync(where, page);
        return Results.Ok(Paging.Create(ctx, page, count, rows.Select(r => r.Render(urls)).ToList()));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, RolRepository repository, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var rol = await repository.GetAsync(uuid, c) ?? throw ZgwException.NotFound();
        var zaak = await ZaakRef.FindByIdAsync(c, rol.ZaakId) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return HttpCaching.JsonWithETag(rol.Render(urls));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, RolRepository repository, ZakenUrls urls, ZaakCatalogi catalogi,
        ZaakEvents events, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<RolRequest>(ctx);
        var ct = ctx.RequestAborted;
        var created = await db.InTransactionAsync(async (c, tx) =>
        {
            var zaak = await ZaakRef.LockReferencedAsync(c, tx, urls, "zaak", body.Zaak!);
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            var roltype = Roltype.From(body.Roltype!, await catalogi.TypeAsync("roltype", body.Roltype!, Roltype.RequiredProperties, ct));
            RolRules.Zrc019_RoltypeHoortBijZaaktype(await catalogi.ZaaktypeAsync("roltype", zaak.Zaaktype, mustBePublished: false, ct), roltype);
            RolRules.MaxOccurences_EenInitiatorEnZaakcoordinator(roltype,
                await RolRepository.CountAsync(c, tx, zaak.Id, roltype.OmschrijvingGeneriek));
            var uuid = await RolRepository.InsertAsync(c, tx, zaak.Id, body, roltype, time.GetUtcNow());
            var json = (await repository.GetAsync(uuid, c, tx))!.Render(urls);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, urls.Of("rollen", uuid), AuditActie.Create, null, json, notify: true);
            return json;
        }, ct);
        return Results.Created(created["url"]!.GetValue<string>(), created);
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, RolRepository repository, ZakenUrls urls, ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await db.InTransactionAsync(async (c, tx) =>
        {
            var found = await repository.GetAsync(uuid, c, tx) ?? throw ZgwException.NotFound();
            var zaak = await ZaakRef.LockByIdAsync(c, tx, found.ZaakId) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            var rol = await repository.GetAsync(uuid, c, tx) ?? throw ZgwException.NotFound();
            await RolRepository.DeleteAsync(c, tx, rol.Id);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, urls.Of("rollen", uuid), AuditActie.Destroy, rol.Render(urls), null, notify: true);
            return rol.Id;
        }, ctx.RequestAborted);
        return Results.NoContent();
    }
}
