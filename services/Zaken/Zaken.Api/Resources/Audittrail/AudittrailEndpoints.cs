namespace Zaken.Api.Resources.Audittrail;

/// <summary>Placeholder until the resource lands (replaced by its real endpoints).</summary>
public static class AudittrailEndpoints
{
    public static IServiceCollection AddAudittrailResource(this IServiceCollection services) => services;

    public static WebApplication MapAudittrailEndpoints(this WebApplication app) => app;
}
