using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catalogi.Api;
using Documenten.Api;
using Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Zaken.Api;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// The suite end to end: the YARP gateway in front of the REAL Catalogi, Zaken and Documenten services (each on its own
/// Kestrel port, one PostgreSQL database with a schema each, RabbitMQ), configured as deploy/local/up.sh does: every
/// process knows every component's internal address (<c>Zgw:Services:{key}:InternalUrl</c>) and the same clients
/// (<c>Zgw:Clients</c>), and each service calls its siblings with its own identity (<c>Zgw:ServiceIdentity</c>):
/// <list type="bullet">
/// <item><c>openzaak-zaken</c>: heeftAlleAutorisaties (reads documents of any type, mirrors zaakinformatieobjecten).</item>
/// <item><c>openzaak-documenten</c>: only what the source check needs — <c>zaken.lezen</c> on the zaaktype (drc-003/004)
/// and <c>catalogi.lezen</c>.</item>
/// <item><c>e2e-client</c>: the end user's application, limited to the zaaktype and the informatieobjecttype.</item>
/// </list>
/// A zaaktype with one informatieobjecttype (zaaktype-informatieobjecttype, zrc-017) is published before Zaken and
/// Documenten start.
/// </summary>
public sealed class SuiteApp : IAsyncLifetime
{
    public const string PublicBase = "https://zgw.example.nl";
    public const string Secret = "geheim";
    public const string Beheerder = "beheerder";
    public const string Client = "e2e-client";
    public const string ZakenIdentity = "openzaak-zaken";
    public const string DocumentenIdentity = "openzaak-documenten";
    public const string Bronorganisatie = "517439943";

    private readonly Dictionary<string, string> _clients = [];
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "documenten-e2e-" + Guid.NewGuid().ToString("N"));

    public PostgresDatabase Database { get; } = new();
    public WebApplicationFactory<CatalogiMarker> Catalogi { get; private set; } = null!;
    public WebApplicationFactory<ZakenMarker> Zaken { get; private set; } = null!;
    public WebApplicationFactory<DocumentenMarker> Documenten { get; private set; } = null!;
    public WebApplicationFactory<GatewayMarker> Gateway { get; private set; } = null!;

    public string Zaaktype { get; private set; } = "";
    public string Informatieobjecttype { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var (catalogiUrl, zakenUrl, documentenUrl) = (ServiceHost.LocalUrl(), ServiceHost.LocalUrl(), ServiceHost.LocalUrl());
        var services = new Dictionary<string, string>
        {
            ["Zgw:Services:catalogi:InternalUrl"] = catalogiUrl,
            ["Zgw:Services:zaken:InternalUrl"] = zakenUrl,
            ["Zgw:Services:documenten:InternalUrl"] = documentenUrl,
        };

        // every process knows every client; grants on the zaaktype/informatieobjecttype are added once these exist (the
        // Catalogi service, started first, needs only the catalogi grants)
        _clients.AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true);
        _clients.AddClient(1, ZakenIdentity, Secret, heeftAlleAutorisaties: true);
        _clients.AddClient(2, DocumentenIdentity, Secret).AddAutorisatie(2, 1, "ztc", ["catalogi.lezen"]);
        _clients.AddClient(3, Client, Secret).AddAutorisatie(3, 2, "ztc", ["catalogi.lezen"]);
        Catalogi = Serve<CatalogiMarker>(catalogiUrl, services, new() { ["Catalogi:StrictPublish"] = "false" });
        await ServiceHost.WaitReadyAsync(Catalogi.CreateClient(), "Catalogi");
        (Zaaktype, Informatieobjecttype) = await SeedAsync(Catalogi.CreateClient().WithToken(Beheerder, Secret));

        // the Documenten service may read zaakinformatieobjecten of this zaaktype (the source check), nothing else of Zaken
        AddGrant(2, 0, "zrc", ("Zaaktype", Zaaktype), ["zaken.lezen"]);
        AddGrant(3, 0, "zrc", ("Zaaktype", Zaaktype), ["zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.verwijderen"]);
        AddGrant(3, 1, "drc", ("Informatieobjecttype", Informatieobjecttype), ["documenten.lezen", "documenten.aanmaken", "documenten.verwijderen"]);

        Zaken = Serve<ZakenMarker>(zakenUrl, services, new()
        {
            ["Zgw:ServiceIdentity:ClientId"] = ZakenIdentity,
            ["Zgw:ServiceIdentity:Secret"] = Secret,
        });
        Documenten = Serve<DocumentenMarker>(documentenUrl, services, new()
        {
            ["Zgw:ServiceIdentity:ClientId"] = DocumentenIdentity,
            ["Zgw:ServiceIdentity:Secret"] = Secret,
            ["Documenten:Storage:Path"] = _storage,
        });
        await ServiceHost.WaitReadyAsync(Zaken.CreateClient(), "Zaken");
        await ServiceHost.WaitReadyAsync(Documenten.CreateClient(), "Documenten");

        Gateway = new WebApplicationFactory<GatewayMarker>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Zgw:PublicBaseUrl", PublicBase);
            foreach (var (k, v) in services.Concat(_clients))
                b.UseSetting(k, v);
        });
    }

    /// <summary>A service on Kestrel at <paramref name="url"/> with the common settings, the clients and <paramref name="own"/>.</summary>
    private WebApplicationFactory<T> Serve<T>(string url, Dictionary<string, string> services, Dictionary<string, string> own) where T : class
    {
        var settings = new ServiceSettings(Database, PublicBase)
        {
            ["urls"] = url,
            ["Messaging:RelayEnabled"] = "false",
        };
        foreach (var (k, v) in services.Concat(_clients).Concat(own))
            settings[k] = v;
        return ServiceHost.Serve<T>(settings);
    }

    /// <summary>Autorisatie <paramref name="g"/> of client <paramref name="i"/> on one zaaktype or informatieobjecttype (zeer_geheim).</summary>
    private void AddGrant(int i, int g, string component, (string Field, string Url) type, string[] scopes) =>
        _clients.AddAutorisatie(i, g, component, scopes, type, ("MaxVertrouwelijkheidaanduiding", "zeer_geheim"));

    /// <summary>A published zaaktype with a published informatieobjecttype linked to it (zaaktype-informatieobjecttype).</summary>
    private static async Task<(string Zaaktype, string Informatieobjecttype)> SeedAsync(HttpClient catalogi)
    {
        var seed = new CatalogiSeeder(() => catalogi);
        async Task<string> CreateAsync(string collection, object body) => CatalogiSeeder.Url(await seed.CreateAsync(collection, body));

        var catalogus = await seed.CatalogusAsync("E2E catalogus");
        var omschrijving = CatalogiSeeder.Unique("IOT-");
        var iot = await seed.InformatieobjecttypeAsync(catalogus, omschrijving: omschrijving);
        var zaaktype = await CreateAsync("zaaktypen", new Dictionary<string, object?>
        {
            ["identificatie"] = "ZT-" + Guid.NewGuid().ToString("N")[..8], ["omschrijving"] = "Melding openbare ruimte",
            ["vertrouwelijkheidaanduiding"] = "openbaar", ["doel"] = "Meldingen afhandelen", ["aanleiding"] = "Een melding",
            ["indicatieInternOfExtern"] = "extern", ["handelingInitiator"] = "Melden", ["onderwerp"] = "Openbare ruimte",
            ["handelingBehandelaar"] = "Behandelen", ["doorlooptijd"] = "P30D", ["opschortingEnAanhoudingMogelijk"] = false,
            ["verlengingMogelijk"] = false, ["publicatieIndicatie"] = false, ["productenOfDiensten"] = Array.Empty<string>(),
            ["referentieproces"] = new { naam = "Melding" }, ["verantwoordelijke"] = "Gemeente", ["catalogus"] = catalogus,
            ["besluittypen"] = Array.Empty<string>(), ["deelzaaktypen"] = Array.Empty<string>(), ["gerelateerdeZaaktypen"] = Array.Empty<object>(),
            ["beginGeldigheid"] = "2024-01-01", ["versiedatum"] = "2024-01-01",
        });
        await CreateAsync("zaaktype-informatieobjecttypen", new { zaaktype, informatieobjecttype = omschrijving, volgnummer = 1, richting = "inkomend" });
        await seed.PublishAsync(zaaktype);
        return (zaaktype, iot);
    }

    /// <summary>A client of the gateway with <paramref name="clientId"/>'s token (and the CRS headers Zaken wants).</summary>
    public HttpClient Through(string clientId = Client)
    {
        var client = Gateway.CreateClient().WithToken(clientId, Secret);
        client.DefaultRequestHeaders.Add("Accept-Crs", "EPSG:4326");
        client.DefaultRequestHeaders.Add("Content-Crs", "EPSG:4326");
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in new IAsyncDisposable?[] { Gateway, Documenten, Zaken, Catalogi })
            if (factory is not null)
                await factory.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(_storage))
            Directory.Delete(_storage, recursive: true);
    }
}

/// <summary>
/// zrc-005/zrc-003 with drc-002/003/004/008 across the real services, through the gateway: a zaakinformatieobject made in
/// Zaken is mirrored by the Zaken service as an objectinformatieobject in Documenten (which checks, with its own identity,
/// that Zaken holds the relation); the document cannot be destroyed while the relation exists; deleting the
/// zaakinformatieobject removes the mirror, after which the document can be destroyed.
/// </summary>
public sealed class DocumentenGatewayTests(SuiteApp suite) : IClassFixture<SuiteApp>
{
    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static string Path(string url) => new Uri(url).PathAndQuery;

    [Fact]
    public async Task Zrc005_Drc002_AZaakinformatieobject_IsMirroredInDocumenten_BlocksTheDocumentsDestroy_AndItsDeleteRemovesTheMirror()
    {
        var client = suite.Through();

        var documentBody = DocumentenApp.DocumentBody(suite.Informatieobjecttype);
        var document = (await JsonAsync(await client.PostAsJsonAsync("/documenten/api/v1/enkelvoudiginformatieobjecten", documentBody, TestJson.Options),
            HttpStatusCode.Created, "POST document"))["url"]!.GetValue<string>();
        Assert.StartsWith(SuiteApp.PublicBase + "/documenten/api/v1/enkelvoudiginformatieobjecten/", document);

        var zaak = (await JsonAsync(await client.PostAsJsonAsync("/zaken/api/v1/zaken", new Dictionary<string, object?>
        {
            ["bronorganisatie"] = SuiteApp.Bronorganisatie, ["verantwoordelijkeOrganisatie"] = SuiteApp.Bronorganisatie,
            ["zaaktype"] = suite.Zaaktype, ["startdatum"] = "2024-03-01", ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["omschrijving"] = "Melding over een losliggende stoeptegel",
        }), HttpStatusCode.Created, "POST zaak"))["url"]!.GetValue<string>();

        // zrc-005: Zaken creates the objectinformatieobject in Documenten; drc-003: Documenten finds the relation in Zaken
        var zio = (await JsonAsync(await client.PostAsJsonAsync("/zaken/api/v1/zaakinformatieobjecten",
                new { informatieobject = document, zaak, titel = "Melding" }), HttpStatusCode.Created, "POST zaakinformatieobject")).AsObject();
        Assert.Equal(document, zio["informatieobject"]!.GetValue<string>());

        var oioList = "/documenten/api/v1/objectinformatieobjecten?object=" + Uri.EscapeDataString(zaak);
        var mirrors = (await JsonAsync(await client.GetAsync(oioList), HttpStatusCode.OK, "GET objectinformatieobjecten")).AsArray();
        var mirror = Assert.Single(mirrors)!;
        Assert.Equal(document, mirror["informatieobject"]!.GetValue<string>());
        Assert.Equal(zaak, mirror["object"]!.GetValue<string>());
        Assert.Equal("zaak", mirror["objectType"]!.GetValue<string>());
        Assert.StartsWith(SuiteApp.PublicBase + "/documenten/api/v1/objectinformatieobjecten/", mirror["url"]!.GetValue<string>());

        // drc-008: the document cannot be destroyed while the relation exists
        var blocked = await client.DeleteAsync(Path(document));
        await ProblemAssert.IsProblemAsync(blocked, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "pending-relations");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Path(document))).StatusCode);

        // drc-004: the mirror cannot be removed directly while Zaken holds the relation
        var direct = await suite.Through(SuiteApp.Beheerder).DeleteAsync(Path(mirror["url"]!.GetValue<string>()));
        await ProblemAssert.IsProblemAsync(direct, HttpStatusCode.BadRequest, "invalid", "object", "remote-relation-exists");

        // deleting the zaakinformatieobject removes the objectinformatieobject
        await JsonAsync(await client.DeleteAsync(Path(zio["url"]!.GetValue<string>())), HttpStatusCode.NoContent, "DELETE zaakinformatieobject");
        Assert.Empty((await JsonAsync(await client.GetAsync(oioList), HttpStatusCode.OK, "GET objectinformatieobjecten")).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Path(mirror["url"]!.GetValue<string>()))).StatusCode);

        await JsonAsync(await client.DeleteAsync(Path(document)), HttpStatusCode.NoContent, "DELETE document");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Path(document))).StatusCode);
    }
}
