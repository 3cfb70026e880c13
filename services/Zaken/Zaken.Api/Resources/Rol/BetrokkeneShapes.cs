using System.Text.RegularExpressions;
using Zaken.Api.Resources.Common;
using static Zaken.Api.Resources.Common.GegevensShape;

namespace Zaken.Api.Resources.Rol;

/// <summary>
/// The betrokkene gegevensgroepen of the Zaken API 1.5.1 OAS (schemas <c>RolNatuurlijkPersoon</c>,
/// <c>RolNietNatuurlijkPersoon</c>, <c>RolVestiging</c>, <c>RolOrganisatorischeEenheid</c>, <c>RolMedewerker</c> with
/// <c>VerblijfsAdres</c>, <c>SubVerblijfBuitenland</c>), transcribed attribute by attribute from
/// <c>components/schemas</c>. Zaakobjecten of the same types use the same shapes.
/// </summary>
public static partial class BetrokkeneShapes
{
    public static readonly string[] Types = ["natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", "organisatorische_eenheid", "medewerker"];

    public static readonly string[] Geslachtsaanduidingen = ["m", "v", "o"];

    public static readonly string[] InnRechtsvormen =
    [
        "besloten_vennootschap", "cooperatie_europees_economische_samenwerking", "europese_cooperatieve_venootschap",
        "europese_naamloze_vennootschap", "kerkelijke_organisatie", "naamloze_vennootschap", "onderlinge_waarborg_maatschappij",
        "overig_privaatrechtelijke_rechtspersoon", "stichting", "vereniging", "vereniging_van_eigenaars",
        "publiekrechtelijke_rechtspersoon", "vennootschap_onder_firma", "maatschap", "rederij", "commanditaire_vennootschap",
        "kapitaalvennootschap_binnen_eer", "overige_buitenlandse_rechtspersoon_vennootschap", "kapitaalvennootschap_buiten_eer",
    ];

    /// <summary>OAS <c>VerblijfsAdres</c>.</summary>
    public static readonly GegevensShape VerblijfsAdres = new("VerblijfsAdres",
        Text("aoaIdentificatie", 100, required: true),
        Text("wplWoonplaatsNaam", 80, required: true),
        Text("gorOpenbareRuimteNaam", 80, required: true),
        Text("aoaPostcode", 7),
        Integer("aoaHuisnummer", 0, 99999, required: true),
        Text("aoaHuisletter", 1),
        Text("aoaHuisnummertoevoeging", 4),
        Text("inpLocatiebeschrijving", 1000));

    /// <summary>OAS <c>SubVerblijfBuitenland</c>.</summary>
    public static readonly GegevensShape SubVerblijfBuitenland = new("SubVerblijfBuitenland",
        Text("lndLandcode", 4, required: true),
        Text("lndLandnaam", 40, required: true),
        Text("subAdresBuitenland_1", 35),
        Text("subAdresBuitenland_2", 35),
        Text("subAdresBuitenland_3", 35));

    /// <summary>OAS <c>RolNatuurlijkPersoon</c>.</summary>
    public static readonly GegevensShape NatuurlijkPersoon = new("RolNatuurlijkPersoon",
        Text("inpBsn", 9),
        Text("anpIdentificatie", 17),
        Text("inpA_nummer", 10) with { Pattern = ANummer() },
        Text("geslachtsnaam", 200),
        Text("voorvoegselGeslachtsnaam", 80),
        Text("voorletters", 20),
        Text("voornamen", 200),
        Choice("geslachtsaanduiding", Geslachtsaanduidingen),
        Text("geboortedatum", 18),
        Group("verblijfsadres", VerblijfsAdres),
        Group("subVerblijfBuitenland", SubVerblijfBuitenland));

    /// <summary>OAS <c>RolNietNatuurlijkPersoon</c>.</summary>
    public static readonly GegevensShape NietNatuurlijkPersoon = new("RolNietNatuurlijkPersoon",
        Text("innNnpId", 9),
        Text("annIdentificatie", 17),
        Text("statutaireNaam", 500),
        Choice("innRechtsvorm", InnRechtsvormen),
        Text("bezoekadres", 1000),
        Group("subVerblijfBuitenland", SubVerblijfBuitenland));

    /// <summary>OAS <c>RolVestiging</c>.</summary>
    public static readonly GegevensShape Vestiging = new("RolVestiging",
        Text("vestigingsNummer", 24),
        TextList("handelsnaam", 625),
        Group("verblijfsadres", VerblijfsAdres),
        Group("subVerblijfBuitenland", SubVerblijfBuitenland),
        Text("kvkNummer", 8));

    /// <summary>OAS <c>RolOrganisatorischeEenheid</c>.</summary>
    public static readonly GegevensShape OrganisatorischeEenheid = new("RolOrganisatorischeEenheid",
        Text("identificatie", 24),
        Text("naam", 50),
        Text("isGehuisvestIn", 24));

    /// <summary>OAS <c>RolMedewerker</c>.</summary>
    public static readonly GegevensShape Medewerker = new("RolMedewerker",
        Text("identificatie", 24),
        Text("achternaam", 200),
        Text("voorletters", 20),
        Text("voorvoegselAchternaam", 10));

    /// <summary>The shape of <c>betrokkeneIdentificatie</c> per <c>betrokkeneType</c> (the OAS discriminator mapping).</summary>
    public static readonly IReadOnlyDictionary<string, GegevensShape> ByType = new Dictionary<string, GegevensShape>
    {
        ["natuurlijk_persoon"] = NatuurlijkPersoon,
        ["niet_natuurlijk_persoon"] = NietNatuurlijkPersoon,
        ["vestiging"] = Vestiging,
        ["organisatorische_eenheid"] = OrganisatorischeEenheid,
        ["medewerker"] = Medewerker,
    };

    [GeneratedRegex("^[1-9][0-9]{9}$")]
    private static partial Regex ANummer();
}
