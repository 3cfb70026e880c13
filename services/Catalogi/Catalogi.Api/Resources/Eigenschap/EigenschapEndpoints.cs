using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Eigenschap;

/// <summary><c>/eigenschappen</c>: list, create, read (GET/HEAD), update, partial update, delete.</summary>
public static class EigenschapEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.Eigenschap;

    public static WebApplication MapEigenschapEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/eigenschappen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapGetWithHead("/eigenschappen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapOnderdeelWrites<EigenschapRequest, EigenschapRepository>("/eigenschappen");
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, EigenschapRepository.ListFilters, Onderdeel.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) => TypeReads.DetailAsync(ctx, reader, Kind, uuid);
}
