using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Catalogi.Api.Resources.Common;

/// <summary>
/// The rules of zgw-rules §T that every type or every part of a zaaktype shares, each with its official id and the
/// code Open Zaak answers with. Rules of one resource live in that resource's folder.
/// </summary>
public static class CatalogiRules
{
    public const string NonConceptObject = "non-concept-object";
    public const string NonConceptZaaktype = "non-concept-zaaktype";
    public const string Overlap = "overlap";
    public const string DateMismatch = "date-mismatch";

    /// <summary>
    /// ztc-009: a published type (<c>concept=false</c>) is not changed by PUT, nor by a PATCH that changes more than
    /// <c>eindeGeldigheid</c> — unless it is a correctie (<c>catalogi.geforceerd-schrijven</c>). 400 <c>non-concept-object</c>.
    /// </summary>
    public static void Ztc009_GepubliceerdTypeNietWijzigen(bool concept, bool alleenEindeGeldigheid, bool correctie, Validator v)
    {
        if (!concept && !alleenEindeGeldigheid && !correctie)
            v.Add(InvalidParam.NonFieldErrors, NonConceptObject,
                "Een gepubliceerd type kan niet gewijzigd worden, behalve zijn eindeGeldigheid (of als correctie).");
    }

    /// <summary>
    /// ztc-009: a published type is not deleted. The OAS grants <c>catalogi.geforceerd-verwijderen</c> on every DELETE, and
    /// with it Open Zaak deletes published types too. 400 <c>non-concept-object</c>.
    /// </summary>
    public static void Ztc009_GepubliceerdTypeNietVerwijderen(bool concept, bool geforceerd, Validator v)
    {
        if (!concept && !geforceerd)
            v.Add(InvalidParam.NonFieldErrors, NonConceptObject, "Een gepubliceerd type kan niet verwijderd worden.");
    }

    /// <summary>
    /// ztc-010: the parts of a published zaaktype (statustypen, roltypen, eigenschappen, resultaattypen,
    /// zaakobjecttypen, zaaktype-informatieobjecttypen) are not created, changed or deleted — unless with the geforceerd
    /// scope of the operation. 400 <c>non-concept-zaaktype</c>.
    /// </summary>
    public static void Ztc010_OnderdeelVanGepubliceerdZaaktype(bool zaaktypeConcept, bool geforceerd, Validator v, string field = "zaaktype")
    {
        if (!zaaktypeConcept && !geforceerd)
            v.Add(field, NonConceptZaaktype, "Het zaaktype is gepubliceerd; zijn onderdelen kunnen niet meer gewijzigd worden.");
    }

    /// <summary>
    /// ztc-016: versions of one type (zaaktype by <c>identificatie</c>; besluittype and informatieobjecttype by
    /// <c>omschrijving</c>, as Open Zaak extends it) in one catalogus may not overlap in geldigheid; both ends inclusive,
    /// an empty eindeGeldigheid is open-ended. 400 <c>overlap</c> on <paramref name="field"/>.
    /// </summary>
    public static async Task Ztc016_VersiesOverlappenNietAsync(NpgsqlConnection c, NpgsqlTransaction tx, CatalogiKind kind, string keyColumn,
        long catalogusId, string key, DateOnly begin, DateOnly? einde, long? except, string field, Validator v)
    {
        var overlap = await c.ExecuteScalarAsync<bool>($"""
            SELECT EXISTS (
                SELECT 1 FROM {CatalogiUrls.Table(kind)}
                WHERE catalogus_id = @catalogusId AND {keyColumn} = @key AND id IS DISTINCT FROM @except
                  AND daterange(begin_geldigheid, einde_geldigheid, '[]') && daterange(@begin, @einde, '[]'))
            """, new { catalogusId, key, begin, einde, except }, tx);
        if (overlap)
            v.Add(field, Overlap, "Dit type komt al voor binnen de catalogus en de opgegeven geldigheidsperiode.");
    }

    /// <summary>T10: <c>eindeGeldigheid</c> is not before <c>beginGeldigheid</c>. 400 <c>date-mismatch</c>.</summary>
    public static void EindeNietVoorBegin(DateOnly? begin, DateOnly? einde, Validator v, string field = "eindeGeldigheid")
    {
        if (begin is { } b && einde is { } e && e < b)
            v.Add(field, DateMismatch, "eindeGeldigheid mag niet voor beginGeldigheid liggen.");
    }

    /// <summary>
    /// T10: the parts of a zaaktype are versioned with it: their begin/eindeGeldigheid are the zaaktype's. A value that is
    /// sent must match; an absent one is taken over. 400 <c>invalid</c>.
    /// </summary>
    public static void OnderdeelGeldigheidVanZaaktype(DateOnly? begin, DateOnly? einde, ZaaktypeRef zaaktype, Validator v)
    {
        if (begin is { } b && b != zaaktype.BeginGeldigheid)
            v.Add("beginGeldigheid", ZgwCodes.Invalid, "beginGeldigheid moet gelijk zijn aan die van het zaaktype.");
        if (einde is { } e && e != zaaktype.EindeGeldigheid)
            v.Add("eindeGeldigheid", ZgwCodes.Invalid, "eindeGeldigheid moet gelijk zijn aan die van het zaaktype.");
    }

    /// <summary>
    /// T12: the (deprecated) <c>catalogus</c> of a part, when sent, is its zaaktype's catalogus. 400
    /// <c>relations-incorrect-catalogus</c>.
    /// </summary>
    public static void CatalogusVanZaaktype(string? catalogus, ZaaktypeRef zaaktype, CatalogiUrls urls, Validator v)
    {
        if (!string.IsNullOrEmpty(catalogus) && catalogus != urls.Of(CatalogiKind.Catalogus, zaaktype.CatalogusUuid))
            v.Add("catalogus", References.IncorrectCatalogus, "De catalogus moet die van het zaaktype zijn.");
    }
}
