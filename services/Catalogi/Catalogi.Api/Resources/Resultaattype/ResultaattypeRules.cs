using System.Text.Json;
using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Catalogi.Api.Resources.Resultaattype;

/// <summary>
/// The rules of the resultaattype (zgw-rules T1, T2): the Selectielijst references (ztc-002) and the consistency of
/// <c>brondatumArchiefprocedure</c> (ztc-003..008), each with its official id and the code Open Zaak answers with.
/// </summary>
public static class ResultaattypeRules
{
    public static readonly IReadOnlyCollection<string> Afleidingswijzen =
    [
        "afgehandeld", "ander_datumkenmerk", "eigenschap", "gerelateerde_zaak", "hoofdzaak", "ingangsdatum_besluit", "termijn",
        "vervaldatum_besluit", "zaakobject",
    ];

    public static readonly IReadOnlyCollection<string> Objecttypen =
    [
        "", "adres", "besluit", "buurt", "enkelvoudig_document", "gemeente", "gemeentelijke_openbare_ruimte", "huishouden",
        "inrichtingselement", "kadastrale_onroerende_zaak", "kunstwerkdeel", "maatschappelijke_activiteit", "medewerker",
        "natuurlijk_persoon", "niet_natuurlijk_persoon", "openbare_ruimte", "organisatorische_eenheid", "pand", "spoorbaandeel",
        "status", "terreindeel", "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk", "woonplaats", "woz_deelobject",
        "woz_object", "woz_waarde", "zakelijk_recht", "overige",
    ];

    private static readonly string[] Archiefnominaties = ["", "blijvend_bewaren", "vernietigen"];
    private const string Brondatum = "brondatumArchiefprocedure";

    public static void ValidateFields(ResultaattypeRequest r, Validator v)
    {
        if (v.Required("zaaktype", r.Zaaktype))
            v.Url("zaaktype", r.Zaaktype);
        v.RequiredText("omschrijving", r.Omschrijving, 30);
        if (v.Required("resultaattypeomschrijving", r.Resultaattypeomschrijving))
            v.Url("resultaattypeomschrijving", r.Resultaattypeomschrijving);
        if (v.Required("selectielijstklasse", r.Selectielijstklasse))
            v.Url("selectielijstklasse", r.Selectielijstklasse);
        v.OneOf("archiefnominatie", r.Archiefnominatie, Archiefnominaties);
        v.Duration("archiefactietermijn", r.Archiefactietermijn);
        v.MaxLength("procesobjectaard", r.Procesobjectaard, 200);
        v.Url("catalogus", r.Catalogus);
        v.Duration("procestermijn", r.Procestermijn);
        v.Items("besluittypen", r.Besluittypen);
        v.UniqueItems("besluittypen", r.Besluittypen);
        v.Items("informatieobjecttypen", r.Informatieobjecttypen);
        v.UniqueItems("informatieobjecttypen", r.Informatieobjecttypen);
        if (r.BrondatumArchiefprocedure is { } b)
        {
            v.MaxLength($"{Brondatum}.datumkenmerk", b.Datumkenmerk, 80);
            v.OneOf($"{Brondatum}.objecttype", b.Objecttype, Objecttypen);
            v.MaxLength($"{Brondatum}.registratie", b.Registratie, 80);
            v.Duration($"{Brondatum}.procestermijn", b.Procestermijn);
            if (v.Required($"{Brondatum}.afleidingswijze", b.Afleidingswijze) &&
                Afleidingswijzen.Contains(b.Afleidingswijze!))
            {
                Ztc004_Datumkenmerk(b, v);
                Ztc005_EinddatumBekend(b, v);
                Ztc006_Objecttype(b, v);
                Ztc007_Registratie(b, v);
                Ztc008_Procestermijn(b, v);
            }
            else
                v.OneOf($"{Brondatum}.afleidingswijze", b.Afleidingswijze, Afleidingswijzen);
        }
    }

    /// <summary>ztc-004: <c>datumkenmerk</c> is required for eigenschap, zaakobject and ander_datumkenmerk, else empty.</summary>
    public static void Ztc004_Datumkenmerk(BrondatumArchiefprocedure b, Validator v) =>
        RequiredOrEmpty(v, "datumkenmerk", !string.IsNullOrEmpty(b.Datumkenmerk), b.Afleidingswijze!,
            b.Afleidingswijze is "eigenschap" or "zaakobject" or "ander_datumkenmerk");

    /// <summary>ztc-005: <c>einddatumBekend</c> is empty (not true) for afgehandeld and termijn.</summary>
    public static void Ztc005_EinddatumBekend(BrondatumArchiefprocedure b, Validator v)
    {
        if (b.EinddatumBekend == true && b.Afleidingswijze is "afgehandeld" or "termijn")
            v.Add($"{Brondatum}.einddatumBekend", CatalogiValidation.MustBeEmpty,
                $"Dit veld moet leeg zijn bij afleidingswijze `{b.Afleidingswijze}`.");
    }

    /// <summary>ztc-006: <c>objecttype</c> is required for zaakobject and ander_datumkenmerk, else empty.</summary>
    public static void Ztc006_Objecttype(BrondatumArchiefprocedure b, Validator v) =>
        RequiredOrEmpty(v, "objecttype", !string.IsNullOrEmpty(b.Objecttype), b.Afleidingswijze!,
            b.Afleidingswijze is "zaakobject" or "ander_datumkenmerk");

    /// <summary>ztc-007: <c>registratie</c> is required for ander_datumkenmerk, else empty.</summary>
    public static void Ztc007_Registratie(BrondatumArchiefprocedure b, Validator v) =>
        RequiredOrEmpty(v, "registratie", !string.IsNullOrEmpty(b.Registratie), b.Afleidingswijze!, b.Afleidingswijze == "ander_datumkenmerk");

    /// <summary>ztc-008: <c>procestermijn</c> is required for termijn, else empty.</summary>
    public static void Ztc008_Procestermijn(BrondatumArchiefprocedure b, Validator v) =>
        RequiredOrEmpty(v, "procestermijn", !string.IsNullOrEmpty(b.Procestermijn), b.Afleidingswijze!, b.Afleidingswijze == "termijn");

    /// <summary>
    /// ztc-003: the afleidingswijze is <c>afgehandeld</c> when the selectielijstklasse's procestermijn is <c>nihil</c>, and
    /// <c>termijn</c> when it is <c>ingeschatte_bestaansduur_procesobject</c>; without a procestermijn anything goes. 400
    /// <c>invalid-afleidingswijze-for-procestermijn</c>.
    /// </summary>
    public static void Ztc003_AfleidingswijzeBijProcestermijn(string? afleidingswijze, string? procestermijn, Validator v)
    {
        var required = procestermijn switch
        {
            "nihil" => "afgehandeld",
            "ingeschatte_bestaansduur_procesobject" => "termijn",
            _ => null,
        };
        if (afleidingswijze is not null && required is not null && afleidingswijze != required)
            v.Add(InvalidParam.NonFieldErrors, "invalid-afleidingswijze-for-procestermijn",
                $"De afleidingswijze moet {required} zijn als de procestermijn van de selectielijstklasse {procestermijn} is.");
    }

    /// <summary>
    /// ztc-002: the selectielijstklasse belongs to the procestype of the zaaktype's <c>selectielijstProcestype</c>. 400
    /// <c>procestype-mismatch</c>.
    /// </summary>
    public static void Ztc002_SelectielijstklasseVanProcestype(string? procesType, string? zaaktypeProcestype, Validator v)
    {
        if (procesType != zaaktypeProcestype)
            v.Add(InvalidParam.NonFieldErrors, "procestype-mismatch",
                "De selectielijstklasse hoort niet bij het selectielijstProcestype van het zaaktype.");
    }

    /// <summary>
    /// ztc-002: without an explicit <c>archiefnominatie</c> / <c>archiefactietermijn</c> they are derived from the
    /// selectielijstklasse's <c>waardering</c> / <c>bewaartermijn</c>; <c>omschrijvingGeneriek</c> is the resultaattypeomschrijving's
    /// <c>omschrijving</c>.
    /// </summary>
    public static ResultaattypeRequest Ztc002_AfgeleidUitSelectielijst(ResultaattypeRequest r, JsonElement? resultaat, JsonElement? omschrijving) => r with
    {
        Archiefnominatie = string.IsNullOrEmpty(r.Archiefnominatie) ? Selectielijst.Text(resultaat, "waardering") ?? r.Archiefnominatie : r.Archiefnominatie,
        Archiefactietermijn = r.Archiefactietermijn ?? NullIfEmpty(Selectielijst.Text(resultaat, "bewaartermijn")),
        OmschrijvingGeneriek = Selectielijst.Text(omschrijving, "omschrijving") ?? r.OmschrijvingGeneriek,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void RequiredOrEmpty(Validator v, string field, bool present, string afleidingswijze, bool required)
    {
        if (required && !present)
            v.Add($"{Brondatum}.{field}", ZgwCodes.Required, $"Dit veld is vereist bij afleidingswijze `{afleidingswijze}`.");
        else if (!required && present)
            v.Add($"{Brondatum}.{field}", CatalogiValidation.MustBeEmpty, $"Dit veld moet leeg zijn bij afleidingswijze `{afleidingswijze}`.");
    }
}
