using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Zgw.Data.AuditTrail;
using Zgw.Messaging;
using Zgw.Service;

namespace Zaken.Api.Resources.Common;

/// <summary>
/// What every write of the Zaken API leaves behind, in the write's own transaction: an audit trail record under the
/// zaak (ZGW G8, with the <c>X-Audit-Toelichting</c> header) and, for the actions the spec lists (README §4.1), the
/// notification on kanaal <c>zaken</c> with the zaak as hoofdObject (Z29). Both commit with the data or not at all.
/// </summary>
public sealed class ZaakEvents(ZakenUrls urls, TimeProvider time)
{
    /// <summary>The OAS <c>BronEnum</c> value (lower case; Open Zaak writes "ZRC", which the enum does not allow).</summary>
    public const string Bron = "zrc";

    /// <summary>
    /// Records a write of <paramref name="resource"/> (<c>zaak</c>, <c>status</c> ...) at <paramref name="resourceUrl"/>.
    /// <paramref name="oud"/>/<paramref name="nieuw"/> are the representations before and after (null on create/destroy).
    /// <paramref name="notify"/> false for actions the spec does not announce.
    /// </summary>
    public async Task RecordAsync(NpgsqlConnection c, NpgsqlTransaction tx, HttpContext ctx, ZaakRef zaak, string resource,
        string resourceUrl, string actie, JsonNode? oud, JsonNode? nieuw, bool notify = true, string? weergave = null)
    {
        var zaakUrl = urls.Zaak(zaak.Uuid);
        var now = time.GetUtcNow();
        await AuditTrailStore.WriteAsync(c, tx, ZgwAudit.Record(ctx, Bron, zaakUrl, resource, resourceUrl, actie, oud, nieuw,
            weergave ?? Weergave(resource, zaak), now));
        if (notify)
            await NotifyAsync(c, tx, zaak, resource, resourceUrl, actie, now);
    }

    /// <summary>Only the notification (kanaal <c>zaken</c>), for writes whose audit record is written elsewhere.</summary>
    public Task NotifyAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak, string resource, string resourceUrl, string actie,
        DateTimeOffset? at = null) =>
        NotificatieOutbox.EnqueueAsync(c, tx, new NotificatieMessage(ZakenKanaal.Naam, urls.Zaak(zaak.Uuid), resource, resourceUrl, actie,
            at ?? time.GetUtcNow(), zaak.Kenmerken));


    private static string Weergave(string resource, ZaakRef zaak) =>
        resource == "zaak" ? zaak.Identificatie : $"{resource} van zaak {zaak.Identificatie}";
}
