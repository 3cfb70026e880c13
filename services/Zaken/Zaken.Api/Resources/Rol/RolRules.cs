using System.Text.Json.Nodes;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Zaken.Api.Resources.Rol;

/// <summary>The rules of ROL (zgw-rules Z26, zrc-019), each with the code the reference implementation answers.</summary>
public static class RolRules
{
    /// <summary>The generic omschrijvingen of which a zaak has at most one rol (Open Zaak <c>RolOccurenceValidator</c>).</summary>
    public static readonly string[] HoogstensEen = ["initiator", "zaakcoordinator"];

    /// <summary>
    /// Z26: a rol names its betrokkene by URL (<c>betrokkene</c>) or by <c>betrokkeneIdentificatie</c>; neither →
    /// <c>nonFieldErrors</c> <c>invalid-betrokkene</c>.
    /// </summary>
    public static void InvalidBetrokkene_BetrokkeneOfIdentificatie(RolRequest r, Validator v)
    {
        var heeftIdentificatie = r.BetrokkeneIdentificatie is JsonObject { Count: > 0 };
        if (string.IsNullOrEmpty(r.Betrokkene) && !heeftIdentificatie)
            v.Add(InvalidParam.NonFieldErrors, "invalid-betrokkene", "betrokkene or betrokkeneIdentificatie must be provided");
    }

    /// <summary>zrc-019: <c>rol.roltype</c> must be one of the roltypen of the zaak's zaaktype (<c>zaaktype-mismatch</c>).</summary>
    public static void Zrc019_RoltypeHoortBijZaaktype(Zaaktype zaaktype, Roltype roltype)
    {
        if (!zaaktype.Roltypen.Contains(roltype.Url))
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, ZakenCodes.ZaaktypeMismatch,
                "De referentie hoort niet bij het zaaktype van de zaak.");
    }

    /// <summary>
    /// Z26 (Open Zaak): at most one <c>initiator</c> and one <c>zaakcoordinator</c> rol per zaak; another one →
    /// <c>roltype</c> <c>max-occurences</c> (spelled so).
    /// </summary>
    public static void MaxOccurences_EenInitiatorEnZaakcoordinator(Roltype roltype, int bestaande)
    {
        if (HoogstensEen.Contains(roltype.OmschrijvingGeneriek) && bestaande >= 1)
            throw ZgwException.Validation("roltype", ZakenCodes.MaxOccurences,
                $"There are already {bestaande} `{roltype.OmschrijvingGeneriek}` occurences");
    }
}
