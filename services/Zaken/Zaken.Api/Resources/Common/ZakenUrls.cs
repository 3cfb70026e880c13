using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.Api.References;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Common;

/// <summary>Absolute URLs of our resources under the public base, and the way back from a zaak URL to its uuid.</summary>
public sealed class ZakenUrls(IOptions<ZgwOptions> zgw) : ApiUrls(zgw.Value.PublicApiRoot(ZakenService.Component))
{
    public string Zaak(Guid uuid) => $"{Root}/zaken/{uuid}";

    /// <summary>A resource nested under its zaak: <c>Nested(zaak, "zaakeigenschappen", uuid)</c>.</summary>
    public string Nested(Guid zaak, string collection, Guid uuid) => $"{Root}/zaken/{zaak}/{collection}/{uuid}";

    public string? OfOptional(string collection, Guid? uuid) => uuid is { } u ? Of(collection, u) : null;

    /// <summary>
    /// The uuid of the zaak a request body points at in <paramref name="field"/>; a URL that is not one of our zaken
    /// is a 400 <c>bad-url</c> (a sub-resource's zaak lives in this API).
    /// </summary>
    public Guid RequireZaakUuid(string field, string url) =>
        UuidOf("zaken", url) ?? throw ZgwException.Validation(field, ZgwCodes.BadUrl, "De URL is geen zaak van deze Zaken API.");
}
