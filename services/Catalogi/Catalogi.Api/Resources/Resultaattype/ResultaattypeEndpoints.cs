using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Resultaattype;

/// <summary><c>/resultaattypen</c>: list, create, read (GET/HEAD), update, partial update, delete.</summary>
public static class ResultaattypeEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.Resultaattype;

    public static WebApplication MapResultaattypeEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/resultaattypen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapGetWithHead("/resultaattypen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapOnderdeelWrites<ResultaattypeRequest, ResultaattypeRepository>("/resultaattypen");
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, ResultaattypeRepository.ListFilters, ResultaattypeRepository.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) => TypeReads.DetailAsync(ctx, reader, Kind, uuid);
}
