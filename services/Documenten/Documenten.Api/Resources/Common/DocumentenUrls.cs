using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Documenten.Api.Resources.Common;

/// <summary>Absolute URLs of our resources under the public base, and the way back from a document URL to its uuid.</summary>
public sealed class DocumentenUrls(IOptions<ZgwOptions> zgw)
{
    public const string Documenten = "enkelvoudiginformatieobjecten";

    public string Root { get; } = zgw.Value.PublicApiRoot(DocumentenService.Component);

    /// <summary>The enkelvoudiginformatieobject (the hoofdObject of every notification and audit record).</summary>
    public string Document(Guid uuid) => $"{Root}/{Documenten}/{uuid}";

    /// <summary>The <c>inhoud</c> of a response: the download URL of the document's content (D7).</summary>
    public string Download(Guid uuid) => $"{Document(uuid)}/download";

    /// <summary>The download URL of one version (<c>?versie=N</c>): what <c>inhoud</c> shows for an older version.</summary>
    public string Download(Guid uuid, int versie) => $"{Download(uuid)}?versie={versie}";

    public string Bestandsdeel(Guid uuid) => Of("bestandsdelen", uuid);

    /// <summary>A top-level resource: <c>Of("gebruiksrechten", uuid)</c>.</summary>
    public string Of(string collection, Guid uuid) => $"{Root}/{collection}/{uuid}";

    /// <summary>The uuid of <paramref name="url"/> when it is a URL of <paramref name="collection"/> in this API, else null.</summary>
    public Guid? UuidOf(string collection, string? url)
    {
        var prefix = $"{Root}/{collection}/";
        if (url is null || !url.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        return Guid.TryParse(url.AsSpan(prefix.Length).TrimEnd('/'), out var uuid) ? uuid : null;
    }

    /// <summary>
    /// The uuid of the document a request body points at in <paramref name="field"/> (gebruiksrechten, objectinformatieobject,
    /// verzending); a URL that is not one of our documents is a 400 <c>bad-url</c>.
    /// </summary>
    public Guid RequireDocumentUuid(string field, string url) =>
        UuidOf(Documenten, url) ?? throw ZgwException.Validation(field, ZgwCodes.BadUrl, "De URL is geen enkelvoudiginformatieobject van deze Documenten API.");
}
