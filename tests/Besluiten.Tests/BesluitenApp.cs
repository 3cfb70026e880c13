using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Besluiten.Api;
using Catalogi.Api;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using WireMock.Server;
using Zgw.Testing;

namespace Besluiten.Tests;

/// <summary>
/// The Besluiten service over HTTP (Kestrel) with its real Catalogi neighbour (on a Kestrel port, reached through
/// <c>Zgw:Services:catalogi:InternalUrl</c> with the Besluiten service identity), one PostgreSQL database (schemas
/// <c>besluiten</c> and <c>catalogi</c>) and RabbitMQ. The Zaken and Documenten APIs are one WireMock server
/// (<see cref="Bronnen"/>, driven by <see cref="BronnenStub"/>).
///
/// Catalogi holds, before Besluiten starts: informatieobjecttype <see cref="Iot"/>; besluittype <see cref="Bt"/>
/// (published, informatieobjecttypen [Iot]); <see cref="Bt2"/> (published, no informatieobjecttypen, not in the zaaktype);
/// <see cref="BtConcept"/> (concept); zaaktype <see cref="Zaaktype"/> (published, besluittypen [Bt]). Clients:
/// <list type="bullet">
/// <item><c>beheerder</c>: heeftAlleAutorisaties.</item>
/// <item><c>behandelaar</c>: lezen, aanmaken, bijwerken, verwijderen, audittrails.lezen on Bt and Bt2.</item>
/// <item><c>lezer</c>: lezen on Bt.</item>
/// <item><c>anders</c>: every besluiten scope and audittrails.lezen on Bt2 only.</item>
/// <item><c>buitenstaander</c>: no Besluiten scopes.</item>
/// </list>
/// </summary>
public sealed class BesluitenApp : IAsyncLifetime
{
    public const string PublicBase = "https://zgw.example.nl";
    public const string ApiRoot = PublicBase + "/besluiten/api/v1";
    public const string Secret = "geheim";
    public const string Beheerder = "beheerder";
    public const string Behandelaar = "behandelaar";
    public const string Lezer = "lezer";
    public const string Anders = "anders";
    public const string Buitenstaander = "buitenstaander";
    public const string ServiceClient = "openzaak-besluiten";
    public const string Rsin = "517439943";

    public PostgresDatabase Database { get; } = new();
    public WebApplicationFactory<BesluitenMarker> Factory { get; private set; } = null!;
    public WebApplicationFactory<CatalogiMarker> Catalogi { get; private set; } = null!;

    /// <summary>Stands in for the Zaken and Documenten APIs.</summary>
    public WireMockServer Bronnen { get; private set; } = null!;

    public string CatalogiUrl { get; private set; } = "";
    public string Catalogus { get; private set; } = "";
    public string Iot { get; private set; } = "";
    public string Bt { get; private set; } = "";
    public string Bt2 { get; private set; } = "";
    public string BtConcept { get; private set; } = "";
    public string Zaaktype { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Bronnen = WireMockServer.Start();

        CatalogiUrl = ServiceHost.LocalUrl();
        var catalogi = Settings(CatalogiUrl)
            .AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true)
            .AddClient(1, ServiceClient, Secret, heeftAlleAutorisaties: true);
        catalogi["Catalogi:StrictPublish"] = "false";
        Catalogi = await ServiceHost.StartAsync<CatalogiMarker>(catalogi);
        await SeedCatalogiAsync();

        var settings = Settings(ServiceHost.LocalUrl()).CallingSibling("catalogi", CatalogiUrl, ServiceClient, Secret);
        settings["Zgw:References:AllowedHosts:0"] = new Uri(Bronnen.Url!).Authority;
        // the reconciler runs only when a test asks (BesluitMirror.ReconcileAsync), on rows of any age
        settings["Besluiten:ReconcileInterval"] = "01:00:00";
        settings["Besluiten:MirrorGracePeriod"] = "00:00:00";
        // fail fast when a stub does not answer
        settings["Besluiten:Mirror:Resilience:Retry:MaxRetryAttempts"] = "1";
        settings.AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true);
        string[] alles = [BesluitenScopes.Lezen, BesluitenScopes.Aanmaken, BesluitenScopes.Bijwerken, BesluitenScopes.Verwijderen,
            BesluitenScopes.AudittrailsLezen];
        AddClient(settings, 1, Behandelaar, [Bt, Bt2], alles);
        AddClient(settings, 2, Lezer, [Bt], BesluitenScopes.Lezen);
        AddClient(settings, 3, Anders, [Bt2], alles);
        AddClient(settings, 4, Buitenstaander, [], []);
        settings.AddClient(5, ServiceClient, Secret, heeftAlleAutorisaties: true);
        Factory = await ServiceHost.StartAsync<BesluitenMarker>(settings);
    }

    private async Task SeedCatalogiAsync()
    {
        var seed = new CatalogiSeeder(CatalogiClient);
        Catalogus = await seed.CatalogusAsync("Besluiten testcatalogus");
        var iotNaam = Unique("IOT-");
        Iot = await seed.InformatieobjecttypeAsync(Catalogus, omschrijving: iotNaam, informatieobjectcategorie: "besluit");
        var btNaam = Unique("BT-");
        Bt = await BesluittypeAsync(seed, btNaam, [iotNaam], publish: true);
        Bt2 = await BesluittypeAsync(seed, Unique("BT2-"), [], publish: true);
        BtConcept = await BesluittypeAsync(seed, Unique("BTC-"), [], publish: false);
        Zaaktype = Url(await seed.CreateAsync("zaaktypen", new Dictionary<string, object?>
        {
            ["identificatie"] = Unique("ZT-"), ["omschrijving"] = "Vergunning", ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["doel"] = "Vergunningen verlenen", ["aanleiding"] = "Een aanvraag", ["indicatieInternOfExtern"] = "extern",
            ["handelingInitiator"] = "Aanvragen", ["onderwerp"] = "Vergunning", ["handelingBehandelaar"] = "Behandelen",
            ["doorlooptijd"] = "P30D", ["opschortingEnAanhoudingMogelijk"] = false, ["verlengingMogelijk"] = false,
            ["publicatieIndicatie"] = false, ["productenOfDiensten"] = Array.Empty<string>(), ["referentieproces"] = new { naam = "Vergunning" },
            ["verantwoordelijke"] = "Gemeente", ["catalogus"] = Catalogus, ["besluittypen"] = new[] { btNaam },
            ["deelzaaktypen"] = Array.Empty<string>(), ["gerelateerdeZaaktypen"] = Array.Empty<object>(),
            ["beginGeldigheid"] = "2024-01-01", ["versiedatum"] = "2024-01-01",
        }));
        await seed.PublishAsync(Zaaktype);
    }

    private async Task<string> BesluittypeAsync(CatalogiSeeder seed, string omschrijving, string[] informatieobjecttypen, bool publish)
    {
        var url = Url(await seed.CreateAsync("besluittypen", new Dictionary<string, object?>
        {
            ["catalogus"] = Catalogus, ["omschrijving"] = omschrijving, ["besluitcategorie"] = "vergunning", ["reactietermijn"] = "P14D",
            ["publicatieIndicatie"] = false, ["informatieobjecttypen"] = informatieobjecttypen, ["beginGeldigheid"] = "2024-01-01",
        }));
        if (publish)
            await seed.PublishAsync(url);
        return url;
    }

    public static string Unique(string prefix = "") => CatalogiSeeder.Unique(prefix);

    /// <summary>The settings of a service of this fixture on <paramref name="url"/> (the outbox relay off).</summary>
    private ServiceSettings Settings(string url) => new(Database, PublicBase)
    {
        ["urls"] = url,
        ["Messaging:RelayEnabled"] = "false",
    };

    /// <summary>A client with brc autorisaties on <paramref name="besluittypen"/> (no vertrouwelijkheid: A5).</summary>
    private static void AddClient(ServiceSettings settings, int i, string clientId, string[] besluittypen, params string[] scopes)
    {
        settings.AddClient(i, clientId, Secret);
        for (var g = 0; g < besluittypen.Length; g++)
            settings.AddAutorisatie(i, g, "brc", scopes, ("Besluittype", besluittypen[g]));
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
            await Factory.DisposeAsync();
        if (Catalogi is not null)
            await Catalogi.DisposeAsync();
        Bronnen?.Stop();
        await Database.DisposeAsync();
    }

    public HttpClient Client(string clientId = Beheerder) => Factory.CreateClient().WithToken(clientId, Secret);

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient CatalogiClient() => Catalogi.CreateClient().WithToken(Beheerder, Secret);

    public T Service<T>() where T : notnull => (T)Factory.Services.GetService(typeof(T))!;

    public static string PathOf(string url) => ZgwHttp.PathOf(url);

    public static string Url(JsonObject o) => ZgwHttp.Url(o);

    /// <summary>Runs a scalar query in the <c>besluiten</c> schema.</summary>
    public async Task<T?> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var c = Database.Connect("besluiten,public");
        return await c.ExecuteScalarAsync<T>(sql, parameters);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var c = Database.Connect("besluiten,public");
        await c.ExecuteAsync(sql, parameters);
    }

    /// <summary>The notifications written to the outbox for <paramref name="hoofdObject"/> (kanaal besluiten), oldest first.</summary>
    public Task<List<JsonObject>> NotificationsAsync(string hoofdObject) => Database.OutboxNotificationsAsync("besluiten,public", hoofdObject);

    /// <summary>A valid besluit body of <paramref name="besluittype"/> (default <see cref="Bt"/>).</summary>
    public Dictionary<string, object?> BesluitBody(string? besluittype = null, string? zaak = null) => new()
    {
        ["verantwoordelijkeOrganisatie"] = Rsin,
        ["besluittype"] = besluittype ?? Bt,
        ["zaak"] = zaak,
        ["datum"] = "2024-03-01",
        ["toelichting"] = "Vergunning verleend",
        ["bestuursorgaan"] = "College van B&W",
        ["ingangsdatum"] = "2024-03-02",
        ["vervaldatum"] = "2025-03-02",
        ["vervalreden"] = "tijdelijk",
        ["publicatiedatum"] = "2024-03-05",
        ["verzenddatum"] = "2024-03-04",
        ["uiterlijkeReactiedatum"] = "2024-04-15",
    };

    /// <summary>Creates a besluit (asserting 201) and returns it.</summary>
    public async Task<JsonObject> CreateBesluitAsync(string? besluittype = null, string? zaak = null, string clientId = Beheerder,
        Action<Dictionary<string, object?>>? change = null)
    {
        var body = BesluitBody(besluittype, zaak);
        change?.Invoke(body);
        var (response, json) = await Client(clientId).SendJsonAsync(HttpMethod.Post, "/besluiten/api/v1/besluiten", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST besluit: {(int)response.StatusCode} {json}");
        return json!.AsObject();
    }

    /// <summary>Creates a besluitinformatieobject (asserting 201) and returns it.</summary>
    public async Task<JsonObject> CreateBioAsync(string besluit, string informatieobject, string clientId = Beheerder)
    {
        var (response, json) = await Client(clientId).SendJsonAsync(HttpMethod.Post, "/besluiten/api/v1/besluitinformatieobjecten",
            new { informatieobject, besluit });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST besluitinformatieobject: {(int)response.StatusCode} {json}");
        return json!.AsObject();
    }

    public Task<JsonObject> GetAsync(string url, string clientId = Beheerder) => Client(clientId).GetObjectAsync(url);
}

[CollectionDefinition(Name)]
public sealed class BesluitenCollection : ICollectionFixture<BesluitenApp>
{
    public const string Name = "besluiten";
}
