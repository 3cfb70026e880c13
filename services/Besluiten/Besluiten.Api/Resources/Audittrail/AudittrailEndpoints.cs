using Besluiten.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Problems;
using Zgw.Service;

namespace Besluiten.Api.Resources.Audittrail;

/// <summary>
/// <c>/besluiten/{besluit_uuid}/audittrail</c> (ZGW G8, <see cref="ZgwAudittrailEndpoints"/>): the audit trail of a besluit and
/// its besluitinformatieobjecten, oldest first, unpaginated; scope <c>audittrails.lezen</c> for the besluit's besluittype.
/// The detail has no ETag here.
/// </summary>
public static class AudittrailEndpoints
{
    public static IServiceCollection AddAudittrailResource(this IServiceCollection services) => services;

    public static WebApplication MapAudittrailEndpoints(this WebApplication app)
    {
        var urls = app.Services.GetRequiredService<BesluitenUrls>();
        app.MapZgwApi(BesluitenService.Component.ApiPath).MapAudittrail(BesluitenUrls.Besluiten, "besluit_uuid", BesluitenService.Brc,
            async (ctx, c, uuid) =>
            {
                var besluit = await BesluitRef.FindDoneAsync(c, uuid) ?? throw ZgwException.NotFound();
                BesluitGuard.EnsureCanRead(ctx, besluit, BesluitenScopes.AudittrailsLezen);
                return urls.Besluit(uuid);
            }, etag: false);
        return app;
    }
}
