using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Statustype;

/// <summary><c>/statustypen</c>: list, create, read (GET/HEAD), update, partial update, delete.</summary>
public static class StatustypeEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.Statustype;

    public static WebApplication MapStatustypeEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/statustypen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapGetWithHead("/statustypen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapOnderdeelWrites<StatustypeRequest, StatustypeRepository>("/statustypen");
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, StatustypeRepository.ListFilters, Onderdeel.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) => TypeReads.DetailAsync(ctx, reader, Kind, uuid);
}
