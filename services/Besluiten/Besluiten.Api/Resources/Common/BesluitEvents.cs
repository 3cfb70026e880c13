using System.Text.Json.Nodes;
using Npgsql;
using Zgw.Data.AuditTrail;
using Zgw.Messaging;
using Zgw.Service;

namespace Besluiten.Api.Resources.Common;

/// <summary>
/// What every write of the Besluiten API leaves behind, in the write's own transaction: an audit trail record under the
/// besluit (ZGW G8, with the <c>X-Audit-Toelichting</c> header) and the notification on kanaal <c>besluiten</c> with the
/// besluit as hoofdObject (besluit create/update/partial_update/destroy, besluitinformatieobject create/destroy — specs
/// README §4.4). Both commit with the data or not at all.
/// </summary>
public sealed class BesluitEvents(BesluitenUrls urls, TimeProvider time)
{
    /// <summary>The OAS <c>BronEnum</c> value.</summary>
    public const string Bron = BesluitenService.Brc;

    /// <summary>
    /// Records a write of <paramref name="resource"/> (<c>besluit</c>, <c>besluitinformatieobject</c>) at
    /// <paramref name="resourceUrl"/>; <paramref name="oud"/>/<paramref name="nieuw"/> are the representations before and
    /// after (null on create resp. destroy).
    /// </summary>
    public async Task RecordAsync(NpgsqlConnection c, NpgsqlTransaction tx, HttpContext ctx, BesluitRef besluit, string resource,
        string resourceUrl, string actie, JsonNode? oud, JsonNode? nieuw, bool notify = true)
    {
        var now = time.GetUtcNow();
        await AuditTrailStore.WriteAsync(c, tx, ZgwAudit.Record(ctx, Bron, urls.Besluit(besluit.Uuid), resource, resourceUrl, actie, oud, nieuw,
            resource == "besluit" ? besluit.Identificatie : $"{resource} van besluit {besluit.Identificatie}", now));
        if (notify)
            await NotifyAsync(c, tx, besluit, resource, resourceUrl, actie, now);
    }

    /// <summary>Only the notification (kanaal <c>besluiten</c>), e.g. for the destroy of a besluit whose audit trail goes with it.</summary>
    public Task NotifyAsync(NpgsqlConnection c, NpgsqlTransaction tx, BesluitRef besluit, string resource, string resourceUrl, string actie,
        DateTimeOffset? at = null) =>
        NotificatieOutbox.EnqueueAsync(c, tx, new NotificatieMessage(BesluitenKanaal.Naam, urls.Besluit(besluit.Uuid), resource, resourceUrl,
            actie, at ?? time.GetUtcNow(), besluit.Kenmerken));
}
