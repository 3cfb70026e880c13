using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>The URLs of a published zaaktype and its parts, as <see cref="CatalogiSeed.ZaaktypeAsync"/> made them.</summary>
public sealed record ZaaktypeSet(
    string Url,
    string Catalogus,
    IReadOnlyList<string> Statustypen,   // volgnummer 1, 2, 3: the last is the eindstatus
    string Resultaattype,                 // afleidingswijze afgehandeld, archiefnominatie vernietigen, archiefactietermijn P10Y
    string RoltypeInitiator,
    string RoltypeBehandelaar,
    string RoltypeZaakcoordinator,
    string Eigenschap,                    // naam "datum", formaat datum
    string Informatieobjecttype,          // linked through a zaaktype-informatieobjecttype
    string Zaakobjecttype)
{
    public string Eindstatustype => Statustypen[^1];

    /// <summary>The zaaktype's identificatie (what deelzaaktypen of another zaaktype name).</summary>
    public string Identificatie { get; init; } = "";
}

/// <summary>Builds catalogi in the real Catalogi service through its API (as a beheerder), zaaktypen with all their parts too.</summary>
public sealed class CatalogiSeed(ZakenApp app) : CatalogiSeeder(app.CatalogiClient)
{
    public const string Procestype = "procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d";
    /// <summary>A selectielijst resultaat without procestermijn: any afleidingswijze is allowed (ztc-003).</summary>
    public const string ResultaatZonderTermijn = "resultaten/5b0c1a9e-8d2f-4e3a-b6c7-1f2e3d4c5b6a";
    public const string Afgehandeld = "resultaattypeomschrijvingen/7cb315fb-4f7b-4a43-aca1-e4522e4c73b3";

    /// <summary>
    /// A published zaaktype with three statustypen, one resultaattype (<paramref name="brondatumArchiefprocedure"/>,
    /// default afgehandeld), roltypen initiator/behandelaar/zaakcoordinator, an eigenschap "datum", an informatieobjecttype
    /// and a zaakobjecttype. <paramref name="change"/> edits the zaaktype body before it is created (e.g. deelzaaktypen).
    /// </summary>
    public async Task<ZaaktypeSet> ZaaktypeAsync(string catalogus, object? brondatumArchiefprocedure = null,
        Action<Dictionary<string, object?>>? change = null, string vertrouwelijkheid = "openbaar", string? archiefactietermijn = "P10Y")
    {
        var iotOmschrijving = Unique("IOT-");
        var iot = await InformatieobjecttypeAsync(catalogus, omschrijving: iotOmschrijving);
        var identificatie = Unique("ZT-");
        var body = new Dictionary<string, object?>
        {
            ["identificatie"] = identificatie,
            ["omschrijving"] = "Melding openbare ruimte",
            ["vertrouwelijkheidaanduiding"] = vertrouwelijkheid,
            ["doel"] = "Meldingen afhandelen",
            ["aanleiding"] = "Een melding",
            ["indicatieInternOfExtern"] = "extern",
            ["handelingInitiator"] = "Melden",
            ["onderwerp"] = "Openbare ruimte",
            ["handelingBehandelaar"] = "Behandelen",
            ["doorlooptijd"] = "P30D",
            ["servicenorm"] = "P20D",
            ["opschortingEnAanhoudingMogelijk"] = false,
            ["verlengingMogelijk"] = true,
            ["verlengingstermijn"] = "P10D",
            ["publicatieIndicatie"] = false,
            ["productenOfDiensten"] = new[] { "https://example.nl/producten/1", "https://example.nl/producten/2" },
            ["selectielijstProcestype"] = app.Sl(Procestype),
            ["referentieproces"] = new { naam = "Melding" },
            ["verantwoordelijke"] = "Gemeente",
            ["catalogus"] = catalogus,
            ["besluittypen"] = Array.Empty<string>(),
            ["deelzaaktypen"] = Array.Empty<string>(),
            ["gerelateerdeZaaktypen"] = Array.Empty<object>(),
            ["beginGeldigheid"] = "2024-01-01",
            ["versiedatum"] = "2024-01-01",
        };
        change?.Invoke(body);
        var zaaktype = Url(await CreateAsync("zaaktypen", body));
        var statustypen = new List<string>();
        for (var i = 1; i <= 3; i++)
            statustypen.Add(Url(await CreateAsync("statustypen", new { zaaktype, omschrijving = $"Status {i}", volgnummer = i, informeren = false })));
        var resultaattype = Url(await CreateAsync("resultaattypen", new Dictionary<string, object?>
        {
            ["zaaktype"] = zaaktype,
            ["omschrijving"] = Unique("RT-"),
            ["resultaattypeomschrijving"] = app.Sl(Afgehandeld),
            ["selectielijstklasse"] = app.Sl(ResultaatZonderTermijn),
            ["archiefnominatie"] = "vernietigen",
            ["archiefactietermijn"] = archiefactietermijn,
            ["brondatumArchiefprocedure"] = brondatumArchiefprocedure ?? new { afleidingswijze = "afgehandeld" },
        }));
        var initiator = Url(await CreateAsync("roltypen", new { zaaktype, omschrijving = "Melder", omschrijvingGeneriek = "initiator" }));
        var behandelaar = Url(await CreateAsync("roltypen", new { zaaktype, omschrijving = "Behandelaar", omschrijvingGeneriek = "behandelaar" }));
        var coordinator = Url(await CreateAsync("roltypen", new { zaaktype, omschrijving = "Coordinator", omschrijvingGeneriek = "zaakcoordinator" }));
        var eigenschap = Url(await CreateAsync("eigenschappen", new Dictionary<string, object?>
        {
            ["zaaktype"] = zaaktype,
            ["naam"] = "datum",
            ["definitie"] = "Een datum",
            ["specificatie"] = new { formaat = "datum", lengte = "8", kardinaliteit = "1", waardenverzameling = Array.Empty<string>() },
        }));
        await CreateAsync("zaaktype-informatieobjecttypen", new { zaaktype, informatieobjecttype = iotOmschrijving, volgnummer = 1, richting = "inkomend" });
        var zaakobjecttype = Url(await CreateAsync("zaakobjecttypen", new Dictionary<string, object?>
        {
            ["zaaktype"] = zaaktype,
            ["catalogus"] = catalogus,
            ["anderObjecttype"] = false,
            ["objecttype"] = "https://objecttypen.example.nl/api/v2/objecttypes/1",
            ["relatieOmschrijving"] = "Melding over",
        }));
        await PublishAsync(zaaktype);
        return new ZaaktypeSet(zaaktype, catalogus, statustypen, resultaattype, initiator, behandelaar, coordinator, eigenschap, iot, zaakobjecttype)
        {
            Identificatie = (string?)body["identificatie"] ?? identificatie,
        };
    }
}
