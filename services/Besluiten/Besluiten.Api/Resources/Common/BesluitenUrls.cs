using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.Api.References;
using Zgw.ServiceDefaults;

namespace Besluiten.Api.Resources.Common;

/// <summary>Absolute URLs of our resources under the public base, and the way back from a besluit URL to its uuid.</summary>
public sealed class BesluitenUrls(IOptions<ZgwOptions> zgw) : ApiUrls(zgw.Value.PublicApiRoot(BesluitenService.Component))
{
    public const string Besluiten = "besluiten";
    public const string Besluitinformatieobjecten = "besluitinformatieobjecten";

    /// <summary>The besluit (the hoofdObject of every notification and audit record).</summary>
    public string Besluit(Guid uuid) => Of(Besluiten, uuid);

    /// <summary>The uuid of the besluit a request body names in <paramref name="field"/>; another URL is a 400 <c>bad-url</c>.</summary>
    public Guid RequireBesluitUuid(string field, string url) =>
        UuidOf(Besluiten, url) ?? throw ZgwException.Validation(field, ZgwCodes.BadUrl, "De URL is geen besluit van deze Besluiten API.");
}
