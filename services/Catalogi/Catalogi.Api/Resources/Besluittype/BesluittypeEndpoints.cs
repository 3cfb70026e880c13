using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Besluittype;

/// <summary>
/// <c>/besluittypen</c>: list, create, read (GET/HEAD), update, partial update, delete, publish. Writes commit with their
/// <c>besluittypen</c> notification; publish sends none.
/// </summary>
public static class BesluittypeEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.Besluittype;

    public static WebApplication MapBesluittypeEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/besluittypen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapGetWithHead("/besluittypen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapHoofdtypeWrites<BesluittypeRequest, BesluittypeRepository>("/besluittypen");
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, BesluittypeRepository.ListFilters, BesluittypeRepository.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) => TypeReads.DetailAsync(ctx, reader, Kind, uuid);
}
