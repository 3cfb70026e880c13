using Catalogi.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Catalogi.Api.Resources.Informatieobjecttype;

/// <summary>
/// <c>/informatieobjecttypen</c>: list, create, read (GET/HEAD), update, partial update, delete, publish. Writes commit with
/// their <c>informatieobjecttypen</c> notification; publish sends none. Create answers 201 (the OAS declares 200, a defect).
/// </summary>
public static class InformatieobjecttypeEndpoints
{
    private const CatalogiKind Kind = CatalogiKind.Informatieobjecttype;

    public static WebApplication MapInformatieobjecttypeEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(CatalogiService.Component.ApiPath);
        api.MapGet("/informatieobjecttypen", List).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapGetWithHead("/informatieobjecttypen/{uuid:guid}", Read).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Lezers);
        api.MapHoofdtypeWrites<InformatieobjecttypeRequest, InformatieobjecttypeRepository>("/informatieobjecttypen");
        return app;
    }

    private static Task<IResult> List(HttpContext ctx, CatalogiReader reader) =>
        TypeReads.ListAsync(ctx, reader, Kind, InformatieobjecttypeRepository.ListFilters, InformatieobjecttypeRepository.Shape);

    private static Task<IResult> Read(HttpContext ctx, Guid uuid, CatalogiReader reader) => TypeReads.DetailAsync(ctx, reader, Kind, uuid);
}
