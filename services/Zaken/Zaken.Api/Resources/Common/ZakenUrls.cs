using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Common;

/// <summary>Absolute URLs of our resources under the public base, and the way back from a zaak URL to its uuid.</summary>
public sealed class ZakenUrls(IOptions<ZgwOptions> zgw)
{
    public string Root { get; } = zgw.Value.PublicApiRoot(ZakenService.Component);

    public string Zaak(Guid uuid) => $"{Root}/zaken/{uuid}";

    /// <summary>A top-level resource: <c>Of("statussen", uuid)</c>.</summary>
    public string Of(string collection, Guid uuid) => $"{Root}/{collection}/{uuid}";

    /// <summary>A resource nested under its zaak: <c>Nested(zaak, "zaakeigenschappen", uuid)</c>.</summary>
    public string Nested(Guid zaak, string collection, Guid uuid) => $"{Root}/zaken/{zaak}/{collection}/{uuid}";

    public string? OfOptional(string collection, Guid? uuid) => uuid is { } u ? Of(collection, u) : null;

    /// <summary>The uuid of <paramref name="url"/> when it is a URL of <paramref name="collection"/> in this API, else null.</summary>
    public Guid? UuidOf(string collection, string? url)
    {
        var prefix = $"{Root}/{collection}/";
        if (url is null || !url.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        return Guid.TryParse(url.AsSpan(prefix.Length).TrimEnd('/'), out var uuid) ? uuid : null;
    }

    /// <summary>
    /// The uuid of the zaak a request body points at in <paramref name="field"/>; a URL that is not one of our zaken
    /// is a 400 <c>bad-url</c> (a sub-resource's zaak lives in this API).
    /// </summary>
    public Guid RequireZaakUuid(string field, string url) =>
        UuidOf("zaken", url) ?? throw ZgwException.Validation(field, ZgwCodes.BadUrl, "De URL is geen zaak van deze Zaken API.");
}
