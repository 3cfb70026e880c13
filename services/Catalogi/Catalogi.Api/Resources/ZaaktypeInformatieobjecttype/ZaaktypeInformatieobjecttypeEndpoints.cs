using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.ZaaktypeInformatieobjecttype;

/// <summary><c>/zaaktype-informatieobjecttypen</c>: list, create, read (GET/HEAD), update, partial update, delete.</summary>
public static class ZaaktypeInformatieobjecttypeEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.ZaaktypeInformatieobjecttype;

    public static WebApplication MapZaaktypeInformatieobjecttypeEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/zaaktype-informatieobjecttypen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapGetWithHead("/zaaktype-informatieobjecttypen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapOnderdeelWrites<ZaaktypeInformatieobjecttypeRequest, ZaaktypeInformatieobjecttypeRepository>("/zaaktype-informatieobjecttypen");
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, ZaaktypeInformatieobjecttypeRepository.ListFilters, ZaaktypeInformatieobjecttypeRepository.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) => TypeReads.DetailAsync(ctx, reader, Kind, uuid);
}
