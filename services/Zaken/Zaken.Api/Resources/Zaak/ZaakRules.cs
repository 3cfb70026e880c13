using Zaken.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Zaken.Api.Resources.Zaak;

/// <summary>The rules of the zaak resource (zgw-rules §Z), each a small function named after its id.</summary>
public static class ZaakRules
{
    /// <summary>zrc-009: a zaak without vertrouwelijkheidaanduiding gets the zaaktype's.</summary>
    public static string Zrc009_Vertrouwelijkheidaanduiding(ZaakRequest r, Zaaktype zaaktype) =>
        string.IsNullOrEmpty(r.Vertrouwelijkheidaanduiding) ? zaaktype.Vertrouwelijkheidaanduiding : r.Vertrouwelijkheidaanduiding;

    /// <summary>
    /// zrc-014: betalingsindicatie <c>nvt</c> with a laatsteBetaaldatum is a 400 (<c>betaling-nvt</c>) when the client
    /// sent both; a PATCH that only switches to <c>nvt</c> clears the date. The date may not lie in the future
    /// (<c>future_not_allowed</c>).
    /// </summary>
    public static DateTimeOffset? Zrc014_Betaling(ZaakRequest r, bool laatsteBetaaldatumSent, DateTimeOffset now, Validator v)
    {
        if (r.Betalingsindicatie == "nvt" && r.LaatsteBetaaldatum is not null)
        {
            if (laatsteBetaaldatumSent)
                v.Add("laatsteBetaaldatum", ZakenCodes.BetalingNvt,
                    "De laatste betaaldatum kan niet gezet worden als de betalingsindicatie \"nvt\" is.");
            return null;
        }
        if (r.LaatsteBetaaldatum > now)
            v.Add("laatsteBetaaldatum", ZakenCodes.FutureNotAllowed, "Deze datum mag niet in de toekomst liggen.");
        return r.LaatsteBetaaldatum;
    }

    /// <summary>zrc-015: productenOfDiensten must all be products/services of the zaaktype (<c>invalid-products-services</c>).</summary>
    public static void Zrc015_ProductenOfDiensten(ZaakRequest r, Zaaktype zaaktype, Validator v)
    {
        var unknown = (r.ProductenOfDiensten ?? []).Where(p => p is not null && !zaaktype.ProductenOfDiensten.Contains(p)).ToList();
        if (unknown.Count > 0)
            v.Add("productenOfDiensten", ZakenCodes.InvalidProductsServices,
                "Niet alle producten/diensten komen voor in de producten/diensten op het zaaktype.");
    }

    /// <summary>Open Zaak: missing einddatumGepland = startdatum + servicenorm, uiterlijkeEinddatumAfdoening = startdatum + doorlooptijd.</summary>
    public static (DateOnly? EinddatumGepland, DateOnly? UiterlijkeEinddatumAfdoening) Zrc015_Termijnen(ZaakRequest r, Zaaktype zaaktype) =>
        (r.EinddatumGepland ?? IsoDuration.AddTo(r.Startdatum!.Value, zaaktype.Servicenorm),
         r.UiterlijkeEinddatumAfdoening ?? IsoDuration.AddTo(r.Startdatum!.Value, zaaktype.Doorlooptijd));

    /// <summary>
    /// zrc-013: the hoofdzaak is one of our zaken, not this zaak itself (<c>self-forbidden</c>), not itself a deelzaak
    /// (<c>deelzaak-als-hoofdzaak</c>), and (Open Zaak) its zaaktype lists this zaaktype as deelzaaktype
    /// (<c>invalid-deelzaaktype</c>).
    /// </summary>
    public static void Zrc013_Hoofdzaak(ZaakRef? hoofdzaak, Guid? self, Zaaktype? hoofdzaaktype, string zaaktype, Validator v)
    {
        if (hoofdzaak is null)
            return;
        if (hoofdzaak.Uuid == self)
            v.Add("hoofdzaak", ZakenCodes.SelfForbidden, "Een zaak mag niet zijn eigen hoofdzaak zijn.");
        else if (hoofdzaak.HoofdzaakId is not null)
            v.Add("hoofdzaak", ZakenCodes.DeelzaakAlsHoofdzaak, "Een deelzaak kan geen hoofdzaak zijn.");
        else if (hoofdzaaktype is not null && !hoofdzaaktype.Deelzaaktypen.Contains(zaaktype))
            v.Add("hoofdzaak", ZakenCodes.InvalidDeelzaaktype,
                "Het zaaktype van de deelzaak komt niet voor in de deelzaaktypen van het zaaktype van de hoofdzaak.");
    }

    /// <summary>zrc-002 / OAS update: identificatie and zaaktype cannot change (<c>wijzigen-niet-toegelaten</c>).</summary>
    public static void Zrc002_OnveranderlijkeVelden(ZaakRequest r, ZaakRef current, Validator v)
    {
        if (r.Identificatie is { Length: > 0 } identificatie && identificatie != current.Identificatie)
            v.Add("identificatie", ZakenCodes.WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.");
        if (r.Zaaktype != current.Zaaktype)
            v.Add("zaaktype", ZakenCodes.WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.");
    }

    /// <summary>
    /// zrc-022: an archiefstatus other than <c>nog_te_archiveren</c> needs archiefnominatie and archiefactiedatum
    /// (Open Zaak <c>archiefnominatie-not-set</c> / <c>archiefactiedatum-not-set</c>) and every related document
    /// <c>gearchiveerd</c> (<c>documents-not-archived</c>; checked by the caller with the documents' statussen).
    /// </summary>
    public static void Zrc022_Archiefstatus(string archiefstatus, string? archiefnominatie, DateOnly? archiefactiedatum,
        IReadOnlyCollection<string> documentStatussen, Validator v)
    {
        if (archiefstatus == "nog_te_archiveren")
            return;
        if (string.IsNullOrEmpty(archiefnominatie))
            v.Add("archiefnominatie", ZakenCodes.ArchiefnominatieNotSet,
                "Moet van een waarde voorzien zijn als de 'Archiefstatus' een waarde heeft anders dan 'nog_te_archiveren'.");
        if (archiefactiedatum is null)
            v.Add("archiefactiedatum", ZakenCodes.ArchiefactiedatumNotSet,
                "Moet van een waarde voorzien zijn als de 'Archiefstatus' een waarde heeft anders dan 'nog_te_archiveren'.");
        if (documentStatussen.Any(s => s != "gearchiveerd"))
            v.Add("archiefstatus", ZakenCodes.DocumentsNotArchived,
                "Er zijn gerelateerde informatieobjecten waarvan de `status` nog niet gelijk is aan `gearchiveerd`.");
    }

    /// <summary>Registratiedatum defaults to today and may not lie in the future (Open Zaak).</summary>
    public static DateOnly Registratiedatum(ZaakRequest r, DateOnly today, Validator v)
    {
        var datum = r.Registratiedatum ?? today;
        if (datum > today)
            v.Add("registratiedatum", ZakenCodes.DateInFuture, "Deze datum mag niet in de toekomst liggen.");
        return datum;
    }

    public static ZgwException Zrc002_IdentificatieNietUniek() =>
        ZgwException.Validation("identificatie", ZakenCodes.IdentificatieNietUniek,
            "Deze identificatie bestaat al voor deze bronorganisatie.");
}
