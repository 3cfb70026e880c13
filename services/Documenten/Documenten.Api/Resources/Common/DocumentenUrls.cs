using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.Api.References;
using Zgw.ServiceDefaults;

namespace Documenten.Api.Resources.Common;

/// <summary>Absolute URLs of our resources under the public base, and the way back from a document URL to its uuid.</summary>
public sealed class DocumentenUrls(IOptions<ZgwOptions> zgw) : ApiUrls(zgw.Value.PublicApiRoot(DocumentenService.Component))
{
    public const string Documenten = "enkelvoudiginformatieobjecten";

    /// <summary>The enkelvoudiginformatieobject (the hoofdObject of every notification and audit record).</summary>
    public string Document(Guid uuid) => $"{Root}/{Documenten}/{uuid}";

    /// <summary>The <c>inhoud</c> of a response: the download URL of the document's content (D7).</summary>
    public string Download(Guid uuid) => $"{Document(uuid)}/download";

    /// <summary>The download URL of one version (<c>?versie=N</c>): what <c>inhoud</c> shows for an older version.</summary>
    public string Download(Guid uuid, int versie) => $"{Download(uuid)}?versie={versie}";

    public string Bestandsdeel(Guid uuid) => Of("bestandsdelen", uuid);

    /// <summary>
    /// The uuid of the document a request body points at in <paramref name="field"/> (gebruiksrechten, objectinformatieobject,
    /// verzending); a URL that is not one of our documents is a 400 <c>bad-url</c>.
    /// </summary>
    public Guid RequireDocumentUuid(string field, string url) =>
        UuidOf(Documenten, url) ?? throw ZgwException.Validation(field, ZgwCodes.BadUrl, "De URL is geen enkelvoudiginformatieobject van deze Documenten API.");
}
