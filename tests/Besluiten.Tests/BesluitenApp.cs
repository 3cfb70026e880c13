using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Besluiten.Api;
using Catalogi.Api;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
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

        var catPort = TestInfrastructure.FreePort();
        CatalogiUrl = $"http://127.0.0.1:{catPort}";
        Catalogi = new WebApplicationFactory<CatalogiMarker>().WithWebHostBuilder(b =>
        {
            var settings = Common();
            settings["urls"] = CatalogiUrl;
            settings["Catalogi:StrictPublish"] = "false";
            AddClient(settings, 0, Beheerder, alle: true);
            AddClient(settings, 1, ServiceClient, alle: true);
            foreach (var (k, v) in settings)
                b.UseSetting(k, v);
        });
        Catalogi.UseKestrel();
        Catalogi.StartServer();
        await WaitReadyAsync(Catalogi.CreateClient());
        await SeedCatalogiAsync();

        var port = TestInfrastructure.FreePort();
        Factory = new WebApplicationFactory<BesluitenMarker>().WithWebHostBuilder(b =>
        {
            var settings = Common();
            settings["urls"] = $"http://127.0.0.1:{port}";
            settings["Zgw:Services:catalogi:InternalUrl"] = CatalogiUrl;
            settings["Zgw:ServiceIdentity:ClientId"] = ServiceClient;
            settings["Zgw:ServiceIdentity:Secret"] = Secret;
            settings["Zgw:References:AllowedHosts:0"] = new Uri(Bronnen.Url!).Authority;
            // the reconciler runs only when a test asks (BesluitMirror.ReconcileAsync), on rows of any age
            settings["Besluiten:ReconcileInterval"] = "01:00:00";
            settings["Besluiten:MirrorGracePeriod"] = "00:00:00";
            // fail fast when a stub does not answer
            settings["Besluiten:Mirror:Resilience:Retry:MaxRetryAttempts"] = "1";
            AddClient(settings, 0, Beheerder, alle: true);
            string[] alles = [BesluitenScopes.Lezen, BesluitenScopes.Aanmaken, BesluitenScopes.Bijwerken, BesluitenScopes.Verwijderen,
                BesluitenScopes.AudittrailsLezen];
            AddClient(settings, 1, Behandelaar, [Bt, Bt2], alles);
            AddClient(settings, 2, Lezer, [Bt], BesluitenScopes.Lezen);
            AddClient(settings, 3, Anders, [Bt2], alles);
            AddClient(settings, 4, Buitenstaander, [], []);
            AddClient(settings, 5, ServiceClient, alle: true);
            foreach (var (k, v) in settings)
                b.UseSetting(k, v);
        });
        Factory.UseKestrel();
        Factory.StartServer();
        await WaitReadyAsync(Factory.CreateClient());
    }

    private async Task SeedCatalogiAsync()
    {
        Catalogus = Url(await CreateAsync("catalogussen", new Dictionary<string, object?>
        {
            ["domein"] = Unique()[..5].ToUpperInvariant(), ["rsin"] = "000000000", ["contactpersoonBeheerNaam"] = "Beheerder",
            ["naam"] = "Besluiten testcatalogus", ["versie"] = "1", ["begindatumVersie"] = "2024-01-01",
        }));
        var iotNaam = Unique("IOT-");
        Iot = Url(await CreateAsync("informatieobjecttypen", new Dictionary<string, object?>
        {
            ["catalogus"] = Catalogus, ["omschrijving"] = iotNaam, ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["beginGeldigheid"] = "2024-01-01", ["informatieobjectcategorie"] = "besluit",
        }));
        await PublishAsync(Iot);
        var btNaam = Unique("BT-");
        Bt = await BesluittypeAsync(btNaam, [iotNaam], publish: true);
        Bt2 = await BesluittypeAsync(Unique("BT2-"), [], publish: true);
        BtConcept = await BesluittypeAsync(Unique("BTC-"), [], publish: false);
        Zaaktype = Url(await CreateAsync("zaaktypen", new Dictionary<string, object?>
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
        await PublishAsync(Zaaktype);
    }

    private async Task<string> BesluittypeAsync(string omschrijving, string[] informatieobjecttypen, bool publish)
    {
        var url = Url(await CreateAsync("besluittypen", new Dictionary<string, object?>
        {
            ["catalogus"] = Catalogus, ["omschrijving"] = omschrijving, ["besluitcategorie"] = "vergunning", ["reactietermijn"] = "P14D",
            ["publicatieIndicatie"] = false, ["informatieobjecttypen"] = informatieobjecttypen, ["beginGeldigheid"] = "2024-01-01",
        }));
        if (publish)
            await PublishAsync(url);
        return url;
    }

    private async Task<JsonObject> CreateAsync(string collection, object body)
    {
        var response = await CatalogiClient().PostAsJsonAsync($"/catalogi/api/v1/{collection}", body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST catalogi {collection}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task PublishAsync(string url)
    {
        var response = await CatalogiClient().PostAsync(new Uri(url).AbsolutePath + "/publish", JsonContent.Create(new { }));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"publish {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static string Unique(string prefix = "") => prefix + Guid.NewGuid().ToString("N")[..8];

    private Dictionary<string, string> Common() => new()
    {
        ["ConnectionStrings:Database"] = Database.ConnectionString,
        ["ConnectionStrings:RabbitMq"] = TestInfrastructure.RabbitMq,
        ["Database:MigrateOnStartup"] = "true",
        ["Zgw:PublicBaseUrl"] = PublicBase,
        ["Messaging:RelayEnabled"] = "false",
    };

    private static async Task WaitReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 300 && !(await client.GetAsync("/health/ready")).IsSuccessStatusCode; i++)
            await Task.Delay(100);
    }

    private static void AddClient(Dictionary<string, string> settings, int i, string clientId, bool alle)
    {
        settings[$"Zgw:Clients:{i}:ClientId"] = clientId;
        settings[$"Zgw:Clients:{i}:Secret"] = Secret;
        settings[$"Zgw:Clients:{i}:HeeftAlleAutorisaties"] = alle ? "true" : "false";
    }

    /// <summary>A client with brc autorisaties on <paramref name="besluittypen"/> (no vertrouwelijkheid: A5).</summary>
    private static void AddClient(Dictionary<string, string> settings, int i, string clientId, string[] besluittypen, params string[] scopes)
    {
        AddClient(settings, i, clientId, alle: false);
        for (var g = 0; g < besluittypen.Length; g++)
        {
            var prefix = $"Zgw:Clients:{i}:Autorisaties:{g}";
            settings[$"{prefix}:Component"] = "brc";
            settings[$"{prefix}:Besluittype"] = besluittypen[g];
            for (var s = 0; s < scopes.Length; s++)
                settings[$"{prefix}:Scopes:{s}"] = scopes[s];
        }
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

    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    public static string Url(JsonObject o) => o["url"]!.GetValue<string>();

    /// <summary>Runs a scalar query in the <c>besluiten</c> schema.</summary>
    public async Task<T?> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { SearchPath = "besluiten,public" }.ConnectionString);
        return await c.ExecuteScalarAsync<T>(sql, parameters);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { SearchPath = "besluiten,public" }.ConnectionString);
        await c.ExecuteAsync(sql, parameters);
    }

    /// <summary>The notifications written to the outbox for <paramref name="hoofdObject"/> (kanaal besluiten), oldest first.</summary>
    public async Task<List<JsonObject>> NotificationsAsync(string hoofdObject)
    {
        await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { SearchPath = "besluiten,public" }.ConnectionString);
        var rows = await c.QueryAsync<string>(
            "SELECT payload::text FROM outbox WHERE payload ->> 'hoofdObject' = @hoofdObject ORDER BY seq", new { hoofdObject });
        return rows.Select(r => JsonNode.Parse(r)!.AsObject()).ToList();
    }

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

    public async Task<JsonObject> GetAsync(string url, string clientId = Beheerder)
    {
        var response = await Client(clientId).GetAsync(PathOf(url));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

public static class TestJson
{
    /// <summary>Keeps explicit nulls in request bodies (the API must see them).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}

/// <summary>Requests with a JSON body and the parsed answer.</summary>
public static class BesluitenHttp
{
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string path,
        object? body = null, string? toelichting = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: TestJson.Options);
        if (toelichting is not null)
            request.Headers.Add("X-Audit-Toelichting", toelichting);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}

[CollectionDefinition(Name)]
public sealed class BesluitenCollection : ICollectionFixture<BesluitenApp>
{
    public const string Name = "besluiten";
}
