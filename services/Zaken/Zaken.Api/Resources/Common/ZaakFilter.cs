using Microsoft.AspNetCore.Http;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Status;
using Zgw.Api.Auth;
using Zgw.Api.Query;

namespace Zaken.Api.Resources.Common;

/// <summary>
/// The list query of a resource that belongs to a zaak: its declared filters, the <c>zaak</c> filter
/// (<see cref="ZaakUrlFilter"/>: matched on the zaak's uuid, a URL that is not one of our zaken matches nothing) and the
/// autorisatie filter on the joined zaak (alias <c>z</c>), so counts and pages only see allowed rows (A8).
/// </summary>
public static class ZaakFilter
{
    public const string Parameter = ZaakUrlFilter.Parameter;

    /// <summary>Parses the query of a list; <paramref name="filters"/> must <c>Allow("zaak")</c>.</summary>
    public static SqlWhere Parse(HttpContext ctx, FilterSet filters, ZakenUrls urls)
    {
        var where = ZaakUrlFilter.Parse(filters, ctx.Request.Query, urls);
        ZaakGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller(), "z");
        return where;
    }
}
