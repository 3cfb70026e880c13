using Documenten.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Problems;
using Zgw.Service;

namespace Documenten.Api.Resources.Audittrail;

/// <summary>
/// <c>/enkelvoudiginformatieobjecten/{uuid}/audittrail</c> (ZGW G8, <see cref="ZgwAudittrailEndpoints"/>): the audit trail of a
/// document and its related resources, oldest first, unpaginated; scope <c>audittrails.lezen</c> for the document's
/// informatieobjecttype and vertrouwelijkheid.
/// </summary>
public static class AudittrailEndpoints
{
    public static IServiceCollection AddAudittrailResource(this IServiceCollection services) => services;

    public static WebApplication MapAudittrailEndpoints(this WebApplication app)
    {
        var urls = app.Services.GetRequiredService<DocumentenUrls>();
        app.MapZgwApi(DocumentenService.Component.ApiPath).MapAudittrail(DocumentenUrls.Documenten, "enkelvoudiginformatieobject_uuid",
            DocumentenService.Drc, async (ctx, c, uuid) =>
            {
                var document = await DocumentRef.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
                DocumentGuard.EnsureCanRead(ctx, document, DocumentenScopes.AudittrailsLezen);
                return urls.Document(uuid);
            });
        return app;
    }
}
