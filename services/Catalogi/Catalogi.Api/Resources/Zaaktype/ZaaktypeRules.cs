using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Catalogi.Api.Resources.Zaaktype;

/// <summary>The rules of the zaaktype (zgw-rules §T), each with its official id and the code Open Zaak answers with.</summary>
public static class ZaaktypeRules
{
    public const string ConceptRelation = "concept-relation";
    public const string VerlengingMismatch = "verlenging-mismatch";
    private static readonly string[] InternOfExtern = ["intern", "extern"];
    private static readonly string[] AardRelaties = ["vervolg", "bijdrage", "onderwerp"];

    /// <summary>Field syntax of the OAS schema (required, lengths, enums, URLs, durations) and the rules on the body alone.</summary>
    public static void ValidateFields(ZaaktypeRequest r, Validator v)
    {
        v.RequiredText("identificatie", r.Identificatie, 50);
        v.RequiredText("omschrijving", r.Omschrijving, 80);
        v.MaxLength("omschrijvingGeneriek", r.OmschrijvingGeneriek, 80);
        if (v.Required("vertrouwelijkheidaanduiding", r.Vertrouwelijkheidaanduiding))
            v.OneOf("vertrouwelijkheidaanduiding", r.Vertrouwelijkheidaanduiding, CatalogiValidation.Vertrouwelijkheidaanduidingen);
        v.Required("doel", r.Doel);
        v.Required("aanleiding", r.Aanleiding);
        if (v.Required("indicatieInternOfExtern", r.IndicatieInternOfExtern))
            v.OneOf("indicatieInternOfExtern", r.IndicatieInternOfExtern, InternOfExtern);
        v.RequiredText("handelingInitiator", r.HandelingInitiator, 20);
        v.RequiredText("onderwerp", r.Onderwerp, 80);
        v.RequiredText("handelingBehandelaar", r.HandelingBehandelaar, 20);
        if (v.Required("doorlooptijd", r.Doorlooptijd))
            v.Duration("doorlooptijd", r.Doorlooptijd);
        v.Duration("servicenorm", r.Servicenorm);
        v.Required("opschortingEnAanhoudingMogelijk", r.OpschortingEnAanhoudingMogelijk);
        v.Required("verlengingMogelijk", r.VerlengingMogelijk);
        v.Duration("verlengingstermijn", r.Verlengingstermijn);
        v.Items("trefwoorden", r.Trefwoorden, 30);
        v.Required("publicatieIndicatie", r.PublicatieIndicatie);
        v.Items("verantwoordingsrelatie", r.Verantwoordingsrelatie, 40);
        if (v.Required("productenOfDiensten", r.ProductenOfDiensten))
            v.UrlItems("productenOfDiensten", r.ProductenOfDiensten);
        v.Url("selectielijstProcestype", r.SelectielijstProcestype, 200);
        if (v.Required("referentieproces", r.Referentieproces))
        {
            v.RequiredText("referentieproces.naam", r.Referentieproces!.Naam, 80);
            v.Url("referentieproces.link", r.Referentieproces.Link, 200);
        }
        v.RequiredText("verantwoordelijke", r.Verantwoordelijke, 50);
        if (r.Broncatalogus is { } bc)
        {
            if (v.Required("broncatalogus.url", bc.Url))
                v.Url("broncatalogus.url", bc.Url, 200);
            v.RequiredText("broncatalogus.domein", bc.Domein, 5);
            v.RequiredText("broncatalogus.rsin", bc.Rsin, 9);
        }
        if (r.Bronzaaktype is { } bz)
        {
            if (v.Required("bronzaaktype.url", bz.Url))
                v.Url("bronzaaktype.url", bz.Url, 200);
            v.RequiredText("bronzaaktype.identificatie", bz.Identificatie, 50);
            v.RequiredText("bronzaaktype.omschrijving", bz.Omschrijving, 80);
        }
        if (v.Required("catalogus", r.Catalogus))
            v.Url("catalogus", r.Catalogus);
        if (v.Required("besluittypen", r.Besluittypen))
            v.Items("besluittypen", r.Besluittypen);
        v.UniqueItems("besluittypen", r.Besluittypen);
        v.Items("deelzaaktypen", r.Deelzaaktypen, 50);
        v.UniqueItems("deelzaaktypen", r.Deelzaaktypen);
        if (v.Required("gerelateerdeZaaktypen", r.GerelateerdeZaaktypen))
        {
            for (var i = 0; i < r.GerelateerdeZaaktypen!.Count; i++)
            {
                var name = $"gerelateerdeZaaktypen.{i}";
                if (!v.Required(name, r.GerelateerdeZaaktypen[i]))
                    continue;
                var g = r.GerelateerdeZaaktypen[i]!;
                v.RequiredText($"{name}.zaaktype", g.Zaaktype, 50);
                if (v.Required($"{name}.aardRelatie", g.AardRelatie))
                    v.OneOf($"{name}.aardRelatie", g.AardRelatie, AardRelaties);
                v.MaxLength($"{name}.toelichting", g.Toelichting, 255);
            }
        }
        v.Required("beginGeldigheid", r.BeginGeldigheid);
        CatalogiRules.EindeNietVoorBegin(r.BeginGeldigheid, r.EindeGeldigheid, v);
        VerlengingstermijnAlleenBijVerlenging(r, v);
    }

    /// <summary>
    /// OAS text of <c>verlengingstermijn</c>: "mag alleen een waarde bevatten als verlenging mogelijk is"; Open Zaak also
    /// requires it when verlenging is possible. 400 <c>verlenging-mismatch</c>.
    /// </summary>
    public static void VerlengingstermijnAlleenBijVerlenging(ZaaktypeRequest r, Validator v)
    {
        if (r.VerlengingMogelijk == true && r.Verlengingstermijn is null)
            v.Add("verlengingstermijn", VerlengingMismatch, "verlengingstermijn is vereist als verlengingMogelijk true is.");
        else if (r.VerlengingMogelijk == false && r.Verlengingstermijn is not null)
            v.Add("verlengingstermijn", VerlengingMismatch, "verlengingstermijn mag alleen gevuld zijn als verlengingMogelijk true is.");
    }

    /// <summary>
    /// T8/T12: the besluittypen (by omschrijving) and deelzaaktypen (by identificatie) exist in the zaaktype's catalogus
    /// (OAS: "deelzaaktypen moeten tot dezelfde catalogus behoren"). <c>does_not_exist</c> / <c>relations-incorrect-catalogus</c>.
    /// </summary>
    public static async Task RelatiesInCatalogusAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaaktypeRequest r, long catalogusId, Validator v)
    {
        await References.NamesAsync(c, tx, CatalogiKind.Besluittype, "omschrijving", catalogusId, r.Besluittypen, "besluittypen", v);
        await References.NamesAsync(c, tx, CatalogiKind.Zaaktype, "identificatie", catalogusId, r.Deelzaaktypen, "deelzaaktypen", v);
    }

    /// <summary>
    /// ztc-012 (struck in Catalogi 1.3.2; kept as Open Zaak does, behind <c>Catalogi:StrictPublish</c>): a zaaktype is
    /// published only when every related besluittype and informatieobjecttype has a published version. 400
    /// <c>concept-relation</c>.
    /// </summary>
    public static async Task Ztc012_GerelateerdeTypenGepubliceerdAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaaktypeId, Validator v)
    {
        var concepten = await c.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (
                SELECT 1 FROM zaaktype z, unnest(z.besluittypen) AS naam
                WHERE z.id = @zaaktypeId
                  AND NOT EXISTS (SELECT 1 FROM besluittype b WHERE b.catalogus_id = z.catalogus_id AND b.omschrijving = naam AND NOT b.concept))
            OR EXISTS (
                SELECT 1 FROM zaaktype z JOIN zaaktype_informatieobjecttype zi ON zi.zaaktype_id = z.id
                WHERE z.id = @zaaktypeId
                  AND NOT EXISTS (SELECT 1 FROM informatieobjecttype i
                                  WHERE i.catalogus_id = z.catalogus_id AND i.omschrijving = zi.informatieobjecttype AND NOT i.concept))
            """, new { zaaktypeId }, tx);
        if (concepten)
            v.Add(InvalidParam.NonFieldErrors, ConceptRelation, "Alle gerelateerde besluittypen en informatieobjecttypen moeten gepubliceerd zijn.");
    }

    /// <summary>
    /// Open Zaak's minimum for publishing (behind <c>Catalogi:StrictPublish</c>): at least two statustypen, one resultaattype
    /// and one roltype. 400 <c>concept-relation</c> on the missing part.
    /// </summary>
    public static async Task Ztc012_MinimaleOnderdelenAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaaktypeId, Validator v)
    {
        var (statustypen, resultaattypen, roltypen) = await c.QuerySingleAsync<(int, int, int)>("""
            SELECT (SELECT count(*)::int FROM statustype WHERE zaaktype_id = @zaaktypeId),
                   (SELECT count(*)::int FROM resultaattype WHERE zaaktype_id = @zaaktypeId),
                   (SELECT count(*)::int FROM roltype WHERE zaaktype_id = @zaaktypeId)
            """, new { zaaktypeId }, tx);
        if (statustypen < 2)
            v.Add("statustypen", ConceptRelation, "Een zaaktype heeft minstens twee statustypen nodig om gepubliceerd te worden.");
        if (resultaattypen < 1)
            v.Add("resultaattypen", ConceptRelation, "Een zaaktype heeft minstens één resultaattype nodig om gepubliceerd te worden.");
        if (roltypen < 1)
            v.Add("roltypen", ConceptRelation, "Een zaaktype heeft minstens één roltype nodig om gepubliceerd te worden.");
    }
}
