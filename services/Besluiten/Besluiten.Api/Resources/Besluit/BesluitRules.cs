using Besluiten.Api.Resources.Common;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Besluiten.Api.Resources.Besluit;

/// <summary>The rules of besluiten (zgw-rules B1–B3, B6, B7, B9).</summary>
public static class BesluitRules
{
    private const string NietWijzigen = "Dit veld mag niet gewijzigd worden.";

    /// <summary>brc-001: the besluittype cannot change on update (Open Zaak <c>wijzigen-niet-toegelaten</c>).</summary>
    public static void Brc001_BesluittypeOnveranderlijk(BesluitRow current, BesluitRequest body, Validator v)
    {
        if (body.Besluittype != current.Besluittype)
            v.Add("besluittype", BesluitenCodes.WijzigenNietToegelaten, NietWijzigen);
    }

    /// <summary>brc-002: identificatie and verantwoordelijkeOrganisatie cannot change (a PUT without identificatie keeps it).</summary>
    public static void Brc002_IdentificatieOnveranderlijk(BesluitRow current, BesluitRequest body, Validator v)
    {
        if (body.Identificatie is not null && body.Identificatie != current.Identificatie)
            v.Add("identificatie", BesluitenCodes.WijzigenNietToegelaten, NietWijzigen);
        if (body.VerantwoordelijkeOrganisatie != current.VerantwoordelijkeOrganisatie)
            v.Add("verantwoordelijkeOrganisatie", BesluitenCodes.WijzigenNietToegelaten, NietWijzigen);
    }

    /// <summary>brc-002: verantwoordelijkeOrganisatie + identificatie are unique (Open Zaak <c>identificatie-niet-uniek</c>).</summary>
    public static async Task Brc002_IdentificatieUniekAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string organisatie, string identificatie)
    {
        if (await BesluitRepository.IdentificatieBestaatAsync(c, tx, organisatie, identificatie))
            throw IdentificatieNietUniek();
    }

    public static ZgwException IdentificatieNietUniek() =>
        ZgwException.Validation("identificatie", BesluitenCodes.IdentificatieNietUniek,
            "Deze identificatie bestaat al voor deze verantwoordelijke organisatie.");

    /// <summary>B3 (OAS): the beslisdatum cannot lie in the future (Open Zaak <c>future_not_allowed</c>).</summary>
    public static void B3_DatumNietInDeToekomst(DateOnly? datum, DateOnly vandaag, Validator v)
    {
        if (datum is { } d && d > vandaag)
            v.Add("datum", BesluitenCodes.FutureNotAllowed, "Deze datum mag niet in de toekomst liggen.");
    }

    /// <summary>B3 / brc-006: the zaak of a besluit cannot change (a PUT without zaak keeps it).</summary>
    public static void Brc006_ZaakOnveranderlijk(BesluitRow current, BesluitRequest body, Validator v)
    {
        if (body.Zaak is not null && (body.Zaak.Length == 0 ? null : body.Zaak) != current.Zaak)
            v.Add("zaak", BesluitenCodes.WijzigenNietToegelaten, NietWijzigen);
    }

    /// <summary>brc-007: with a zaak, the besluittype must be one of the besluittypen of the zaak's zaaktype (Open Zaak <c>zaaktype-mismatch</c>).</summary>
    public static void Brc007_BesluittypeHoortBijZaaktype(IReadOnlyList<string> besluittypenVanZaaktype, string besluittype)
    {
        if (!besluittypenVanZaaktype.Contains(besluittype))
            throw ZgwException.Validation("nonFieldErrors", BesluitenCodes.ZaaktypeMismatch,
                "Het besluittype van het besluit hoort niet bij het zaaktype van de zaak.");
    }

    /// <summary>brc-006/009 (Open Zaak): the zaakbesluit or an objectinformatieobject could not be made or removed.</summary>
    public static ZgwException PendingRelations(string field, string reason) =>
        ZgwException.Validation(field, BesluitenCodes.PendingRelations, $"De relatie in een andere API kon niet worden bijgewerkt: {reason}");
}
