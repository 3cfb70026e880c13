using System.Text.Json;
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
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Zaak;

/// <summary>
/// <c>/zaken</c> (Zaken API 1.5.1): list, <c>_zoek</c>, create, read (+HEAD), update, partial update, destroy. Every
/// operation carries the CRS headers (ARCHITECTURE §11.7); every write commits with its audit record and its
/// notification on kanaal <c>zaken</c>.
/// </summary>
public static class ZaakEndpoints
{
    public static IServiceCollection AddZaakResource(this IServiceCollection services)
    {
        services.AddSingleton<ZaakRepository>();
        services.AddSingleton<IZaakResourceRenderer>(sp => sp.GetRequiredService<ZaakRepository>());
        services.AddSingleton<ZaakWriter>();
        services.AddHostedService<ZaakTellingCompactor>();
        return services;
    }

    public static WebApplication MapZaakEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        api.MapGet("/zaken", List).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen).RequireCrs();
        api.MapPost("/zaken/_zoek", Zoek).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen).RequireCrs();
        api.MapPost("/zaken", Create).RequireScopes(ZakenService.Zrc, ZakenScopes.Aanmaken).RequireCrs();
        api.MapGetWithHead("/zaken/{uuid:guid}", Read).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen).RequireCrs();
        api.MapPut("/zaken/{uuid:guid}", Update).RequireScopes(ZakenService.Zrc, ZakenScopes.Wijzigers).RequireCrs();
        api.MapPatch("/zaken/{uuid:guid}", PartialUpdate).RequireScopes(ZakenService.Zrc, ZakenScopes.Wijzigers).RequireCrs();
        api.MapDelete("/zaken/{uuid:guid}", Delete).RequireScopes(ZakenService.Zrc, ZakenScopes.Verwijderen).RequireCrs();
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, ZgwDatabase db, ZaakRepository repository, ZaakExpander expander, ZakenUrls urls)
    {
        var query = ctx.Request.Query;
        var where = ZaakQuery.List.Parse(query);
        var maximaal = query[ZaakQuery.MaximaleVertrouwelijkheidaanduiding].LastOrDefault();
        // Without filters the count comes from zaak_telling (exact, a sum over the allowed pairs) instead of counting rows.
        var telling = where.IsEmpty ? new SqlWhere() : null;
        ZaakQuery.AddMaximaleVertrouwelijkheid(where, maximaal);
        if (telling is not null)
        {
            ZaakQuery.AddMaximaleVertrouwelijkheid(telling, maximaal, "t");
            ZaakGuard.AddAutorisatieFilter(telling, ctx.GetZgwCaller(), "t");
        }
        return PageAsync(ctx, db, repository, expander, urls, where, query["ordering"].LastOrDefault(), query["expand"].LastOrDefault(),
            PageRequest.From(query), telling);
    }

    /// <summary>POST /zaken/_zoek: the list filters in the body, plus uuid__in, zaaktype__in and zaakgeometrie.within (Z28).</summary>
    private static async Task<IResult> Zoek(HttpContext ctx, ZgwDatabase db, ZaakRepository repository, ZaakExpander expander, ZakenUrls urls)
    {
        new FilterSet().Allow(PageRequest.Parameters).Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<JsonObject>(ctx);
        var (query, within) = ZaakQuery.FromZoekBody(body);
        var where = ZaakQuery.Zoek.Parse(query);
        ZaakQuery.AddMaximaleVertrouwelijkheid(where, query[ZaakQuery.MaximaleVertrouwelijkheidaanduiding].LastOrDefault());
        if (within is not null)
            where.AddRaw($"ST_Within(z.zaakgeometrie, ST_SetSRID(ST_GeomFromGeoJSON({where.Parameter(within.ToJsonString())}), 4326))");
        return await PageAsync(ctx, db, repository, expander, urls, where, query["ordering"].LastOrDefault(), query["expand"].LastOrDefault(),
            PageRequest.From(ctx.Request.Query));
    }

    private static async Task<IResult> PageAsync(HttpContext ctx, ZgwDatabase db, ZaakRepository repository, ZaakExpander expander, ZakenUrls urls,
        SqlWhere where, string? ordering, string? expand, PageRequest page, SqlWhere? telling = null)
    {
        var orderBy = ZaakQuery.OrderBy(ordering);
        var tree = ZaakExpander.Parse(expand);
        ZaakGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var (count, rows) = await repository.ListAsync(c, where, orderBy, page, ctx.RequestAborted, telling);
        var results = rows.Select(r => r.Render(urls)).ToList();
        await expander.ExpandAsync(c, ctx, results, tree);
        return Results.Ok(Paging.Create(ctx, page, count, results));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, ZaakRepository repository, ZaakExpander expander, ZakenUrls urls)
    {
        new FilterSet().Allow("expand").Parse(ctx.Request.Query);
        var tree = ZaakExpander.Parse(ctx.Request.Query["expand"].LastOrDefault());
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var row = await repository.GetAsync(uuid, c) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, ToRef(row));
        var json = row.Render(urls);
        await expander.ExpandAsync(c, ctx, [json], tree);
        return HttpCaching.JsonWithETag(json);
    }

    private static async Task<IResult> Create(HttpContext ctx, ZaakWriter writer, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<ZaakRequest>(ctx);
        var created = await writer.CreateAsync(ctx, body);
        var url = urls.Zaak(created.Uuid);
        return Results.Created(url, created.Render(urls));
    }

    private static async Task<IResult> Update(HttpContext ctx, Guid uuid, ZaakWriter writer, ZaakRepository repository, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var current = await repository.GetAsync(uuid) ?? throw ZgwException.NotFound();
        var body = await ZgwBody.ReadAsync<ZaakRequest>(ctx);
        var updated = await writer.UpdateAsync(ctx, current, body, AuditActie.Update, laatsteBetaaldatumSent: true);
        return Results.Ok(updated.Render(urls));
    }

    private static async Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZaakWriter writer, ZaakRepository repository, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var current = await repository.GetAsync(uuid) ?? throw ZgwException.NotFound();
        var (body, sent) = await ZgwBody.ReadPatchWithFieldsAsync(ctx, current.ToRequest(urls));
        var updated = await writer.UpdateAsync(ctx, current, body, AuditActie.PartialUpdate, sent.Contains("laatsteBetaaldatum"));
        return Results.Ok(updated.Render(urls));
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZaakWriter writer)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await writer.DeleteAsync(ctx, uuid);
        return Results.NoContent();
    }

    public static ZaakRef ToRef(ZaakRow row) => new()
    {
        Id = row.Id,
        Uuid = row.Uuid,
        Identificatie = row.Identificatie,
        Bronorganisatie = row.Bronorganisatie,
        Zaaktype = row.Zaaktype,
        Vertrouwelijkheidaanduiding = row.Vertrouwelijkheidaanduiding,
        Startdatum = row.Startdatum,
        Einddatum = row.Einddatum,
        Archiefnominatie = row.Archiefnominatie,
        Archiefactiedatum = row.Archiefactiedatum,
        Archiefstatus = row.Archiefstatus,
        StartdatumBewaartermijn = row.StartdatumBewaartermijn,
    };
}
