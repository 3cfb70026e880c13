using Documenten.Api.Resources.Common;
using Npgsql;
using Zgw.Api.Http;

namespace Documenten.Api.Resources.Gebruiksrecht;

/// <summary>The rules of gebruiksrechten (zgw-rules D4), each named after its spec id.</summary>
public static class GebruiksrechtRules
{
    /// <summary>Open Zaak / vng-api-common <c>IsImmutableValidator</c>.</summary>
    public const string WijzigenNietToegelaten = "wijzigen-niet-toegelaten";

    /// <summary>
    /// drc-006 (D4): creating a gebruiksrecht MUST set the document's <c>indicatieGebruiksrecht</c> to true. Runs with the
    /// document row locked (<see cref="DocumentRef.LockReferencedAsync"/>), in the transaction of the insert.
    /// </summary>
    public static async Task Drc006_GebruiksrechtZetIndicatieAsync(NpgsqlConnection c, NpgsqlTransaction tx, DocumentRef document)
    {
        if (document.IndicatieGebruiksrecht != true)
            await GebruiksrechtRepository.SetIndicatieAsync(c, tx, document.Id, true);
    }

    /// <summary>
    /// drc-006 (D4): deleting the last gebruiksrecht of a document resets its <c>indicatieGebruiksrecht</c> to null
    /// (OAS <c>gebruiksrechten_destroy</c>). Runs after the delete, with the document row locked.
    /// </summary>
    public static async Task Drc006_LaatsteGebruiksrechtWistIndicatieAsync(NpgsqlConnection c, NpgsqlTransaction tx, DocumentRef document)
    {
        if (!await GebruiksrechtRepository.AnyOfDocumentAsync(c, document.Id, tx))
            await GebruiksrechtRepository.SetIndicatieAsync(c, tx, document.Id, null);
    }

    /// <summary>
    /// <c>informatieobject</c> cannot change on update (Open Zaak: <c>IsImmutableValidator</c>, 400
    /// <c>wijzigen-niet-toegelaten</c>): otherwise the indicatie of two documents would have to move with it.
    /// </summary>
    public static void InformatieobjectOnveranderlijk(GebruiksrechtRow current, GebruiksrechtRequest body, DocumentenUrls urls)
    {
        if (urls.UuidOf(DocumentenUrls.Documenten, body.Informatieobject) != current.DocumentUuid)
            new Validator().Add("informatieobject", WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.").ThrowIfInvalid();
    }
}
