using Zgw.Api;
using Zgw.Api.Auth;

namespace Besluiten.Api.Resources.Besluit;

/// <summary><c>/besluiten</c> (Besluiten API 1.1.0). Skeleton: the routes of the OAS; the handlers follow.</summary>
public static class BesluitEndpoints
{
    private const string Brc = BesluitenService.Brc;

    public static IServiceCollection AddBesluitResource(this IServiceCollection services) => services;

    public static WebApplication MapBesluitEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(BesluitenService.Component.ApiPath);
        api.MapGet("/besluiten", NotYet).RequireScopes(Brc, BesluitenScopes.Lezen);
        api.MapPost("/besluiten", NotYet).RequireScopes(Brc, BesluitenScopes.Aanmaken);
        api.MapGet("/besluiten/{uuid:guid}", NotYet).RequireScopes(Brc, BesluitenScopes.Lezen);
        api.MapPut("/besluiten/{uuid:guid}", NotYet).RequireScopes(Brc, BesluitenScopes.Bijwerken);
        api.MapPatch("/besluiten/{uuid:guid}", NotYet).RequireScopes(Brc, BesluitenScopes.Bijwerken);
        api.MapDelete("/besluiten/{uuid:guid}", NotYet).RequireScopes(Brc, BesluitenScopes.Verwijderen);
        return app;
    }

    private static IResult NotYet() => Results.StatusCode(StatusCodes.Status501NotImplemented);
}
