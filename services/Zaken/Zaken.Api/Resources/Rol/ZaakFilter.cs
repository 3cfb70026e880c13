using Microsoft.AspNetCore.Http;
using Zaken.Api.Resources.Common;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Zaken.Api.Resources.Rol;

/// <summary>
/// The list query of a resource that belongs to a zaak: its declared filters, the <c>zaak</c> filter (a zaak URL of
/// this API, matched on the zaak's uuid so the unique index applies; a URL that is not one of our zaken matches
/// nothing) and the autorisatie filter on the joined zaak (alias <c>z</c>), so counts and pages only see allowed rows.
/// </summary>
public static class ZaakFilter
{
    public const string Parameter = "zaak";

    /// <summary>Parses the query of a list; <paramref name="filters"/> must <c>Allow("zaak")</c>.</summary>
    public static SqlWhere Parse(HttpContext ctx, FilterSet filters, ZakenUrls urls)
    {
        var query = ctx.Request.Query;
        var where = filters.Parse(query);
        if (query.TryGetValue(Parameter, out var values) && values.Count > 0)
        {
            var raw = values[^1] ?? "";
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw ZgwException.Validation(Parameter, ZgwCodes.Invalid, "Voer een geldige URL in.");
            if (urls.UuidOf("zaken", raw) is { } uuid)
                where.Add(p => $"z.uuid = {p}", uuid);
            else
                where.AddRaw("FALSE");
        }
        ZaakGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller(), "z");
        return where;
    }
}
