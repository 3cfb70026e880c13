using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;

namespace Catalogi.Api.Resources.Catalogus;

/// <summary><c>/catalogussen</c>: list, create, read (GET/HEAD), update, partial update. A catalogus is never deleted.</summary>
public static class CatalogusEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.Catalogus;

    public static WebApplication MapCatalogusEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/catalogussen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapPost("/catalogussen", Create).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Schrijven);
        api.MapGetWithHead("/catalogussen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapPut("/catalogussen/{uuid:guid}", Update).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Wijzigers);
        api.MapPatch("/catalogussen/{uuid:guid}", PartialUpdate).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Wijzigers);
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, CatalogusRepository.ListFilters, CatalogusRepository.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) => TypeReads.DetailAsync(ctx, reader, Kind, uuid);

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, CatalogiReader reader, CatalogiUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<CatalogusRequest>(ctx);
        var uuid = await TypeWrites.SaveAsync(db, (c, tx) => CatalogusRepository.InsertAsync(c, tx, body));
        return await TypeWrites.CreatedAsync(reader, urls, Kind, uuid);
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, CatalogiReader reader) =>
        WriteAsync(ctx, uuid, db, reader, _ => ZgwBody.ReadAsync<CatalogusRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, CatalogiReader reader) =>
        WriteAsync(ctx, uuid, db, reader, current => ZgwBody.ReadPatchAsync(ctx, current));

    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, CatalogiReader reader,
        Func<CatalogusRequest, Task<CatalogusRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        CatalogusRow current;
        await using (var c = await db.OpenAsync())
            current = await CatalogusRepository.GetAsync(c, null, uuid) ?? throw ZgwException.NotFound();
        var body = await readBody(current.Request);
        await TypeWrites.SaveAsync(db, async (c, tx) =>
        {
            var row = await CatalogusRepository.GetAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
            await CatalogusRepository.UpdateAsync(c, tx, row.Id, body);
            return row.Id;
        });
        return await TypeWrites.OkAsync(reader, Kind, uuid);
    }
}
