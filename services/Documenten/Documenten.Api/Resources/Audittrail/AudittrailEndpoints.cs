using Documenten.Api.Resources.Common;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Documenten.Api.Resources.Audittrail;

/// <summary>
/// <c>/enkelvoudiginformatieobjecten/{uuid}/audittrail</c> (ZGW G8): the audit trail of a document and its related
/// resources, oldest first, unpaginated; scope <c>audittrails.lezen</c> for the document's informatieobjecttype and
/// vertrouwelijkheid.
/// </summary>
public static class AudittrailEndpoints
{
    private const string Path = "/" + DocumentenUrls.Documenten + "/{enkelvoudiginformatieobject_uuid:guid}/audittrail";

    public static IServiceCollection AddAudittrailResource(this IServiceCollection services) => services;

    public static WebApplication MapAudittrailEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(DocumentenService.Component.ApiPath);
        api.MapGet(Path, List).RequireScopes(DocumentenService.Drc, DocumentenScopes.AudittrailsLezen);
        api.MapGet(Path + "/{uuid:guid}", Read).RequireScopes(DocumentenService.Drc, DocumentenScopes.AudittrailsLezen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, Guid enkelvoudiginformatieobject_uuid, ZgwDatabase db, DocumentenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        await EnsureDocumentAsync(ctx, c, enkelvoudiginformatieobject_uuid);
        return Results.Ok(await AuditTrailStore.ListAsync(c, urls.Document(enkelvoudiginformatieobject_uuid)));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid enkelvoudiginformatieobject_uuid, Guid uuid, ZgwDatabase db, DocumentenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        await EnsureDocumentAsync(ctx, c, enkelvoudiginformatieobject_uuid);
        return HttpCaching.JsonWithETag(await AuditTrailStore.GetAsync(c, urls.Document(enkelvoudiginformatieobject_uuid), uuid)
                                        ?? throw ZgwException.NotFound());
    }

    private static async Task EnsureDocumentAsync(HttpContext ctx, NpgsqlConnection c, Guid uuid)
    {
        var document = await DocumentRef.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
        DocumentGuard.EnsureCanRead(ctx, document, DocumentenScopes.AudittrailsLezen);
    }
}
