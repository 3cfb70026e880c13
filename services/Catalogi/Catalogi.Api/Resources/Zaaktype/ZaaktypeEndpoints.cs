using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Zaaktype;

/// <summary>
/// <c>/zaaktypen</c>: list, create, read (GET/HEAD, with <c>datumGeldigheid</c>), update, partial update, delete, publish.
/// Writes commit with their <c>zaaktypen</c> notification; publish sends none.
/// </summary>
public static class ZaaktypeEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.Zaaktype;

    public static WebApplication MapZaaktypeEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/zaaktypen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapGetWithHead("/zaaktypen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapHoofdtypeWrites<ZaaktypeRequest, ZaaktypeRepository>("/zaaktypen");
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, ZaaktypeRepository.ListFilters, ZaaktypeRepository.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) =>
        TypeReads.DetailAsync(ctx, reader, Kind, uuid, geldigheidAlias: "t");
}
