using Zaken.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zaken.Api.Resources.Audittrail;

/// <summary>
/// <c>/zaken/{zaak_uuid}/audittrail</c> (ZGW G8): the audit trail of a zaak and its related resources, oldest first,
/// unpaginated; scope <c>audittrails.lezen</c> for the zaak's zaaktype and vertrouwelijkheid.
/// </summary>
public static class AudittrailEndpoints
{
    public static IServiceCollection AddAudittrailResource(this IServiceCollection services) => services;

    public static WebApplication MapAudittrailEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        api.MapGet("/zaken/{zaak_uuid:guid}/audittrail", List).RequireScopes(ZakenService.Zrc, ZakenScopes.AudittrailsLezen);
        api.MapGet("/zaken/{zaak_uuid:guid}/audittrail/{uuid:guid}", Read).RequireScopes(ZakenService.Zrc, ZakenScopes.AudittrailsLezen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, Guid zaak_uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        await EnsureZaakAsync(ctx, c, zaak_uuid);
        return Results.Ok(await AuditTrailStore.ListAsync(c, urls.Zaak(zaak_uuid)));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid zaak_uuid, Guid uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        await EnsureZaakAsync(ctx, c, zaak_uuid);
        return HttpCaching.JsonWithETag(await AuditTrailStore.GetAsync(c, urls.Zaak(zaak_uuid), uuid) ?? throw ZgwException.NotFound());
    }

    private static async Task EnsureZaakAsync(HttpContext ctx, Npgsql.NpgsqlConnection c, Guid zaakUuid)
    {
        var zaak = await ZaakRef.FindAsync(c, zaakUuid) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak, ZakenScopes.AudittrailsLezen);
    }
}
