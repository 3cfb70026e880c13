using Zgw.Api;
using Zgw.Api.Auth;

namespace Besluiten.Api.Resources.Besluitinformatieobject;

/// <summary><c>/besluitinformatieobjecten</c> (Besluiten API 1.1.0). Skeleton: the routes of the OAS; the handlers follow.</summary>
public static class BesluitinformatieobjectEndpoints
{
    private const string Brc = BesluitenService.Brc;

    public static IServiceCollection AddBesluitinformatieobjectResource(this IServiceCollection services) => services;

    public static WebApplication MapBesluitinformatieobjectEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(BesluitenService.Component.ApiPath);
        api.MapGet("/besluitinformatieobjecten", NotYet).RequireScopes(Brc, BesluitenScopes.Lezen);
        api.MapPost("/besluitinformatieobjecten", NotYet).RequireScopes(Brc, BesluitenScopes.Aanmaken);
        api.MapGet("/besluitinformatieobjecten/{uuid:guid}", NotYet).RequireScopes(Brc, BesluitenScopes.Lezen);
        api.MapDelete("/besluitinformatieobjecten/{uuid:guid}", NotYet).RequireScopes(Brc, BesluitenScopes.Verwijderen);
        return app;
    }

    private static IResult NotYet() => Results.StatusCode(StatusCodes.Status501NotImplemented);
}
