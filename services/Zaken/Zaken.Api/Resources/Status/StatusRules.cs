using Zaken.Api.Resources.Common;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Zaken.Api.Resources.Status;

/// <summary>The rules of <c>POST /statussen</c> (zgw-rules Z5, Z7, Z8, Z16), each with its spec id and Open Zaak code.</summary>
public static class StatusRules
{
    /// <summary>
    /// Z8: with only <c>zaken.aanmaken</c> a status may be set while the zaak has none; <c>zaken.statussen.toevoegen</c> (or
    /// <c>zaken.heropenen</c>) adds statussen to an open zaak; any status on a closed zaak needs <c>zaken.heropenen</c> (Z7).
    /// Each scope counts only for the zaak's zaaktype and vertrouwelijkheid (A8). Otherwise 403.
    /// </summary>
    public static void Z8_StatusScope(ZgwCaller caller, ZaakRef zaak, bool heeftStatus)
    {
        bool Has(string scope) => ZaakGuard.Allows(caller, scope, zaak);
        if (!ZakenScopes.Statuszetters.Any(Has))
            throw ZgwException.PermissionDenied();
        if (zaak.IsGesloten)
        {
            if (!Has(ZakenScopes.Heropenen))
                throw ZgwException.PermissionDenied("Het heropenen van een gesloten zaak vereist de scope zaken.heropenen.");
            return;
        }
        if (heeftStatus && !Has(ZakenScopes.StatussenToevoegen) && !Has(ZakenScopes.Heropenen))
            throw ZgwException.PermissionDenied("Met alleen zaken.aanmaken mag alleen de eerste status van een zaak gezet worden.");
    }

    /// <summary>zrc-016: the statustype belongs to the zaak's zaaktype (Open Zaak <c>zaaktype-mismatch</c>, nonFieldErrors).</summary>
    public static void Zrc016_StatustypeHoortBijZaaktype(string statustype, Zaaktype zaaktype)
    {
        if (!zaaktype.Statustypen.Contains(statustype))
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, ZakenCodes.ZaaktypeMismatch,
                "De referentie hoort niet bij het zaaktype van de zaak.");
    }

    /// <summary>Open Zaak: <c>datumStatusGezet</c> may not lie in the future (<c>date-in-future</c>).</summary>
    public static void DatumStatusGezetNietInToekomst(DateTimeOffset datum, DateTimeOffset now)
    {
        if (datum > now)
            throw ZgwException.Validation("datumStatusGezet", ZakenCodes.DateInFuture, "Deze datum mag niet in de toekomst zijn.");
    }

    /// <summary>Open Zaak: (zaak, datumStatusGezet) is unique (<c>unique</c>).</summary>
    public static ZgwException Uniek() =>
        ZgwException.Validation(InvalidParam.NonFieldErrors, ZakenCodes.Unique, "De velden zaak, datumStatusGezet moeten een unieke set zijn.");

    /// <summary>Open Zaak: <c>gezetdoor</c> is a rol of the same zaak (<c>zaak-mismatch</c>).</summary>
    public static void GezetdoorRolVanZaak(long? rolZaakId, bool isRolUrl, long zaakId)
    {
        if (!isRolUrl)
            throw ZgwException.Validation("gezetdoor", ZgwCodes.BadUrl, "De URL is geen rol van deze Zaken API.");
        if (rolZaakId is null)
            throw ZgwException.Validation("gezetdoor", ZakenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
        if (rolZaakId != zaakId)
            throw ZgwException.Validation("gezetdoor", ZakenCodes.ZaakMismatch, "De rol hoort niet bij dezelfde zaak als de status.");
    }

    /// <summary>What closing needs to know of the zaak's related data (Z5).</summary>
    public sealed record Afsluitgegevens(
        bool HeeftResultaat,
        IReadOnlyList<(string Url, bool GebruiksrechtGezet, bool Locked)> Documenten,
        IReadOnlyList<(bool Gesloten, bool HeeftResultaat)> Deelzaken);

    /// <summary>
    /// zrc-007 / Z5 preconditions of the eindstatus: a resultaat (<c>resultaat-does-not-exist</c>); every related document
    /// has <c>indicatieGebruiksrecht</c> (<c>indicatiegebruiksrecht-unset</c>, the standard's code) and is not locked
    /// (<c>informatieobject-locked</c>); every deelzaak is closed (<c>deelzaken-not-closed</c>) and has a resultaat
    /// (<c>deelzaak-resultaat-does-not-exist</c>). All failures are reported at once.
    /// </summary>
    public static void Zrc007_AfsluitenVoorwaarden(Afsluitgegevens g)
    {
        var v = new Validator();
        const string nf = InvalidParam.NonFieldErrors;
        if (!g.HeeftResultaat)
            v.Add(nf, ZakenCodes.ResultaatDoesNotExist, "Om de zaak af te sluiten moet er een resultaat gezet zijn.");
        if (g.Documenten.Any(d => !d.GebruiksrechtGezet))
            v.Add(nf, ZakenCodes.IndicatiegebruiksrechtUnset,
                "Om de zaak af te sluiten moet bij alle informatieobjecten de indicatieGebruiksrecht gezet zijn.");
        if (g.Documenten.Any(d => d.Locked))
            v.Add(nf, ZakenCodes.InformatieobjectLocked, "Om de zaak af te sluiten mogen de informatieobjecten niet gelockt zijn.");
        if (g.Deelzaken.Any(d => !d.Gesloten))
            v.Add(nf, ZakenCodes.DeelzakenNotClosed, "Om de zaak af te sluiten moeten alle deelzaken gesloten zijn.");
        if (g.Deelzaken.Any(d => !d.HeeftResultaat))
            v.Add(nf, ZakenCodes.DeelzaakResultaatDoesNotExist, "Om de zaak af te sluiten moeten alle deelzaken een resultaat hebben.");
        v.ThrowIfInvalid();
    }

    /// <summary>Z7 (Open Zaak): a deelzaak can only be reopened while its hoofdzaak is open (<c>hoofdzaak-closed</c>).</summary>
    public static void Z7_HoofdzaakOpenBijHeropenen(DateOnly? hoofdzaakEinddatum)
    {
        if (hoofdzaakEinddatum is not null)
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, ZakenCodes.HoofdzaakClosed,
                "Een deelzaak kan niet heropend worden zolang de hoofdzaak gesloten is.");
    }
}
