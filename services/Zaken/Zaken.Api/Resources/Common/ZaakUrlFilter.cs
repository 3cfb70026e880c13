using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Zaken.Api.Resources.Common;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Zaken.Api.Resources.Common;

/// <summary>
/// The <c>zaak</c> filter of the sub-resource lists: the URL is turned into the zaak's uuid (indexed) before the query
/// instead of comparing built URLs row by row. A URL that is not one of our zaken matches nothing.
/// </summary>
public static class ZaakUrlFilter
{
    public const string Parameter = "zaak";

    /// <summary>Parses <paramref name="query"/> with <paramref name="filters"/> (which must <c>Allow("zaak")</c>) and adds the zaak filter on <c>z.uuid</c>.</summary>
    public static SqlWhere Parse(FilterSet filters, IQueryCollection query, ZakenUrls urls)
    {
        var where = filters.Parse(query);
        if (!query.TryGetValue(Parameter, out StringValues values) || values.Count == 0)
            return where;
        var raw = values[^1] ?? "";
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw ZgwException.Validation(Parameter, ZgwCodes.Invalid, "Voer een geldige URL in.");
        if (urls.UuidOf("zaken", raw) is { } uuid)
            where.Add(p => $"z.uuid = {p}", uuid);
        else
            where.AddRaw("FALSE");
        return where;
    }
}
