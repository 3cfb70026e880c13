using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Rol;
using static Zaken.Api.Resources.Common.GegevensShape;

namespace Zaken.Api.Resources.Zaakobject;

/// <summary>
/// The <c>objectIdentificatie</c> shapes of ZAAKOBJECT per <c>objectType</c>, transcribed from the Zaken API 1.5.1 OAS
/// (<c>components/schemas/Object*</c>, <c>TerreinGebouwdObjectAdres</c>, <c>WozObjectAdres</c>,
/// <c>ZakelijkRechtHeeftAlsGerechtigde</c> and the discriminator mapping of <c>ZaakObject</c>): required attributes,
/// max lengths, enums and nested groups. <c>besluit</c>, <c>enkelvoudig_document</c> and <c>status</c> have no
/// identificatie (only an <c>object</c> URL). The persons, vestiging, organisatorische eenheid and medewerker use the
/// rol shapes (<see cref="BetrokkeneShapes"/>).
/// </summary>
public static class ObjectShapes
{
    public static readonly string[] ObjectTypes =
    [
        "adres", "besluit", "buurt", "enkelvoudig_document", "gemeente", "gemeentelijke_openbare_ruimte", "huishouden",
        "inrichtingselement", "kadastrale_onroerende_zaak", "kunstwerkdeel", "maatschappelijke_activiteit", "medewerker",
        "natuurlijk_persoon", "niet_natuurlijk_persoon", "openbare_ruimte", "organisatorische_eenheid", "pand", "spoorbaandeel",
        "status", "terreindeel", "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk", "woonplaats",
        "woz_deelobject", "woz_object", "woz_waarde", "zakelijk_recht", "overige",
    ];

    public static readonly string[] InrichtingselementTypen =
        ["bak", "bord", "installatie", "kast", "mast", "paal", "sensor", "straatmeubilair", "waterinrichtingselement", "weginrichtingselement"];

    public static readonly string[] KunstwerkdeelTypen =
    [
        "keermuur", "overkluizing", "duiker", "faunavoorziening", "vispassage", "bodemval", "coupure", "ponton", "voorde",
        "hoogspanningsmast", "gemaal", "perron", "sluis", "strekdam", "steiger", "stuw",
    ];

    public static readonly string[] SpoorbaandeelTypen = ["breedspoor", "normaalspoor", "smalspoor", "spoorbaan"];

    public static readonly string[] WaterdeelTypen = ["zee", "waterloop", "watervlakte", "greppel_droge_sloot"];

    public static readonly GegevensShape Adres = new("ObjectAdres",
        Text("identificatie", 100, required: true),
        Text("wplWoonplaatsNaam", 80, required: true),
        Text("gorOpenbareRuimteNaam", 80, required: true),
        Integer("huisnummer", 0, 99999, required: true),
        Text("huisletter", 1),
        Text("huisnummertoevoeging", 4),
        Text("postcode", 7));

    public static readonly GegevensShape Buurt = new("ObjectBuurt",
        Text("buurtCode", 2, required: true),
        Text("buurtNaam", 40, required: true),
        Text("gemGemeenteCode", 4, required: true),
        Text("wykWijkCode", 2, required: true));

    public static readonly GegevensShape Gemeente = new("ObjectGemeente",
        Text("gemeenteNaam", 80, required: true),
        Text("gemeenteCode", 4, required: true));

    public static readonly GegevensShape GemeentelijkeOpenbareRuimte = new("ObjectGemeentelijkeOpenbareRuimte",
        Text("identificatie", 100, required: true),
        Text("openbareRuimteNaam", 80, required: true));

    public static readonly GegevensShape TerreinGebouwdObjectAdres = new("TerreinGebouwdObjectAdres",
        Text("numIdentificatie", 100),
        Text("oaoIdentificatie", 100, required: true),
        Text("wplWoonplaatsNaam", 80, required: true),
        Text("gorOpenbareRuimteNaam", 80, required: true),
        Text("aoaPostcode", 7),
        Integer("aoaHuisnummer", 0, 99999, required: true),
        Text("aoaHuisletter", 1),
        Text("aoaHuisnummertoevoeging", 4),
        Text("ogoLocatieAanduiding", 100));

    public static readonly GegevensShape TerreinGebouwdObject = new("ObjectTerreinGebouwdObject",
        Text("identificatie", 100, required: true),
        Group("adresAanduidingGrp", TerreinGebouwdObjectAdres));

    public static readonly GegevensShape Huishouden = new("ObjectHuishouden",
        Text("nummer", 12, required: true),
        Group("isGehuisvestIn", TerreinGebouwdObject));

    public static readonly GegevensShape Inrichtingselement = new("ObjectInrichtingselement",
        Choice("type", InrichtingselementTypen, required: true),
        Text("identificatie", 100, required: true),
        Text("naam", 500));

    public static readonly GegevensShape KadastraleOnroerendeZaak = new("ObjectKadastraleOnroerendeZaak",
        Text("kadastraleIdentificatie", 100, required: true),
        Text("kadastraleAanduiding", 1000, required: true));

    public static readonly GegevensShape Kunstwerkdeel = new("ObjectKunstwerkdeel",
        Choice("type", KunstwerkdeelTypen, required: true),
        Text("identificatie", 100, required: true),
        Text("naam", 80, required: true));

    public static readonly GegevensShape MaatschappelijkeActiviteit = new("ObjectMaatschappelijkeActiviteit",
        Text("kvkNummer", 8, required: true),
        Text("handelsnaam", 200, required: true));

    public static readonly GegevensShape OpenbareRuimte = new("ObjectOpenbareRuimte",
        Text("identificatie", 100, required: true),
        Text("wplWoonplaatsNaam", 80, required: true),
        Text("gorOpenbareRuimteNaam", 80, required: true));

    public static readonly GegevensShape Overige = new("ObjectOverige",
        AnyObject("overigeData", required: true));

    public static readonly GegevensShape Pand = new("ObjectPand",
        Text("identificatie", 100, required: true));

    public static readonly GegevensShape Spoorbaandeel = new("ObjectSpoorbaandeel",
        Choice("type", SpoorbaandeelTypen, required: true),
        Text("identificatie", 100, required: true),
        Text("naam", 500));

    public static readonly GegevensShape Terreindeel = new("ObjectTerreindeel",
        Text("type", 40, required: true),
        Text("identificatie", 100, required: true),
        Text("naam", 500));

    public static readonly GegevensShape Waterdeel = new("ObjectWaterdeel",
        Choice("typeWaterdeel", WaterdeelTypen, required: true),
        Text("identificatie", 100, required: true),
        Text("naam", 500));

    public static readonly GegevensShape Wegdeel = new("ObjectWegdeel",
        Text("type", 100, required: true),
        Text("identificatie", 100, required: true),
        Text("naam", 500));

    public static readonly GegevensShape Wijk = new("ObjectWijk",
        Text("wijkCode", 2, required: true),
        Text("wijkNaam", 40, required: true),
        Text("gemGemeenteCode", 4, required: true));

    public static readonly GegevensShape Woonplaats = new("ObjectWoonplaats",
        Text("identificatie", 100, required: true),
        Text("woonplaatsNaam", 80, required: true));

    public static readonly GegevensShape WozObjectAdres = new("WozObjectAdres",
        Text("aoaIdentificatie", 100, required: true),
        Text("wplWoonplaatsNaam", 80, required: true),
        Text("gorOpenbareRuimteNaam", 80, required: true),
        Text("aoaPostcode", 7),
        Integer("aoaHuisnummer", 0, 99999, required: true),
        Text("aoaHuisletter", 1),
        Text("aoaHuisnummertoevoeging", 4),
        Text("locatieOmschrijving", 1000));

    public static readonly GegevensShape WozObject = new("ObjectWozObject",
        Text("wozObjectNummer", 100, required: true),
        Group("aanduidingWozObject", WozObjectAdres));

    public static readonly GegevensShape WozDeelobject = new("ObjectWozDeelobject",
        Text("nummerWozDeelObject", 6, required: true),
        Group("isOnderdeelVan", WozObject));

    public static readonly GegevensShape WozWaarde = new("ObjectWozWaarde",
        Text("waardepeildatum", 9, required: true),
        Group("isVoor", WozObject));

    public static readonly GegevensShape ZakelijkRechtHeeftAlsGerechtigde = new("ZakelijkRechtHeeftAlsGerechtigde",
        Group("natuurlijkPersoon", BetrokkeneShapes.NatuurlijkPersoon),
        Group("nietNatuurlijkPersoon", BetrokkeneShapes.NietNatuurlijkPersoon));

    public static readonly GegevensShape ZakelijkRecht = new("ObjectZakelijkRecht",
        Text("identificatie", 100, required: true),
        Text("avgAard", 1000, required: true),
        Group("heeftBetrekkingOp", KadastraleOnroerendeZaak),
        Group("heeftAlsGerechtigde", ZakelijkRechtHeeftAlsGerechtigde));

    /// <summary>The shape of <c>objectIdentificatie</c> per <c>objectType</c>; types without one are absent.</summary>
    public static readonly IReadOnlyDictionary<string, GegevensShape> ByType = new Dictionary<string, GegevensShape>
    {
        ["adres"] = Adres,
        ["buurt"] = Buurt,
        ["gemeente"] = Gemeente,
        ["gemeentelijke_openbare_ruimte"] = GemeentelijkeOpenbareRuimte,
        ["huishouden"] = Huishouden,
        ["inrichtingselement"] = Inrichtingselement,
        ["kadastrale_onroerende_zaak"] = KadastraleOnroerendeZaak,
        ["kunstwerkdeel"] = Kunstwerkdeel,
        ["maatschappelijke_activiteit"] = MaatschappelijkeActiviteit,
        ["medewerker"] = BetrokkeneShapes.Medewerker,
        ["natuurlijk_persoon"] = BetrokkeneShapes.NatuurlijkPersoon,
        ["niet_natuurlijk_persoon"] = BetrokkeneShapes.NietNatuurlijkPersoon,
        ["openbare_ruimte"] = OpenbareRuimte,
        ["organisatorische_eenheid"] = BetrokkeneShapes.OrganisatorischeEenheid,
        ["pand"] = Pand,
        ["spoorbaandeel"] = Spoorbaandeel,
        ["terreindeel"] = Terreindeel,
        ["terrein_gebouwd_object"] = TerreinGebouwdObject,
        ["vestiging"] = BetrokkeneShapes.Vestiging,
        ["waterdeel"] = Waterdeel,
        ["wegdeel"] = Wegdeel,
        ["wijk"] = Wijk,
        ["woonplaats"] = Woonplaats,
        ["woz_deelobject"] = WozDeelobject,
        ["woz_object"] = WozObject,
        ["woz_waarde"] = WozWaarde,
        ["zakelijk_recht"] = ZakelijkRecht,
        ["overige"] = Overige,
    };
}
