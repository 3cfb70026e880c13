using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Zaakobjecttype;

/// <summary><c>/zaakobjecttypen</c>: list, create, read (GET/HEAD), update, partial update, delete.</summary>
public static class ZaakobjecttypeEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.Zaakobjecttype;

    public static WebApplication MapZaakobjecttypeEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/zaakobjecttypen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapGetWithHead("/zaakobjecttypen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapOnderdeelWrites<ZaakobjecttypeRequest, ZaakobjecttypeRepository>("/zaakobjecttypen");
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, ZaakobjecttypeRepository.ListFilters, ZaakobjecttypeRepository.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) => TypeReads.DetailAsync(ctx, reader, Kind, uuid);
}
