using Besluiten.Api.Resources.Common;
using Npgsql;
using Zgw.Api.Problems;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluitinformatieobject;

/// <summary>The rules of besluitinformatieobjecten (zgw-rules B4, B5, B8).</summary>
public static class BesluitinformatieobjectRules
{
    /// <summary>brc-005: the mirror needs the Documenten API root, derived from an enkelvoudiginformatieobject URL.</summary>
    public static void Brc005_IsEnkelvoudigInformatieobject(string informatieobject)
    {
        if (ObjectinformatieobjectClient.RootOf(informatieobject) is null)
            throw ZgwException.Validation("informatieobject", ZgwCodes.InvalidResource,
                "De URL verwijst niet naar een enkelvoudiginformatieobject van een Documenten API.");
    }

    /// <summary>brc-008: the document's informatieobjecttype must be one of the besluittype's informatieobjecttypen.</summary>
    public static void Brc008_InformatieobjecttypeHoortBijBesluittype(string informatieobjecttype, Besluittype besluittype)
    {
        if (!besluittype.Informatieobjecttypen.Contains(informatieobjecttype))
            throw ZgwException.Validation("nonFieldErrors", BesluitenCodes.MissingBesluittypeInformatieobjecttypeRelation,
                "Het informatieobjecttype van het informatieobject hoort niet bij het besluittype van het besluit.");
    }

    /// <summary>brc-003/004 (OAS): the combination besluit + informatieobject is unique (Open Zaak <c>unique</c>).</summary>
    public static async Task Brc004_UniekPerBesluitAsync(NpgsqlConnection c, NpgsqlTransaction tx, long besluitId, string informatieobject)
    {
        if (await BesluitinformatieobjectRepository.ExistsAsync(c, tx, besluitId, informatieobject))
            throw NotUnique();
    }

    public static ZgwException NotUnique() =>
        ZgwException.Validation("nonFieldErrors", BesluitenCodes.Unique, "De velden informatieobject, besluit moeten een unieke set zijn.");

    /// <summary>brc-005 (Open Zaak): the mirror in the Documenten API could not be made or removed.</summary>
    public static ZgwException PendingRelations(string reason) =>
        ZgwException.Validation("informatieobject", BesluitenCodes.PendingRelations,
            $"De relatie in de Documenten API kon niet worden bijgewerkt: {reason}");
}
