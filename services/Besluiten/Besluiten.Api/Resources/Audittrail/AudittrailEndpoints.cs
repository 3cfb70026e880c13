using Besluiten.Api.Resources.Common;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Besluiten.Api.Resources.Audittrail;

/// <summary>
/// <c>/besluiten/{besluit_uuid}/audittrail</c> (ZGW G8): the audit trail of a besluit and its besluitinformatieobjecten,
/// oldest first, unpaginated; scope <c>audittrails.lezen</c> for the besluit's besluittype.
/// </summary>
public static class AudittrailEndpoints
{
    private const string Path = "/" + BesluitenUrls.Besluiten + "/{besluit_uuid:guid}/audittrail";

    public static IServiceCollection AddAudittrailResource(this IServiceCollection services) => services;

    public static WebApplication MapAudittrailEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(BesluitenService.Component.ApiPath);
        api.MapGet(Path, List).RequireScopes(BesluitenService.Brc, BesluitenScopes.AudittrailsLezen);
        api.MapGet(Path + "/{uuid:guid}", Read).RequireScopes(BesluitenService.Brc, BesluitenScopes.AudittrailsLezen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, Guid besluit_uuid, ZgwDatabase db, BesluitenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        await EnsureBesluitAsync(ctx, c, besluit_uuid);
        return Results.Ok(await AuditTrailStore.ListAsync(c, urls.Besluit(besluit_uuid)));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid besluit_uuid, Guid uuid, ZgwDatabase db, BesluitenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        await EnsureBesluitAsync(ctx, c, besluit_uuid);
        return Results.Ok(await AuditTrailStore.GetAsync(c, urls.Besluit(besluit_uuid), uuid) ?? throw ZgwException.NotFound());
    }

    private static async Task EnsureBesluitAsync(HttpContext ctx, NpgsqlConnection c, Guid uuid)
    {
        var besluit = await BesluitRef.FindDoneAsync(c, uuid) ?? throw ZgwException.NotFound();
        BesluitGuard.EnsureCanRead(ctx, besluit, BesluitenScopes.AudittrailsLezen);
    }
}
