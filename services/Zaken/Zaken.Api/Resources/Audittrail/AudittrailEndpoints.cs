using Zaken.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Problems;
using Zgw.Service;

namespace Zaken.Api.Resources.Audittrail;

/// <summary>
/// <c>/zaken/{zaak_uuid}/audittrail</c> (ZGW G8, <see cref="ZgwAudittrailEndpoints"/>): the audit trail of a zaak and its
/// related resources, oldest first, unpaginated; scope <c>audittrails.lezen</c> for the zaak's zaaktype and vertrouwelijkheid.
/// </summary>
public static class AudittrailEndpoints
{
    public static IServiceCollection AddAudittrailResource(this IServiceCollection services) => services;

    public static WebApplication MapAudittrailEndpoints(this WebApplication app)
    {
        var urls = app.Services.GetRequiredService<ZakenUrls>();
        app.MapZgwApi(ZakenService.Component.ApiPath).MapAudittrail("zaken", "zaak_uuid", ZakenService.Zrc, async (ctx, c, uuid) =>
        {
            var zaak = await ZaakRef.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanRead(ctx, zaak, ZakenScopes.AudittrailsLezen);
            return urls.Zaak(uuid);
        });
        return app;
    }
}
