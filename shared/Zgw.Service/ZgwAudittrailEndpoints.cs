using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zgw.Service;

/// <summary>
/// The audit trail of a hoofdobject (ZGW G8): <c>{hoofdobject}/audittrail</c>, oldest first and unpaginated, and
/// <c>{hoofdobject}/audittrail/{uuid}</c>, both with scope <c>audittrails.lezen</c>. The service says where its
/// hoofdobjecten live (a zaak, a document, a besluit) and checks that the caller may read the one asked for.
/// </summary>
public static class ZgwAudittrailEndpoints
{
    public const string Scope = "audittrails.lezen";

    /// <summary>
    /// Maps the two reads under <c>/{collection}/{uuidName}</c> (e.g. <c>/zaken/{zaak_uuid}</c>) for <paramref name="component"/>
    /// (zrc, drc, brc). <paramref name="ensureCanRead"/> finds the hoofdobject with that uuid, throws 404 or 403 when the
    /// caller may not read its trail, and returns its URL. <paramref name="etag"/>: whether the detail carries an ETag (the
    /// Zaken and Documenten services send one, the Besluiten service does not).
    /// </summary>
    public static IEndpointRouteBuilder MapAudittrail(this IEndpointRouteBuilder api, string collection, string uuidName, string component,
        Func<HttpContext, NpgsqlConnection, Guid, Task<string>> ensureCanRead, bool etag = true)
    {
        var path = $"/{collection}/{{{uuidName}:guid}}/audittrail";
        api.MapGet(path, async (HttpContext ctx, ZgwDatabase db) =>
        {
            FilterSet.None.Parse(ctx.Request.Query);
            await using var c = await db.OpenAsync(ctx.RequestAborted);
            var url = await ensureCanRead(ctx, c, HoofdObjectUuid(ctx, uuidName));
            return Results.Ok(await AuditTrailStore.ListAsync(c, url));
        }).RequireScopes(component, Scope);
        api.MapGet(path + "/{uuid:guid}", async (HttpContext ctx, Guid uuid, ZgwDatabase db) =>
        {
            FilterSet.None.Parse(ctx.Request.Query);
            await using var c = await db.OpenAsync(ctx.RequestAborted);
            var url = await ensureCanRead(ctx, c, HoofdObjectUuid(ctx, uuidName));
            var record = await AuditTrailStore.GetAsync(c, url, uuid) ?? throw ZgwException.NotFound();
            return etag ? HttpCaching.JsonWithETag(record) : Results.Ok(record);
        }).RequireScopes(component, Scope);
        return api;
    }

    private static Guid HoofdObjectUuid(HttpContext ctx, string uuidName) => Guid.Parse((string)ctx.Request.RouteValues[uuidName]!);
}
