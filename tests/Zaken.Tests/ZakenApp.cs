using System.Text.Json.Nodes;
using Catalogi.Api;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using SelectielijstFixture;
using WireMock.Server;
using Zaken.Api;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>
/// The Zaken service over HTTP with its real neighbours: the real Catalogi service (on a Kestrel port, reached by the
/// Zaken URL resolver through <c>Zgw:Services:catalogi:InternalUrl</c> with Zaken's own service identity), the
/// Selectielijst fixture, one PostgreSQL/PostGIS database (schemas <c>zaken</c> and <c>catalogi</c>) and RabbitMQ.
/// The Documenten API (not under test here) is a WireMock server (<see cref="Documenten"/>).
///
/// Three published zaaktypen exist before Zaken starts (<see cref="A"/>, <see cref="B"/>, <see cref="C"/>), so clients
/// can be authorised per zaaktype in configuration:
/// <list type="bullet">
/// <item><c>beheerder</c>: heeftAlleAutorisaties.</item>
/// <item><c>behandelaar</c>: lezen, aanmaken, bijwerken, statussen.toevoegen, verwijderen, audittrails.lezen on A and B (zeer_geheim).</item>
/// <item><c>forceerder</c>: the behandelaar scopes plus geforceerd-bijwerken and heropenen, on A and B.</item>
/// <item><c>heropener</c>: lezen, statussen.toevoegen, heropenen on A (not geforceerd-bijwerken).</item>
/// <item><c>aanmaker</c>: lezen and aanmaken on A.</item>
/// <item><c>beperkt</c>: lezen on A up to zaakvertrouwelijk and on B up to openbaar.</item>
/// <item><c>lezer</c>: lezen on A, B and C (zeer_geheim).</item>
/// <item><c>buitenstaander</c>: no Zaken scopes.</item>
/// </list>
/// </summary>
public sealed class ZakenApp : IAsyncLifetime
{
    public const string PublicBase = "https://zgw.example.nl";
    public const string ApiRoot = PublicBase + "/zaken/api/v1";
    public const string Secret = "geheim";
    public const string Beheerder = "beheerder";
    public const string Behandelaar = "behandelaar";
    public const string Forceerder = "forceerder";
    public const string Heropener = "heropener";
    public const string Aanmaker = "aanmaker";
    public const string Beperkt = "beperkt";
    public const string Lezer = "lezer";
    public const string Buitenstaander = "buitenstaander";
    public const string ServiceClient = "openzaak-zaken";
    public const string Bronorganisatie = "517439943";

    public PostgresDatabase Database { get; } = new();
    public WebApplicationFactory<ZakenMarker> Factory { get; private set; } = null!;
    public WebApplicationFactory<CatalogiMarker> Catalogi { get; private set; } = null!;
    public WebApplicationFactory<SelectielijstMarker> Selectielijst { get; private set; } = null!;

    /// <summary>Stands in for the Documenten API: informatieobjecten and objectinformatieobjecten (zrc-005 mirror).</summary>
    public WireMockServer Documenten { get; private set; } = null!;

    /// <summary>Root of the stubbed Documenten API, e.g. <c>http://127.0.0.1:5123/documenten/api/v1</c>.</summary>
    public string DocumentenRoot => Documenten.Url + "/documenten/api/v1";

    public string SelectielijstRoot { get; private set; } = "";

    /// <summary>The Zaken service's own address (Kestrel), for a gateway in front of it.</summary>
    public string ZakenUrl { get; private set; } = "";

    /// <summary>The <c>Zgw:Clients</c> settings of the Zaken service, for another process that must know the same clients.</summary>
    public IReadOnlyDictionary<string, string> ClientSettings { get; private set; } = new Dictionary<string, string>();
    public string CatalogiUrl { get; private set; } = "";

    /// <summary>Published zaaktypen made before the service started (clients are authorised on them).</summary>
    public ZaaktypeSet A { get; private set; } = null!;
    public ZaaktypeSet B { get; private set; } = null!;
    public ZaaktypeSet C { get; private set; } = null!;

    public CatalogiSeed Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Documenten = WireMockServer.Start();

        var selectielijstUrl = ServiceHost.LocalUrl();
        var selectielijstHost = new Uri(selectielijstUrl).Authority;
        SelectielijstRoot = selectielijstUrl + "/api/v1/";
        Selectielijst = ServiceHost.Serve<SelectielijstMarker>(new Dictionary<string, string> { ["urls"] = selectielijstUrl });

        CatalogiUrl = ServiceHost.LocalUrl();
        var catalogi = Settings(CatalogiUrl)
            .AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true)
            .AddClient(1, ServiceClient, Secret, heeftAlleAutorisaties: true);
        catalogi["Catalogi:SelectielijstApiRoot"] = SelectielijstRoot;
        catalogi["Zgw:References:AllowedHosts:0"] = selectielijstHost;
        Catalogi = await ServiceHost.StartAsync<CatalogiMarker>(catalogi);

        Seed = new CatalogiSeed(this);
        var catalogus = await Seed.CatalogusAsync("Zaken testcatalogus");
        A = await Seed.ZaaktypeAsync(catalogus);
        B = await Seed.ZaaktypeAsync(catalogus);
        C = await Seed.ZaaktypeAsync(catalogus);

        ZakenUrl = ServiceHost.LocalUrl();
        var settings = Settings(ZakenUrl).CallingSibling("catalogi", CatalogiUrl, ServiceClient, Secret);
        settings["Zgw:References:AllowedHosts:0"] = new Uri(Documenten.Url!).Authority;
        settings["Zgw:References:AllowedHosts:1"] = selectielijstHost;
        settings["Zaken:ReferentielijstenApiRoot"] = selectielijstUrl + "/referentielijsten/api/v1/";
        settings["Zaken:ReconcileInterval"] = "00:00:01";
        settings["Zaken:MirrorGracePeriod"] = "00:00:02";
        settings.AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true);
        string[] behandelen = [ZakenScopes.Lezen, ZakenScopes.Aanmaken, ZakenScopes.Bijwerken, ZakenScopes.StatussenToevoegen,
            ZakenScopes.Verwijderen, ZakenScopes.AudittrailsLezen];
        AddClient(settings, 1, Behandelaar, [(A.Url, "zeer_geheim"), (B.Url, "zeer_geheim")], behandelen);
        AddClient(settings, 2, Forceerder, [(A.Url, "zeer_geheim"), (B.Url, "zeer_geheim")],
            [.. behandelen, ZakenScopes.GeforceerdBijwerken, ZakenScopes.Heropenen]);
        AddClient(settings, 3, Heropener, [(A.Url, "zeer_geheim")], ZakenScopes.Lezen, ZakenScopes.StatussenToevoegen, ZakenScopes.Heropenen);
        AddClient(settings, 4, Aanmaker, [(A.Url, "zeer_geheim")], ZakenScopes.Lezen, ZakenScopes.Aanmaken);
        AddClient(settings, 5, Beperkt, [(A.Url, "zaakvertrouwelijk"), (B.Url, "openbaar")], ZakenScopes.Lezen);
        AddClient(settings, 6, Lezer, [(A.Url, "zeer_geheim"), (B.Url, "zeer_geheim"), (C.Url, "zeer_geheim")], ZakenScopes.Lezen);
        AddClient(settings, 7, Buitenstaander, [], []);
        ClientSettings = settings.Where(kv => kv.Key.StartsWith("Zgw:Clients:", StringComparison.Ordinal)).ToDictionary();
        Factory = await ServiceHost.StartAsync<ZakenMarker>(settings);
    }

    /// <summary>The settings of a service of this fixture on <paramref name="url"/> (the outbox relay off).</summary>
    private ServiceSettings Settings(string url) => new(Database, PublicBase)
    {
        ["urls"] = url,
        ["Messaging:RelayEnabled"] = "false",
    };

    /// <summary>A client with zrc autorisaties on zaaktypen, each up to its maximum vertrouwelijkheidaanduiding.</summary>
    private static void AddClient(ServiceSettings settings, int i, string clientId, (string Zaaktype, string Max)[] grants, params string[] scopes)
    {
        settings.AddClient(i, clientId, Secret);
        for (var g = 0; g < grants.Length; g++)
            settings.AddAutorisatie(i, g, "zrc", scopes, ("Zaaktype", grants[g].Zaaktype), ("MaxVertrouwelijkheidaanduiding", grants[g].Max));
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
            await Factory.DisposeAsync();
        if (Catalogi is not null)
            await Catalogi.DisposeAsync();
        if (Selectielijst is not null)
            await Selectielijst.DisposeAsync();
        Documenten?.Stop();
        await Database.DisposeAsync();
    }

    public HttpClient Client(string clientId = Beheerder) => Factory.CreateClient().WithToken(clientId, Secret);

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient CatalogiClient() => Catalogi.CreateClient().WithToken(Beheerder, Secret);

    public string Sl(string path) => SelectielijstRoot + path;

    /// <summary>A communicatiekanaal of the Referentielijsten fixture (zrc-010).</summary>
    public string Communicatiekanaal => SelectielijstRoot.Replace("/api/v1/", "/referentielijsten/api/v1/") + "communicatiekanalen/46f0ccfc-0a19-4e1d-9e2b-2c1d3a4b5c6d";

    public static string PathOf(string url) => ZgwHttp.PathOf(url);

    /// <summary>Runs a scalar query in the <c>zaken</c> schema.</summary>
    public async Task<T?> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var c = Database.Connect("zaken,public");
        return await c.ExecuteScalarAsync<T>(sql, parameters);
    }

    /// <summary>The notifications written to the outbox for <paramref name="hoofdObject"/> (kanaal zaken), oldest first.</summary>
    public Task<List<JsonObject>> NotificationsAsync(string hoofdObject) => Database.OutboxNotificationsAsync("zaken,public", hoofdObject);

    /// <summary>A minimal valid zaak body of <paramref name="zaaktype"/>.</summary>
    public static Dictionary<string, object?> ZaakBody(string zaaktype, string vertrouwelijkheid = "openbaar") => new()
    {
        ["bronorganisatie"] = Bronorganisatie,
        ["zaaktype"] = zaaktype,
        ["verantwoordelijkeOrganisatie"] = Bronorganisatie,
        ["startdatum"] = "2024-03-01",
        ["registratiedatum"] = "2024-03-01",
        ["omschrijving"] = "Melding over een losliggende stoeptegel",
        ["vertrouwelijkheidaanduiding"] = vertrouwelijkheid,
    };

    /// <summary>Creates a zaak (asserting 201) and returns it.</summary>
    public async Task<JsonObject> CreateZaakAsync(string zaaktype, string clientId = Beheerder, Action<Dictionary<string, object?>>? change = null,
        string vertrouwelijkheid = "openbaar")
    {
        var body = ZaakBody(zaaktype, vertrouwelijkheid);
        change?.Invoke(body);
        return await PostAsync("zaken", body, clientId);
    }

    /// <summary>POSTs to a collection of this API (asserting 201) and returns the created object.</summary>
    public Task<JsonObject> PostAsync(string collection, object body, string clientId = Beheerder) =>
        Client(clientId).WithCrs().CreateAsync($"/zaken/api/v1/{collection}", body);

    public Task<JsonObject> GetAsync(string url, string clientId = Beheerder)
    {
        var client = Client(clientId);
        client.DefaultRequestHeaders.Add("Accept-Crs", "EPSG:4326");
        return client.GetObjectAsync(url);
    }

    public static string Url(JsonObject o) => ZgwHttp.Url(o);
}

[CollectionDefinition(Name)]
public sealed class ZakenCollection : ICollectionFixture<ZakenApp>
{
    public const string Name = "zaken";
}
