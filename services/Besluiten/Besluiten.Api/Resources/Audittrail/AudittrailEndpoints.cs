using Zgw.Api;
using Zgw.Api.Auth;

namespace Besluiten.Api.Resources.Audittrail;

/// <summary><c>/besluiten/{besluit_uuid}/audittrail</c> (ZGW G8). Skeleton: the routes of the OAS; the handlers follow.</summary>
public static class AudittrailEndpoints
{
    private const string Path = "/besluiten/{besluit_uuid:guid}/audittrail";

    public static IServiceCollection AddAudittrailResource(this IServiceCollection services) => services;

    public static WebApplication MapAudittrailEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(BesluitenService.Component.ApiPath);
        api.MapGet(Path, NotYet).RequireScopes(BesluitenService.Brc, BesluitenScopes.AudittrailsLezen);
        api.MapGet(Path + "/{uuid:guid}", NotYet).RequireScopes(BesluitenService.Brc, BesluitenScopes.AudittrailsLezen);
        return app;
    }

    private static IResult NotYet() => Results.StatusCode(StatusCodes.Status501NotImplemented);
}
