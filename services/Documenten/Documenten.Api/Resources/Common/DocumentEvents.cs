using System.Text.Json.Nodes;
using Npgsql;
using Zgw.Data.AuditTrail;
using Zgw.Messaging;
using Zgw.Service;

namespace Documenten.Api.Resources.Common;

/// <summary>
/// What every write of the Documenten API leaves behind, in the write's own transaction: an audit trail record under the
/// document (ZGW G8, with the <c>X-Audit-Toelichting</c> header) and, for the notified resources (enkelvoudiginformatieobject,
/// gebruiksrechten, verzending; not objectinformatieobject, lock or unlock — specs README §4.3), the notification on kanaal
/// <c>documenten</c> with the document as hoofdObject. Both commit with the data or not at all.
/// </summary>
public sealed class DocumentEvents(DocumentenUrls urls, TimeProvider time)
{
    /// <summary>The OAS <c>BronEnum</c> value.</summary>
    public const string Bron = DocumentenService.Drc;

    /// <summary>
    /// Records a write of <paramref name="resource"/> (<c>enkelvoudiginformatieobject</c>, <c>gebruiksrechten</c> ...) at
    /// <paramref name="resourceUrl"/>. <paramref name="oud"/>/<paramref name="nieuw"/> are the representations before and after
    /// (null on create resp. destroy). <paramref name="notify"/> false for actions the kanaal does not announce.
    /// <paramref name="resultaat"/>: the HTTP status of the action when it is not the default of its actie (unlock: 204).
    /// </summary>
    public async Task RecordAsync(NpgsqlConnection c, NpgsqlTransaction tx, HttpContext ctx, DocumentRef document, string resource,
        string resourceUrl, string actie, JsonNode? oud, JsonNode? nieuw, bool notify = true, string? weergave = null, int? resultaat = null)
    {
        var now = time.GetUtcNow();
        await AuditTrailStore.WriteAsync(c, tx, ZgwAudit.Record(ctx, Bron, urls.Document(document.Uuid), resource, resourceUrl, actie, oud, nieuw,
            weergave ?? Weergave(resource, document), now, resultaat));
        if (notify)
            await NotifyAsync(c, tx, document, resource, resourceUrl, actie, now);
    }

    /// <summary>Only the notification (kanaal <c>documenten</c>), for writes whose audit record is written elsewhere (or removed: destroy).</summary>
    public Task NotifyAsync(NpgsqlConnection c, NpgsqlTransaction tx, DocumentRef document, string resource, string resourceUrl, string actie,
        DateTimeOffset? at = null) =>
        NotificatieOutbox.EnqueueAsync(c, tx, new NotificatieMessage(DocumentenKanaal.Naam, urls.Document(document.Uuid), resource, resourceUrl,
            actie, at ?? time.GetUtcNow(), document.Kenmerken));

    private static string Weergave(string resource, DocumentRef document) =>
        resource == "enkelvoudiginformatieobject" ? document.Identificatie : $"{resource} van document {document.Identificatie}";
}
