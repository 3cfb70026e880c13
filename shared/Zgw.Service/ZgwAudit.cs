using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Zgw.Api.Auth;
using Zgw.Data.AuditTrail;

namespace Zgw.Service;

/// <summary>
/// The audit trail record of a write (ZGW G8) from the request that made it: who (the caller's client and user), the
/// <c>X-Audit-Toelichting</c> header, and the HTTP result of the actie. Each component adds its bron, hoofdObject and
/// weergave, and writes it with <see cref="AuditTrailStore"/> in the write's own transaction.
/// </summary>
public static class ZgwAudit
{
    public const string ToelichtingHeader = "X-Audit-Toelichting";

    /// <summary>The <c>X-Audit-Toelichting</c> header, cut to at most 1000 characters (free text).</summary>
    public static string Toelichting(HttpContext ctx)
    {
        var value = ctx.Request.Headers[ToelichtingHeader].ToString();
        return value.Length > 1000 ? value[..1000] : value;
    }

    /// <param name="oud">The representation before the write (null on create).</param>
    /// <param name="nieuw">The representation after the write (null on destroy).</param>
    /// <param name="resultaat">The HTTP status when it is not the default of the actie (201 create, 204 destroy, else 200).</param>
    public static AuditTrailRecord Record(HttpContext ctx, string bron, string hoofdObject, string resource, string resourceUrl,
        string actie, JsonNode? oud, JsonNode? nieuw, string weergave, DateTimeOffset at, int? resultaat = null)
    {
        var caller = ctx.FindZgwCaller();
        return new AuditTrailRecord
        {
            Bron = bron,
            ApplicatieId = caller?.ClientId ?? "",
            ApplicatieWeergave = caller?.Applicatie.Label ?? "",
            GebruikersId = caller?.UserId ?? "",
            GebruikersWeergave = caller?.UserRepresentation ?? "",
            Actie = actie,
            Resultaat = resultaat ?? (actie == AuditActie.Create ? 201 : actie == AuditActie.Destroy ? 204 : 200),
            HoofdObject = hoofdObject,
            Resource = resource,
            ResourceUrl = resourceUrl,
            Toelichting = Toelichting(ctx),
            ResourceWeergave = weergave,
            Aanmaakdatum = at,
            Wijzigingen = new AuditTrailWijzigingen(oud?.DeepClone(), nieuw?.DeepClone()),
        };
    }
}
