using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Besluiten.Api.Resources.Common;

/// <summary>Absolute URLs of our resources under the public base, and the way back from a besluit URL to its uuid.</summary>
public sealed class BesluitenUrls(IOptions<ZgwOptions> zgw)
{
    public const string Besluiten = "besluiten";
    public const string Besluitinformatieobjecten = "besluitinformatieobjecten";

    public string Root { get; } = zgw.Value.PublicApiRoot(BesluitenService.Component);

    /// <summary>The besluit (the hoofdObject of every notification and audit record).</summary>
    public string Besluit(Guid uuid) => Of(Besluiten, uuid);

    /// <summary>A top-level resource: <c>Of("besluitinformatieobjecten", uuid)</c>.</summary>
    public string Of(string collection, Guid uuid) => $"{Root}/{collection}/{uuid}";

    /// <summary>The uuid of <paramref name="url"/> when it is a URL of <paramref name="collection"/> in this API, else null.</summary>
    public Guid? UuidOf(string collection, string? url)
    {
        var prefix = $"{Root}/{collection}/";
        if (url is null || !url.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        return Guid.TryParse(url.AsSpan(prefix.Length).TrimEnd('/'), out var uuid) ? uuid : null;
    }

    /// <summary>The uuid of the besluit a request body names in <paramref name="field"/>; another URL is a 400 <c>bad-url</c>.</summary>
    public Guid RequireBesluitUuid(string field, string url) =>
        UuidOf(Besluiten, url) ?? throw ZgwException.Validation(field, ZgwCodes.BadUrl, "De URL is geen besluit van deze Besluiten API.");
}
