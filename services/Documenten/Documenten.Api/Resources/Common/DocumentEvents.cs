using System.Text.Json.Nodes;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Data.AuditTrail;
using Zgw.Messaging;

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
    public const string ToelichtingHeader = "X-Audit-Toelichting";

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
        var caller = ctx.FindZgwCaller();
        await AuditTrailStore.WriteAsync(c, tx, new AuditTrailRecord
        {
            Bron = Bron,
            ApplicatieId = caller?.ClientId ?? "",
            ApplicatieWeergave = caller?.Applicatie.Label ?? "",
            GebruikersId = caller?.UserId ?? "",
            GebruikersWeergave = caller?.UserRepresentation ?? "",
            Actie = actie,
            Resultaat = resultaat ?? (actie == AuditActie.Create ? 201 : actie == AuditActie.Destroy ? 204 : 200),
            HoofdObject = urls.Document(document.Uuid),
            Resource = resource,
            ResourceUrl = resourceUrl,
            Toelichting = Toelichting(ctx),
            ResourceWeergave = weergave ?? Weergave(resource, document),
            Aanmaakdatum = now,
            Wijzigingen = new AuditTrailWijzigingen(oud?.DeepClone(), nieuw?.DeepClone()),
        });
        if (notify)
            await NotifyAsync(c, tx, document, resource, resourceUrl, actie, now);
    }

    /// <summary>Only the notification (kanaal <c>documenten</c>), for writes whose audit record is written elsewhere (or removed: destroy).</summary>
    public Task NotifyAsync(NpgsqlConnection c, NpgsqlTransaction tx, DocumentRef document, string resource, string resourceUrl, string actie,
        DateTimeOffset? at = null) =>
        NotificatieOutbox.EnqueueAsync(c, tx, new NotificatieMessage(DocumentenKanaal.Naam, urls.Document(document.Uuid), resource, resourceUrl,
            actie, at ?? time.GetUtcNow(), document.Kenmerken));

    /// <summary>The <c>X-Audit-Toelichting</c> header, cut to at most 1000 characters.</summary>
    public static string Toelichting(HttpContext ctx)
    {
        var value = ctx.Request.Headers[ToelichtingHeader].ToString();
        return value.Length > 1000 ? value[..1000] : value;
    }

    private static string Weergave(string resource, DocumentRef document) =>
        resource == "enkelvoudiginformatieobject" ? document.Identificatie : $"{resource} van document {document.Identificatie}";
}
