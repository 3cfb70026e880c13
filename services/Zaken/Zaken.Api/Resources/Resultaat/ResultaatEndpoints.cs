using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Archivering;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Status;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zaken.Api.Resources.Resultaat;

/// <summary>
/// <c>/resultaten</c> (Zaken API 1.5.1): list, create, read (GET/HEAD), update, partial update, delete. One resultaat per
/// zaak; on a closed zaak (writable with geforceerd-bijwerken only) a new or changed resultaat recomputes the archive
/// fields (zrc-021, Open Zaak).
/// </summary>
public static class ResultaatEndpoints
{
    public const string Resource = "resultaat";

    public static IServiceCollection AddResultaatResource(this IServiceCollection services)
    {
        services.AddSingleton<ResultaatRepository>();
        services.AddSingleton<IZaakResourceRenderer>(sp => sp.GetRequiredService<ResultaatRepository>());
        return services;
    }

    public static WebApplication MapResultaatEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        var wijzigers = ZakenScopes.Wijzigers.ToArray();
        api.MapGet("/resultaten", List).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapPost("/resultaten", Create).RequireScopes(ZakenService.Zrc, wijzigers);
        api.MapGetWithHead("/resultaten/{uuid:guid}", Read).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapPut("/resultaten/{uuid:guid}", Update).RequireScopes(ZakenService.Zrc, wijzigers);
        api.MapPatch("/resultaten/{uuid:guid}", PartialUpdate).RequireScopes(ZakenService.Zrc, wijzigers);
        api.MapDelete("/resultaten/{uuid:guid}", Delete).RequireScopes(ZakenService.Zrc, wijzigers);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, ZakenUrls urls)
    {
        var where = ZaakUrlFilter.Parse(ResultaatRepository.ListFilters, ctx.Request.Query, urls);
        ZaakGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        var page = PageRequest.From(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var (count, rows) = await ResultaatRepository.ListAsync(c, where, page);
        return Results.Ok(Paging.Create(ctx, page, count, rows.Select(r => r.ToJson(urls)).ToList()));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, ResultaatRepository repository, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var row = await repository.GetAsync(c, uuid) ?? throw ZgwException.NotFound();
        var zaak = await ZaakRef.FindAsync(c, row.ZaakUuid) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return HttpCaching.JsonWithETag(row.ToJson(urls));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, ResultaatRepository repository, ZakenUrls urls,
        ZaakCatalogi catalogi, ArchiefBerekening archief, ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<ResultaatRequest>(ctx);
        var ct = ctx.RequestAborted;
        var uuid = Guid.NewGuid();
        var url = urls.Of("resultaten", uuid);
        var created = await UniekAsync(() => db.InTransactionAsync(async (c, tx) =>
        {
            var zaak = await ZaakRef.LockReferencedAsync(c, tx, urls, "zaak", body.Zaak!);
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            await ValideerResultaattypeAsync(catalogi, zaak, body.Resultaattype!, ct);
            if (await c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM resultaat WHERE zaak_id = @Id)", new { zaak.Id }, tx))
                throw ResultaatRules.EenResultaatPerZaak();
            await ResultaatRepository.InsertAsync(c, tx, uuid, zaak.Id, body);
            await HerberekenArchiefAsync(c, tx, archief, zaak, body.Resultaattype!, ct);
            var json = (await repository.GetAsync(c, uuid, tx))!.ToJson(urls);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, url, AuditActie.Create, null, json, notify: true);
            return json;
        }, ct));
        return Results.Created(url, created);
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, ResultaatRepository repository, ZakenUrls urls,
        ZaakCatalogi catalogi, ArchiefBerekening archief, ZaakEvents events) =>
        WriteAsync(ctx, uuid, db, repository, urls, catalogi, archief, events, AuditActie.Update, _ => ZgwBody.ReadAsync<ResultaatRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, ResultaatRepository repository, ZakenUrls urls,
        ZaakCatalogi catalogi, ArchiefBerekening archief, ZaakEvents events) =>
        WriteAsync(ctx, uuid, db, repository, urls, catalogi, archief, events, AuditActie.PartialUpdate,
            current => ZgwBody.ReadPatchAsync(ctx, current.ToRequest(urls)));

    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, ResultaatRepository repository, ZakenUrls urls,
        ZaakCatalogi catalogi, ArchiefBerekening archief, ZaakEvents events, string actie, Func<ResultaatRow, Task<ResultaatRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var ct = ctx.RequestAborted;
        ResultaatRow existing;
        await using (var c = await db.OpenAsync(ct))
            existing = await repository.GetAsync(c, uuid) ?? throw ZgwException.NotFound();
        var body = await readBody(existing);
        var url = urls.Of("resultaten", uuid);
        var updated = await db.InTransactionAsync(async (c, tx) =>
        {
            var zaak = (await ZaakRef.LockByIdAsync(c, tx, existing.ZaakId))!;
            var current = await repository.GetAsync(c, uuid, tx) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            ResultaatRules.ZaakNietWijzigen(urls.Zaak(current.ZaakUuid), body.Zaak!);
            await ValideerResultaattypeAsync(catalogi, zaak, body.Resultaattype!, ct);
            await ResultaatRepository.UpdateAsync(c, tx, current.Id, body);
            await HerberekenArchiefAsync(c, tx, archief, zaak, body.Resultaattype!, ct);
            var json = (await repository.GetAsync(c, uuid, tx))!.ToJson(urls);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, url, actie, current.ToJson(urls), json, notify: true);
            return json;
        }, ct);
        return Results.Ok(updated);
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, ResultaatRepository repository, ZakenUrls urls,
        ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var ct = ctx.RequestAborted;
        ResultaatRow existing;
        await using (var c = await db.OpenAsync(ct))
            existing = await repository.GetAsync(c, uuid) ?? throw ZgwException.NotFound();
        await db.InTransactionAsync(async (c, tx) =>
        {
            var zaak = (await ZaakRef.LockByIdAsync(c, tx, existing.ZaakId))!;
            var current = await repository.GetAsync(c, uuid, tx) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            await c.ExecuteAsync("DELETE FROM resultaat WHERE id = @Id", new { current.Id }, tx);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, urls.Of("resultaten", uuid), AuditActie.Destroy, current.ToJson(urls), null,
                notify: true);
            return 0;
        }, ct);
        return Results.NoContent();
    }

    /// <summary>The resultaattype must resolve to a RESULTAATTYPE (G2) of the zaak's zaaktype (zrc-020).</summary>
    private static async Task ValideerResultaattypeAsync(ZaakCatalogi catalogi, ZaakRef zaak, string resultaattype, CancellationToken ct)
    {
        await catalogi.TypeAsync("resultaattype", resultaattype, ["url", "archiefnominatie"], ct);
        var zaaktype = await catalogi.ZaaktypeAsync("zaak", zaak.Zaaktype, mustBePublished: false, ct);
        ResultaatRules.Zrc020_ResultaattypeHoortBijZaaktype(resultaattype, zaaktype);
    }

    /// <summary>Open Zaak: a resultaat created or changed on an already closed zaak recomputes its archive fields (zrc-021).</summary>
    private static async Task HerberekenArchiefAsync(NpgsqlConnection c, NpgsqlTransaction tx, ArchiefBerekening archief, ZaakRef zaak,
        string resultaattype, CancellationToken ct)
    {
        if (zaak.Einddatum is not { } einddatum)
            return;
        var uitkomst = await archief.BerekenAsync(c, tx, zaak, einddatum, await archief.ResultaattypeAsync(resultaattype, ct), ct);
        await ArchiefBerekening.SchrijfAsync(c, tx, zaak.Id, uitkomst);
    }

    /// <summary>A concurrent second resultaat for the same zaak is still the <c>unique</c> rule, not a 500.</summary>
    private static async Task<JsonObject> UniekAsync(Func<Task<JsonObject>> write)
    {
        try
        {
            return await write();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "resultaat")
        {
            throw ResultaatRules.EenResultaatPerZaak();
        }
    }
}
