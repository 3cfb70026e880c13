using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Suite.Tests;

/// <summary>
/// Issue 9: the life of a zaak across all six services, through the gateway, with the services' real authorisation
/// (clients registered through the Autorisaties service) and real notifications (outbox → RabbitMQ → Notificaties →
/// the subscriber's callback). Each step asserts what the standard says the step does; the notifications and the audit
/// trails are checked at the end, against what the steps did.
/// </summary>
public sealed class ZaakLifecycleTests(SuiteHost suite, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SuiteHost>
{
    private const string Bronorganisatie = "517439943";
    private const string Secret = "een-geheim-van-minstens-32-tekens!!";
    private const string Catalogi = "/catalogi/api/v1";
    private const string Zaken = "/zaken/api/v1";
    private const string Documenten = "/documenten/api/v1";
    private const string Besluiten = "/besluiten/api/v1";

    /// <summary>A selectielijst procestype and a resultaat of it (waardering blijvend_bewaren, no procestermijn) in the fixture.</summary>
    private const string Procestype = "procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d";
    private const string SelectielijstResultaat = "resultaten/5b0c1a9e-8d2f-4e3a-b6c7-1f2e3d4c5b6a";
    private const string ResultaattypeomschrijvingAfgehandeld = "resultaattypeomschrijvingen/7cb315fb-4f7b-4a43-aca1-e4522e4c73b3";

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>What a notification says, as the subscriber checks it.</summary>
    private sealed record Notified(string Kanaal, string HoofdObject, string Resource, string ResourceUrl, string Actie);

    /// <summary>The types the catalogus step made.</summary>
    private sealed record Types(string Catalogus, string Zaaktype, string[] Statustypen, string Resultaattype, string Roltype,
        string Informatieobjecttype, string Besluittype)
    {
        public string Eindstatustype => Statustypen[^1];
    }

    [Fact]
    public async Task Zaak_Lifecycle_FromCatalogusToArchivedZaak_AcrossAllSixServices()
    {
        var expected = new List<Notified>();

        // --- Autorisaties: a beheerder of the catalogi and the autorisaties, registered through the admin API ----------------
        var beheerderId = Unique("catalogusbeheer-");
        await suite.RegisterCredentialAsync(beheerderId, Secret, "Catalogusbeheer", [
            new { component = "ztc", scopes = new[] { "catalogi.lezen", "catalogi.schrijven" } },
            new { component = "ac", scopes = new[] { "autorisaties.lezen", "autorisaties.bijwerken" } },
        ]);
        var beheerder = new SuiteClient(suite.Through(beheerderId, Secret), "beheerder");

        // --- Catalogi: catalogus, types, published ----------------------------------------------------------------------------
        var types = await CatalogusAsync(beheerder);

        // --- Autorisaties: the zaakafhandelapp (secret through the admin API, applicatie through the standard API) and the
        //     subscriber's applicatie --------------------------------------------------------------------------------------
        var appId = Unique("zaakafhandelapp-");
        await suite.RegisterCredentialAsync(appId, Secret);
        var applicatie = await beheerder.PostAsync("/autorisaties/api/v1/applicaties", new
        {
            clientIds = new[] { appId },
            label = "Zaakafhandelapp",
            heeftAlleAutorisaties = false,
            autorisaties = new object[]
            {
                new
                {
                    component = "zrc", zaaktype = types.Zaaktype, maxVertrouwelijkheidaanduiding = "zeer_geheim",
                    scopes = new[] { "zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.statussen.toevoegen", "audittrails.lezen" },
                },
                new
                {
                    component = "drc", informatieobjecttype = types.Informatieobjecttype, maxVertrouwelijkheidaanduiding = "zeer_geheim",
                    scopes = new[] { "documenten.lezen", "documenten.aanmaken", "documenten.bijwerken", "documenten.lock", "audittrails.lezen" },
                },
                new
                {
                    component = "brc", besluittype = types.Besluittype,
                    scopes = new[] { "besluiten.lezen", "besluiten.aanmaken", "audittrails.lezen" },
                },
                new { component = "ztc", scopes = new[] { "catalogi.lezen" } },
            },
        });
        Assert.Equal([appId], applicatie["clientIds"]!.AsArray().Select(c => c!.GetValue<string>()));
        var app = new SuiteClient(suite.Through(appId, Secret), "zaakafhandelapp");

        var abonneeId = Unique("abonnee-");
        await suite.RegisterCredentialAsync(abonneeId, Secret, "Abonnee", [new { component = "nrc", scopes = new[] { "notificaties.consumeren" } }]);
        var abonnee = new SuiteClient(suite.Through(abonneeId, Secret), "abonnee");

        // --- Notificaties: the subscriber's abonnement on zaken, documenten and besluiten of these types -----------------------
        using var subscriber = new Subscriber();
        var abonnement = await abonnee.PostAsync("/notificaties/api/v1/abonnement", new
        {
            callbackUrl = subscriber.CallbackUrl,
            auth = subscriber.Auth,
            kanalen = new object[]
            {
                new { naam = "zaken", filters = new Dictionary<string, string> { ["zaaktype"] = types.Zaaktype } },
                new { naam = "documenten", filters = new Dictionary<string, string> { ["informatieobjecttype"] = types.Informatieobjecttype } },
                new { naam = "besluiten", filters = new Dictionary<string, string> { ["besluittype"] = types.Besluittype } },
            },
        });
        Assert.StartsWith(SuiteHost.PublicBase + "/notificaties/api/v1/abonnement/", abonnement.Url());

        // --- Zaken: the zaak, its first statussen and a rol -------------------------------------------------------------------
        var zaak = await app.PostAsync($"{Zaken}/zaken", new Dictionary<string, object?>
        {
            ["bronorganisatie"] = Bronorganisatie, ["verantwoordelijkeOrganisatie"] = Bronorganisatie, ["zaaktype"] = types.Zaaktype,
            ["startdatum"] = "2024-03-01", ["registratiedatum"] = "2024-03-01", ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["omschrijving"] = "Melding over een losliggende stoeptegel",
        });
        var zaakUrl = zaak.Url();
        Assert.StartsWith(SuiteHost.PublicBase + "/zaken/api/v1/zaken/", zaakUrl);
        Assert.Null(zaak["einddatum"]);
        expected.Add(new("zaken", zaakUrl, "zaak", zaakUrl, "create"));

        var ontvangen = await app.PostAsync($"{Zaken}/statussen", new
        {
            zaak = zaakUrl, statustype = types.Statustypen[0], datumStatusGezet = "2024-03-01T09:00:00Z", statustoelichting = "Melding ontvangen",
        });
        expected.Add(new("zaken", zaakUrl, "status", ontvangen.Url(), "create"));

        var rol = await app.PostAsync($"{Zaken}/rollen", new
        {
            zaak = zaakUrl, betrokkeneType = "natuurlijk_persoon", roltype = types.Roltype, roltoelichting = "Melder",
            betrokkeneIdentificatie = new { inpBsn = "111222333", geslachtsnaam = "Jansen" },
        });
        Assert.Equal("initiator", rol.Text("omschrijvingGeneriek"));
        expected.Add(new("zaken", zaakUrl, "rol", rol.Url(), "create"));

        var inBehandeling = await app.PostAsync($"{Zaken}/statussen", new
        {
            zaak = zaakUrl, statustype = types.Statustypen[1], datumStatusGezet = "2024-03-04T09:00:00Z", statustoelichting = "In behandeling",
        });
        expected.Add(new("zaken", zaakUrl, "status", inBehandeling.Url(), "create"));
        Assert.Equal(inBehandeling.Url(), (await app.GetAsync(zaakUrl)).Text("status"));

        // --- Documenten: one document with base64 content, one uploaded in bestandsdelen --------------------------------------
        var foto = await app.PostAsync($"{Documenten}/enkelvoudiginformatieobjecten", DocumentBody(types, "foto.txt",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("Een foto van de stoeptegel"))));
        var fotoUrl = foto.Url();
        Assert.StartsWith(SuiteHost.PublicBase + "/documenten/api/v1/enkelvoudiginformatieobjecten/", fotoUrl);
        expected.Add(new("documenten", fotoUrl, "enkelvoudiginformatieobject", fotoUrl, "create"));

        var rapportInhoud = Encoding.UTF8.GetBytes("Rapport van de inspectie: de stoeptegel is vervangen en ligt weer vast.");
        var (rapport, rapportDelen) = await UploadInBestandsdelenAsync(app, types, rapportInhoud);
        var rapportUrl = rapport.Url();
        expected.Add(new("documenten", rapportUrl, "enkelvoudiginformatieobject", rapportUrl, "create"));

        // zaakinformatieobjecten, each mirrored by Zaken as an objectinformatieobject in Documenten (zrc-005)
        var zios = new List<JsonObject>();
        foreach (var (document, titel) in new[] { (fotoUrl, "Foto"), (rapportUrl, "Inspectierapport") })
        {
            var zio = await app.PostAsync($"{Zaken}/zaakinformatieobjecten", new { informatieobject = document, zaak = zaakUrl, titel });
            Assert.Equal(document, zio.Text("informatieobject"));
            zios.Add(zio);
            expected.Add(new("zaken", zaakUrl, "zaakinformatieobject", zio.Url(), "create"));
        }
        var zaakMirrors = await app.ListAsync($"{Documenten}/objectinformatieobjecten?object={Uri.EscapeDataString(zaakUrl)}");
        Assert.Equal(new[] { fotoUrl, rapportUrl }.Order(StringComparer.Ordinal),
            zaakMirrors.Select(m => m.Text("informatieobject")).Order(StringComparer.Ordinal));
        Assert.All(zaakMirrors, m =>
        {
            Assert.Equal("zaak", m.Text("objectType"));
            Assert.Equal(zaakUrl, m.Text("object"));
        });

        // --- Besluiten: a besluit on the zaak (mirrored as zaakbesluit) and a besluitinformatieobject (mirrored as
        //     objectinformatieobject) ---------------------------------------------------------------------------------------
        var besluit = await app.PostAsync($"{Besluiten}/besluiten", new
        {
            verantwoordelijkeOrganisatie = Bronorganisatie, besluittype = types.Besluittype, zaak = zaakUrl,
            datum = "2024-05-15", ingangsdatum = "2024-05-15", toelichting = "De stoeptegel wordt vervangen",
        });
        var besluitUrl = besluit.Url();
        Assert.StartsWith(SuiteHost.PublicBase + "/besluiten/api/v1/besluiten/", besluitUrl);
        Assert.Equal(zaakUrl, besluit.Text("zaak"));
        expected.Add(new("besluiten", besluitUrl, "besluit", besluitUrl, "create"));

        var zaakbesluit = Assert.Single(await app.ListAsync($"{SuiteClient.PathOf(zaakUrl)}/besluiten"))!;
        Assert.Equal(besluitUrl, zaakbesluit.Text("besluit"));
        expected.Add(new("zaken", zaakUrl, "zaakbesluit", zaakbesluit.Url(), "create"));

        var bio = await app.PostAsync($"{Besluiten}/besluitinformatieobjecten", new { informatieobject = rapportUrl, besluit = besluitUrl });
        Assert.Equal(rapportUrl, bio.Text("informatieobject"));
        Assert.Equal(besluitUrl, bio.Text("besluit"));
        expected.Add(new("besluiten", besluitUrl, "besluitinformatieobject", bio.Url(), "create"));
        var besluitMirror = Assert.Single(await app.ListAsync($"{Documenten}/objectinformatieobjecten?object={Uri.EscapeDataString(besluitUrl)}"))!;
        Assert.Equal("besluit", besluitMirror.Text("objectType"));
        Assert.Equal(rapportUrl, besluitMirror.Text("informatieobject"));

        // --- Zaken: resultaat and eindstatus close the zaak; einddatum and the archive fields are derived (zrc-007, zrc-021)
        var resultaat = await app.PostAsync($"{Zaken}/resultaten", new { zaak = zaakUrl, resultaattype = types.Resultaattype, toelichting = "Opgelost" });
        expected.Add(new("zaken", zaakUrl, "resultaat", resultaat.Url(), "create"));
        var eindstatus = await app.PostAsync($"{Zaken}/statussen", new
        {
            zaak = zaakUrl, statustype = types.Eindstatustype, datumStatusGezet = "2024-06-03T10:00:00Z", statustoelichting = "Afgehandeld",
        });
        expected.Add(new("zaken", zaakUrl, "status", eindstatus.Url(), "create"));

        var gesloten = await app.GetAsync(zaakUrl);
        Assert.Equal("2024-06-03", gesloten.Text("einddatum"));
        Assert.Equal(eindstatus.Url(), gesloten.Text("status"));
        Assert.Equal(resultaat.Url(), gesloten.Text("resultaat"));
        Assert.Equal("blijvend_bewaren", gesloten.Text("archiefnominatie"));   // from the resultaattype
        Assert.Equal("2044-06-03", gesloten.Text("archiefactiedatum"));       // afleidingswijze afgehandeld: einddatum + P20Y
        Assert.Equal("nog_te_archiveren", gesloten.Text("archiefstatus"));
        var gesloteZaken = await app.GetAsync($"{Zaken}/zaken?zaaktype={Uri.EscapeDataString(types.Zaaktype)}&archiefactiedatum=2044-06-03");
        Assert.Equal(1, gesloteZaken["count"]!.GetValue<int>());

        // --- Notificaties: the subscriber got one notification per step ---------------------------------------------------------
        try
        {
            await AssertNotifiedAsync(subscriber, expected, types, zaakUrl);
        }
        finally
        {
            Log("notifications received", subscriber.Received());
        }

        // --- Audit trails of zaak, document and besluit ------------------------------------------------------------------------
        var zaakAudit = await app.ListAsync($"{SuiteClient.PathOf(zaakUrl)}/audittrail");
        Log("audittrail zaak", zaakAudit);
        Assert.Equal(
            new[]
            {
                ("zaak", zaakUrl, "create"), ("status", ontvangen.Url(), "create"), ("rol", rol.Url(), "create"),
                ("status", inBehandeling.Url(), "create"), ("zaakinformatieobject", zios[0].Url(), "create"),
                ("zaakinformatieobject", zios[1].Url(), "create"), ("zaakbesluit", zaakbesluit.Url(), "create"),
                ("resultaat", resultaat.Url(), "create"), ("status", eindstatus.Url(), "create"),
            },
            zaakAudit.Select(a => (a.Text("resource"), a.Text("resourceUrl"), a.Text("actie"))).ToArray());
        Assert.All(zaakAudit, a =>
        {
            Assert.Equal("zrc", a.Text("bron"));
            Assert.Equal(zaakUrl, a.Text("hoofdObject"));
        });

        // documents: the creation, the parts of the upload and the unlock that joined them, the mirrors of the relations
        var fotoAudit = await app.ListAsync($"{SuiteClient.PathOf(fotoUrl)}/audittrail");
        Log("audittrail foto", fotoAudit);
        Assert.Equal(
            new[] { ("enkelvoudiginformatieobject", fotoUrl, "create"), ("objectinformatieobject", zaakMirrors.Single(m => m.Text("informatieobject") == fotoUrl).Url(), "create") },
            fotoAudit.Select(a => (a.Text("resource"), a.Text("resourceUrl"), a.Text("actie"))).ToArray());
        var rapportAudit = await app.ListAsync($"{SuiteClient.PathOf(rapportUrl)}/audittrail");
        Log("audittrail rapport", rapportAudit);
        (string, string, string)[] rapportActies =
        [
            ("enkelvoudiginformatieobject", rapportUrl, "create"),
            .. rapportDelen.Select(d => ("bestandsdeel", d, "update")),
            ("enkelvoudiginformatieobject", rapportUrl, "unlock"),
            ("objectinformatieobject", zaakMirrors.Single(m => m.Text("informatieobject") == rapportUrl).Url(), "create"),
            ("objectinformatieobject", besluitMirror.Url(), "create"),
        ];
        Assert.Equal(rapportActies,
            rapportAudit.Select(a => (a.Text("resource"), a.Text("resourceUrl"), a.Text("actie"))).ToArray());
        Assert.All(fotoAudit, a => Assert.Equal(("drc", fotoUrl), (a.Text("bron"), a.Text("hoofdObject"))));
        Assert.All(rapportAudit, a => Assert.Equal(("drc", rapportUrl), (a.Text("bron"), a.Text("hoofdObject"))));

        var besluitAudit = await app.ListAsync($"{SuiteClient.PathOf(besluitUrl)}/audittrail");
        Log("audittrail besluit", besluitAudit);
        Assert.Equal(
            new[] { ("besluit", besluitUrl, "create"), ("besluitinformatieobject", bio.Url(), "create") },
            besluitAudit.Select(a => (a.Text("resource"), a.Text("resourceUrl"), a.Text("actie"))).ToArray());
        Assert.All(besluitAudit, a =>
        {
            Assert.Equal("brc", a.Text("bron"));
            Assert.Equal(besluitUrl, a.Text("hoofdObject"));
        });
    }

    private void Log(string what, IEnumerable<JsonNode?> items)
    {
        output.WriteLine(what + ":");
        foreach (var item in items)
            output.WriteLine("  " + string.Join(" ", new[] { "kanaal", "resource", "actie", "resourceUrl", "hoofdObject" }
                .Where(k => item?[k] is not null).Select(k => $"{k}={item![k]}")));
    }

    /// <summary>
    /// A catalogus with an informatieobjecttype, a besluittype for it, and a zaaktype with three statustypen (the last the
    /// eindstatus), a resultaattype with archive settings, a roltype, the zaaktype-informatieobjecttype and the besluittype,
    /// all published.
    /// </summary>
    private async Task<Types> CatalogusAsync(SuiteClient beheerder)
    {
        var catalogus = (await beheerder.PostAsync($"{Catalogi}/catalogussen", new Dictionary<string, object?>
        {
            ["domein"] = Unique("")[..5].ToUpperInvariant(), ["rsin"] = "000000000", ["contactpersoonBeheerNaam"] = "Beheerder",
            ["naam"] = "Openbare ruimte", ["versie"] = "1", ["begindatumVersie"] = "2024-01-01",
        })).Url();

        var iotOmschrijving = Unique("Melding-");
        var iot = (await beheerder.PostAsync($"{Catalogi}/informatieobjecttypen", new Dictionary<string, object?>
        {
            ["catalogus"] = catalogus, ["omschrijving"] = iotOmschrijving, ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["beginGeldigheid"] = "2024-01-01", ["informatieobjectcategorie"] = "melding",
        })).Url();
        await beheerder.PostAsync($"{SuiteClient.PathOf(iot)}/publish", new { }, HttpStatusCode.OK);

        var btOmschrijving = Unique("Herstelbesluit-");
        var besluittype = (await beheerder.PostAsync($"{Catalogi}/besluittypen", new Dictionary<string, object?>
        {
            ["catalogus"] = catalogus, ["omschrijving"] = btOmschrijving, ["besluitcategorie"] = "besluit", ["reactietermijn"] = "P14D",
            ["publicatieIndicatie"] = false, ["informatieobjecttypen"] = new[] { iotOmschrijving }, ["beginGeldigheid"] = "2024-01-01",
        })).Url();
        await beheerder.PostAsync($"{SuiteClient.PathOf(besluittype)}/publish", new { }, HttpStatusCode.OK);

        var zaaktype = (await beheerder.PostAsync($"{Catalogi}/zaaktypen", new Dictionary<string, object?>
        {
            ["identificatie"] = Unique("MOR-"), ["omschrijving"] = "Melding openbare ruimte", ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["doel"] = "Meldingen afhandelen", ["aanleiding"] = "Een melding", ["indicatieInternOfExtern"] = "extern",
            ["handelingInitiator"] = "Melden", ["onderwerp"] = "Openbare ruimte", ["handelingBehandelaar"] = "Behandelen",
            ["doorlooptijd"] = "P30D", ["opschortingEnAanhoudingMogelijk"] = false, ["verlengingMogelijk"] = false,
            ["publicatieIndicatie"] = false, ["productenOfDiensten"] = Array.Empty<string>(),
            ["selectielijstProcestype"] = suite.Sl(Procestype), ["referentieproces"] = new { naam = "Melding" },
            ["verantwoordelijke"] = "Gemeente", ["catalogus"] = catalogus, ["besluittypen"] = new[] { btOmschrijving },
            ["deelzaaktypen"] = Array.Empty<string>(), ["gerelateerdeZaaktypen"] = Array.Empty<object>(),
            ["beginGeldigheid"] = "2024-01-01", ["versiedatum"] = "2024-01-01",
        })).Url();
        var statustypen = new List<string>();
        foreach (var (omschrijving, volgnummer) in new[] { ("Ontvangen", 1), ("In behandeling", 2), ("Afgehandeld", 3) })
            statustypen.Add((await beheerder.PostAsync($"{Catalogi}/statustypen", new { zaaktype, omschrijving, volgnummer, informeren = false })).Url());
        var resultaattype = (await beheerder.PostAsync($"{Catalogi}/resultaattypen", new Dictionary<string, object?>
        {
            ["zaaktype"] = zaaktype, ["omschrijving"] = "Opgelost", ["resultaattypeomschrijving"] = suite.Sl(ResultaattypeomschrijvingAfgehandeld),
            ["selectielijstklasse"] = suite.Sl(SelectielijstResultaat), ["archiefnominatie"] = "blijvend_bewaren", ["archiefactietermijn"] = "P20Y",
            ["brondatumArchiefprocedure"] = new { afleidingswijze = "afgehandeld" },
        })).Url();
        var roltype = (await beheerder.PostAsync($"{Catalogi}/roltypen", new { zaaktype, omschrijving = "Melder", omschrijvingGeneriek = "initiator" })).Url();
        await beheerder.PostAsync($"{Catalogi}/zaaktype-informatieobjecttypen",
            new { zaaktype, informatieobjecttype = iotOmschrijving, volgnummer = 1, richting = "inkomend" });
        var published = await beheerder.PostAsync($"{SuiteClient.PathOf(zaaktype)}/publish", new { }, HttpStatusCode.OK);
        Assert.False(published["concept"]!.GetValue<bool>());

        // the published zaaktype names its statustypen (the last is the eindstatus), resultaattype, roltype, besluittype and
        // informatieobjecttype; the besluittype its informatieobjecttype
        var gelezen = await beheerder.GetAsync(zaaktype);
        Assert.Equal(statustypen, gelezen["statustypen"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([resultaattype], gelezen["resultaattypen"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([roltype], gelezen["roltypen"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([besluittype], gelezen["besluittypen"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([iot], gelezen["informatieobjecttypen"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True((await beheerder.GetAsync(statustypen[^1]))["isEindstatus"]!.GetValue<bool>());
        var bt = await beheerder.GetAsync(besluittype);
        Assert.Equal([iot], bt["informatieobjecttypen"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.False(bt["concept"]!.GetValue<bool>());

        return new Types(catalogus, zaaktype, [.. statustypen], resultaattype, roltype, iot, besluittype);
    }

    private static Dictionary<string, object?> DocumentBody(Types types, string bestandsnaam, string? inhoud) => new()
    {
        ["bronorganisatie"] = Bronorganisatie, ["creatiedatum"] = "2024-03-05", ["titel"] = bestandsnaam, ["auteur"] = "Inspecteur",
        ["taal"] = "dut", ["bestandsnaam"] = bestandsnaam, ["formaat"] = "text/plain", ["inhoud"] = inhoud,
        ["informatieobjecttype"] = types.Informatieobjecttype, ["vertrouwelijkheidaanduiding"] = "openbaar",
        ["indicatieGebruiksrecht"] = false,   // zrc-007: every document of a zaak that is closed has it set
    };

    /// <summary>
    /// A document created with <c>bestandsomvang</c> and no <c>inhoud</c>, its parts uploaded, then unlocked (D10); answers the
    /// document and the URLs of its parts in upload order.
    /// </summary>
    private static async Task<(JsonObject Document, string[] Delen)> UploadInBestandsdelenAsync(SuiteClient app, Types types, byte[] inhoud)
    {
        var body = DocumentBody(types, "rapport.txt", null);
        body["bestandsomvang"] = inhoud.Length;
        var created = await app.PostAsync($"{Documenten}/enkelvoudiginformatieobjecten", body);
        var lockId = created.Text("lock");
        var delen = created["bestandsdelen"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal((int)Math.Ceiling(inhoud.Length / (double)SuiteHost.BestandsdeelGrootte), delen.Count);
        foreach (var deel in delen)
        {
            var begin = (deel["volgnummer"]!.GetValue<int>() - 1) * (int)SuiteHost.BestandsdeelGrootte;
            var form = new MultipartFormDataContent { { new StringContent(lockId), "lock" } };
            var file = new ByteArrayContent(inhoud[begin..(begin + deel["omvang"]!.GetValue<int>())]);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "inhoud", "rapport.txt");
            var uploaded = (await app.SendAsync(HttpMethod.Put, deel.Url(), form, HttpStatusCode.OK)).AsObject();
            Assert.True(uploaded["voltooid"]!.GetValue<bool>());
        }
        await app.SendAsync(HttpMethod.Post, $"{SuiteClient.PathOf(created.Url())}/unlock", new { @lock = lockId }, HttpStatusCode.NoContent);

        var document = await app.GetAsync(created.Url());
        Assert.False(document["locked"]!.GetValue<bool>());
        Assert.Empty(document["bestandsdelen"]!.AsArray());
        Assert.Equal(inhoud.Length, document["bestandsomvang"]!.GetValue<long>());
        Assert.Equal(inhoud, await app.DownloadAsync(created.Url()));
        return (document, delen.Select(d => d.Url()).ToArray());
    }

    /// <summary>
    /// Waits until the subscriber has every expected notification, then checks that it got nothing else about these objects
    /// and that each carries the kenmerken of its kanaal.
    /// </summary>
    private static async Task AssertNotifiedAsync(Subscriber subscriber, List<Notified> expected, Types types, string zaakUrl)
    {
        static Notified Of(JsonObject n) => new(n.Text("kanaal"), n.Text("hoofdObject"), n.Text("resource"), n.Text("resourceUrl"), n.Text("actie"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!expected.All(e => subscriber.Received().Select(Of).Contains(e)) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        await Task.Delay(500); // anything that would come on top
        var received = subscriber.Received();
        var missing = expected.Except(received.Select(Of)).ToList();
        Assert.True(missing.Count == 0, "not notified: " + string.Join("; ", missing));
        Assert.Equal(expected.OrderBy(e => e.ToString(), StringComparer.Ordinal),
            received.Select(Of).Distinct().OrderBy(e => e.ToString(), StringComparer.Ordinal));

        foreach (var n in received)
        {
            var kenmerken = n["kenmerken"]!.AsObject();
            switch (n.Text("kanaal"))
            {
                case "zaken":
                    Assert.Equal(zaakUrl, n.Text("hoofdObject"));
                    Assert.Equal(types.Zaaktype, kenmerken.Text("zaaktype"));
                    Assert.Equal(Bronorganisatie, kenmerken.Text("bronorganisatie"));
                    Assert.Equal("openbaar", kenmerken.Text("vertrouwelijkheidaanduiding"));
                    break;
                case "documenten":
                    Assert.Equal(types.Informatieobjecttype, kenmerken.Text("informatieobjecttype"));
                    Assert.Equal(Bronorganisatie, kenmerken.Text("bronorganisatie"));
                    break;
                case "besluiten":
                    Assert.Equal(types.Besluittype, kenmerken.Text("besluittype"));
                    Assert.Equal(Bronorganisatie, kenmerken.Text("verantwoordelijkeOrganisatie"));
                    break;
                default:
                    Assert.Fail("unexpected kanaal " + n.ToJsonString());
                    break;
            }
            Assert.True(DateTimeOffset.TryParse(n.Text("aanmaakdatum"), out _));
        }

        // per hoofdObject in the order the steps happened (the relay keeps one object's rows in commit order)
        foreach (var group in expected.GroupBy(e => e.HoofdObject))
            Assert.Equal(group.ToList(), received.Select(Of).Where(r => r.HoofdObject == group.Key).Distinct().ToList());
    }
}
