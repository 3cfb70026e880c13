using Zgw.Api.References;
using System.Text.Json;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Service.Mirrors;

namespace Zaken.Api.Resources.Zaakinformatieobject;

/// <summary>The rules of zaakinformatieobjecten (zgw-rules Z3, Z4, Z16–Z20).</summary>
public static class ZaakinformatieobjectRules
{
    public static readonly string[] DocumentProperties = ["url", "informatieobjecttype"];

    /// <summary>zrc-005: the mirror needs the Documenten API root, derived from an enkelvoudiginformatieobject URL.</summary>
    public static void Zrc005_IsEnkelvoudigInformatieobject(string informatieobject)
    {
        if (ObjectinformatieobjectClient.RootOf(informatieobject) is null)
            throw ZgwException.Validation("informatieobject", ZgwCodes.InvalidResource,
                "De URL verwijst niet naar een enkelvoudiginformatieobject van een Documenten API.");
    }

    /// <summary>zrc-017: the document's informatieobjecttype must be one of the zaaktype's informatieobjecttypen.</summary>
    public static void Zrc017_InformatieobjecttypeHoortBijZaaktype(JsonElement document, Zaaktype zaaktype)
    {
        var iot = JsonFields.Text(document, "informatieobjecttype");
        if (iot is null || !zaaktype.Informatieobjecttypen.Contains(iot))
            throw ZgwException.Validation("nonFieldErrors", ZakenCodes.MissingZaaktypeInformatieobjecttypeRelation,
                "Het informatieobjecttype hoort niet bij het zaaktype van de zaak.");
    }

    /// <summary>zrc-003/004 (Open Zaak): <c>zaak</c> and <c>informatieobject</c> cannot change on update.</summary>
    public static void Zrc004_ZaakEnInformatieobjectOnveranderlijk(ZaakinformatieobjectRow current, ZaakinformatieobjectRequest body, ZakenUrls urls)
    {
        var v = new Validator();
        if (body.Zaak != urls.Zaak(current.ZaakUuid))
            v.Add("zaak", ZakenCodes.WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.");
        if (body.Informatieobject != current.Informatieobject)
            v.Add("informatieobject", ZakenCodes.WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.");
        v.ThrowIfInvalid();
    }

    /// <summary>OAS: the combination zaak + informatieobject is unique (Open Zaak <c>unique</c>).</summary>
    public static async Task UniekPerZaakAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaakId, string informatieobject)
    {
        if (await ZaakinformatieobjectRepository.ExistsAsync(c, tx, zaakId, informatieobject))
            throw NotUnique();
    }

    public static ZgwException NotUnique() =>
        ZgwException.Validation("nonFieldErrors", ZakenCodes.Unique, "De velden zaak, informatieobject moeten een unieke set zijn.");

    /// <summary>OAS: <c>status</c> is a STATUS of the same zaak.</summary>
    public static async Task StatusVanDezeZaakAsync(NpgsqlConnection c, NpgsqlTransaction? tx, ZakenUrls urls, string? status, long zaakId)
    {
        if (string.IsNullOrEmpty(status))
            return;
        var uuid = urls.UuidOf("statussen", status)
                   ?? throw ZgwException.Validation("status", ZgwCodes.BadUrl, "De URL is geen status van deze Zaken API.");
        var statusZaak = await ZaakinformatieobjectRepository.ZaakOfStatusAsync(c, tx, uuid)
                         ?? throw ZgwException.Validation("status", ZakenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
        if (statusZaak != zaakId)
            throw ZgwException.Validation("status", ZakenCodes.ZaakMismatch, "De status hoort niet bij de zaak van dit zaakinformatieobject.");
    }

    /// <summary>zrc-005 (Open Zaak): the mirror in the Documenten API could not be made or removed.</summary>
    public static ZgwException PendingRelations(string reason) =>
        ZgwException.Validation("informatieobject", ZakenCodes.PendingRelations,
            $"De relatie in de Documenten API kon niet worden bijgewerkt: {reason}");
}
