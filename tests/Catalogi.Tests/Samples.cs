using System.Text.Json.Nodes;

namespace Catalogi.Tests;

/// <summary>Valid request bodies of every resource, and helpers that create a small catalogus through the API.</summary>
public sealed class Samples(CatalogiApp app)
{
    public static string Unique(string prefix = "") => prefix + Guid.NewGuid().ToString("N")[..8];

    public static Dictionary<string, object?> Catalogus() => new()
    {
        ["domein"] = Unique()[..5].ToUpperInvariant(),
        ["rsin"] = "000000000",
        ["contactpersoonBeheerNaam"] = "Beheerder",
        ["contactpersoonBeheerTelefoonnummer"] = "0201234567",
        ["contactpersoonBeheerEmailadres"] = "beheer@example.nl",
        ["naam"] = "Testcatalogus",
        ["versie"] = "1",
        ["begindatumVersie"] = "2024-01-01",
    };

    public Dictionary<string, object?> Zaaktype(string catalogus, string? identificatie = null, string begin = "2024-01-01", string? einde = null,
        string[]? besluittypen = null, string[]? deelzaaktypen = null) => new()
    {
        ["identificatie"] = identificatie ?? Unique("ZT-"),
        ["omschrijving"] = "Melding openbare ruimte",
        ["vertrouwelijkheidaanduiding"] = "openbaar",
        ["doel"] = "Meldingen afhandelen",
        ["aanleiding"] = "Een melding",
        ["indicatieInternOfExtern"] = "extern",
        ["handelingInitiator"] = "Melden",
        ["onderwerp"] = "Openbare ruimte",
        ["handelingBehandelaar"] = "Behandelen",
        ["doorlooptijd"] = "P30D",
        ["opschortingEnAanhoudingMogelijk"] = false,
        ["verlengingMogelijk"] = true,
        ["verlengingstermijn"] = "P10D",
        ["trefwoorden"] = new[] { "melding", "openbare ruimte" },
        ["publicatieIndicatie"] = false,
        ["productenOfDiensten"] = new[] { "https://example.nl/producten/1" },
        ["selectielijstProcestype"] = app.Sl(CatalogiApp.Procestype),
        ["referentieproces"] = new { naam = "Melding", link = "https://example.nl/processen/melding" },
        ["verantwoordelijke"] = "Gemeente",
        ["catalogus"] = catalogus,
        ["besluittypen"] = besluittypen ?? [],
        ["deelzaaktypen"] = deelzaaktypen ?? [],
        ["gerelateerdeZaaktypen"] = Array.Empty<object>(),
        ["beginGeldigheid"] = begin,
        ["eindeGeldigheid"] = einde,
        ["versiedatum"] = begin,
    };

    public static Dictionary<string, object?> Besluittype(string catalogus, string? omschrijving = null, string[]? informatieobjecttypen = null,
        string begin = "2024-01-01", string? einde = null) => new()
    {
        ["catalogus"] = catalogus,
        ["omschrijving"] = omschrijving ?? Unique("BT-"),
        ["besluitcategorie"] = "besluit",
        ["reactietermijn"] = "P14D",
        ["publicatieIndicatie"] = false,
        ["informatieobjecttypen"] = informatieobjecttypen ?? [],
        ["beginGeldigheid"] = begin,
        ["eindeGeldigheid"] = einde,
    };

    public static Dictionary<string, object?> Informatieobjecttype(string catalogus, string? omschrijving = null, string begin = "2024-01-01",
        string? einde = null) => new()
    {
        ["catalogus"] = catalogus,
        ["omschrijving"] = omschrijving ?? Unique("IOT-"),
        ["vertrouwelijkheidaanduiding"] = "openbaar",
        ["beginGeldigheid"] = begin,
        ["eindeGeldigheid"] = einde,
        ["informatieobjectcategorie"] = "melding",
        ["trefwoord"] = new[] { "melding" },
    };

    public static Dictionary<string, object?> Statustype(string zaaktype, int volgnummer) => new()
    {
        ["zaaktype"] = zaaktype,
        ["omschrijving"] = $"Status {volgnummer}",
        ["volgnummer"] = volgnummer,
        ["informeren"] = false,
        ["checklistitemStatustype"] = new[] { new { itemnaam = "Controle", vraagstelling = "Is alles gecontroleerd?", verplicht = true } },
    };

    public static Dictionary<string, object?> Roltype(string zaaktype, string omschrijvingGeneriek = "initiator") => new()
    {
        ["zaaktype"] = zaaktype,
        ["omschrijving"] = "Melder",
        ["omschrijvingGeneriek"] = omschrijvingGeneriek,
    };

    public Dictionary<string, object?> Resultaattype(string zaaktype, string? omschrijving = null, string? selectielijstklasse = null,
        object? brondatumArchiefprocedure = null) => new()
    {
        ["zaaktype"] = zaaktype,
        ["omschrijving"] = omschrijving ?? Unique("RT-"),
        ["resultaattypeomschrijving"] = app.Sl(CatalogiApp.Afgehandeld),
        ["selectielijstklasse"] = selectielijstklasse ?? app.Sl(CatalogiApp.ResultaatNihil),
        ["brondatumArchiefprocedure"] = brondatumArchiefprocedure ?? new { afleidingswijze = "afgehandeld" },
    };

    public static Dictionary<string, object?> Eigenschap(string zaaktype, string? naam = null, string formaat = "tekst", string lengte = "20") => new()
    {
        ["zaaktype"] = zaaktype,
        ["naam"] = naam ?? Unique("E")[..8],
        ["definitie"] = "Een eigenschap",
        ["specificatie"] = new { formaat, lengte, kardinaliteit = "1", waardenverzameling = Array.Empty<string>() },
    };

    public static Dictionary<string, object?> ZaaktypeInformatieobjecttype(string zaaktype, string informatieobjecttype, int volgnummer = 1) => new()
    {
        ["zaaktype"] = zaaktype,
        ["informatieobjecttype"] = informatieobjecttype,
        ["volgnummer"] = volgnummer,
        ["richting"] = "inkomend",
    };

    public static Dictionary<string, object?> Zaakobjecttype(string zaaktype, string catalogus) => new()
    {
        ["zaaktype"] = zaaktype,
        ["catalogus"] = catalogus,
        ["anderObjecttype"] = false,
        ["objecttype"] = "https://objecttypen.example.nl/api/v2/objecttypes/1",
        ["relatieOmschrijving"] = "Melding over",
    };

    public async Task<string> CatalogusAsync() => Url(await app.CreateAsync("catalogussen", Catalogus()));

    public async Task<string> ZaaktypeAsync(string catalogus, string? identificatie = null, string begin = "2024-01-01", string? einde = null,
        string[]? besluittypen = null) =>
        Url(await app.CreateAsync("zaaktypen", Zaaktype(catalogus, identificatie, begin, einde, besluittypen)));

    /// <summary>A zaaktype with the minimum Open Zaak publishes (two statustypen, a resultaattype, a roltype).</summary>
    public async Task<string> PublishableZaaktypeAsync(string catalogus, string? identificatie = null, string begin = "2024-01-01",
        string? einde = null, string[]? besluittypen = null)
    {
        var zaaktype = await ZaaktypeAsync(catalogus, identificatie, begin, einde, besluittypen);
        await app.CreateAsync("statustypen", Statustype(zaaktype, 1));
        await app.CreateAsync("statustypen", Statustype(zaaktype, 2));
        await app.CreateAsync("resultaattypen", Resultaattype(zaaktype));
        await app.CreateAsync("roltypen", Roltype(zaaktype));
        return zaaktype;
    }

    public async Task<string> PublishedZaaktypeAsync(string catalogus, string? identificatie = null, string begin = "2024-01-01", string? einde = null)
    {
        var zaaktype = await PublishableZaaktypeAsync(catalogus, identificatie, begin, einde);
        await app.PublishAsync(zaaktype);
        return zaaktype;
    }

    public static string Url(JsonObject o) => o["url"]!.GetValue<string>();
}
