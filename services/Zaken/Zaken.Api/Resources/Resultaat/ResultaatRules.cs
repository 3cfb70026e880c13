using Zaken.Api.Resources.Common;
using Zgw.Api.Problems;

namespace Zaken.Api.Resources.Resultaat;

/// <summary>The rules of <c>resultaten</c> (zgw-rules Z16–Z20), each with its spec id and Open Zaak code.</summary>
public static class ResultaatRules
{
    /// <summary>zrc-020: the resultaattype belongs to the zaak's zaaktype (Open Zaak <c>zaaktype-mismatch</c>, nonFieldErrors).</summary>
    public static void Zrc020_ResultaattypeHoortBijZaaktype(string resultaattype, Zaaktype zaaktype)
    {
        if (!zaaktype.Resultaattypen.Contains(resultaattype))
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, ZakenCodes.ZaaktypeMismatch,
                "De referentie hoort niet bij het zaaktype van de zaak.");
    }

    /// <summary>Z16–Z20 (Open Zaak): a zaak has at most one resultaat (<c>unique</c> on <c>zaak</c>).</summary>
    public static ZgwException EenResultaatPerZaak() =>
        ZgwException.Validation("zaak", ZakenCodes.Unique, "Resultaat met deze zaak bestaat al.");

    /// <summary>Open Zaak: the zaak of a resultaat cannot change on update (<c>wijzigen-niet-toegelaten</c>).</summary>
    public static void ZaakNietWijzigen(string huidig, string nieuw)
    {
        if (!string.Equals(huidig, nieuw, StringComparison.Ordinal))
            throw ZgwException.Validation("zaak", ZakenCodes.WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.");
    }
}
