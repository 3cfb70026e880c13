using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Autorisaties.Api;
using Besluiten.Api;
using Catalogi.Api;
using Documenten.Api;
using Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Notificaties.Api;
using SelectielijstFixture;
using Zaken.Api;
using Zgw.Testing;

namespace Suite.Tests;

/// <summary>
/// The whole suite in one test process, wired as <c>deploy/local/up.sh</c> wires it: the six services (Autorisaties,
/// Catalogi, Zaken, Documenten, Besluiten, Notificaties) each on its own Kestrel port, the YARP gateway in front of them,
/// one PostgreSQL database (a schema per service), RabbitMQ with every outbox relay running, and the Selectielijst /
/// Referentielijsten fixture as the external peer it stands in for.
/// <list type="bullet">
/// <item>Every process knows every component's internal address (<c>Zgw:Services:{key}:InternalUrl</c>), so token
/// verification everywhere asks the Autorisaties service (its internal client endpoint) for clients it does not know from
/// configuration.</item>
/// <item>Configuration holds only the service identities (ARCHITECTURE §11.3), as in up.sh: <c>openzaak-zaken</c>,
/// <c>openzaak-documenten</c>, <c>openzaak-besluiten</c> with heeftAlleAutorisaties; <c>openzaak-catalogi</c>,
/// <c>openzaak-autorisaties</c>, <c>openzaak-notificaties</c> and <c>openzaak-gateway</c> with
/// <c>autorisaties.credentials.lezen</c> and <c>notificaties.publiceren</c>.</item>
/// <item>End-user clients are registered by the test through the Autorisaties service (admin API for the secret, the
/// standard Applicatie API for the autorisaties), through the gateway (<c>Gateway:ExposeAdminApi</c>).</item>
/// </list>
/// </summary>
public sealed class SuiteHost : IAsyncLifetime
{
    public const string PublicBase = "https://zgw.example.nl";
    public const string AdminKey = "suite-admin-key";
    public const string ServiceSecret = "service-geheim";

    /// <summary>Part size of the Documenten service, small so that a short text arrives in several bestandsdelen.</summary>
    public const long BestandsdeelGrootte = 16;

    private static readonly string[] Keys = ["autorisaties", "catalogi", "zaken", "documenten", "besluiten", "notificaties"];

    private readonly Dictionary<string, string> _common = [];
    private readonly Dictionary<string, TcpListener> _reserved = [];
    private readonly List<IAsyncDisposable> _started = [];
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "suite-documenten-" + Guid.NewGuid().ToString("N"));

    public PostgresDatabase Database { get; } = new();

    /// <summary>The Notificaties service's own queue on the shared broker (other test runs have theirs).</summary>
    public string NotificatiesQueue { get; } = "suite-nrc-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Internal address of each service, by component key.</summary>
    public IReadOnlyDictionary<string, string> Internal { get; private set; } = new Dictionary<string, string>();

    public string SelectielijstRoot { get; private set; } = "";

    public WebApplicationFactory<GatewayMarker> Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        // Every process must know every address before the first starts, so the ports are held (listening) until the
        // service that gets one starts: an outgoing connection of an earlier service cannot take it meanwhile.
        foreach (var key in Keys)
            _reserved[key] = Reserve();
        Internal = Keys.ToDictionary(k => k, k => $"http://127.0.0.1:{((IPEndPoint)_reserved[k].LocalEndpoint).Port}");

        var slPort = TestInfrastructure.FreePort();
        SelectielijstRoot = $"http://127.0.0.1:{slPort}/api/v1/";
        var selectielijst = new WebApplicationFactory<SelectielijstMarker>().WithWebHostBuilder(b => b.UseSetting("urls", $"http://127.0.0.1:{slPort}"));
        selectielijst.UseKestrel();
        selectielijst.StartServer();
        _started.Add(selectielijst);

        _common["ConnectionStrings:Database"] = Database.ConnectionString;
        _common["ConnectionStrings:RabbitMq"] = TestInfrastructure.RabbitMq;
        _common["Database:MigrateOnStartup"] = "true";
        _common["Zgw:PublicBaseUrl"] = PublicBase;
        _common["OPENZAAK_ADMIN_KEY"] = AdminKey;
        _common["Messaging:RelayPollInterval"] = "00:00:00.200";
        _common["Catalogi:SelectielijstApiRoot"] = SelectielijstRoot;
        _common["Zaken:ReferentielijstenApiRoot"] = $"http://127.0.0.1:{slPort}/referentielijsten/api/v1/";
        _common["Zgw:References:AllowedHosts:0"] = $"127.0.0.1:{slPort}";
        foreach (var (key, url) in Internal)
            _common[$"Zgw:Services:{key}:InternalUrl"] = url;
        var n = 0;
        foreach (var name in Keys.Append("gateway"))
        {
            var prefix = $"Zgw:Clients:{n++}";
            _common[$"{prefix}:ClientId"] = Identity(name);
            _common[$"{prefix}:Secret"] = ServiceSecret;
            _common[$"{prefix}:Label"] = Identity(name);
            if (name is "zaken" or "documenten" or "besluiten")
                _common[$"{prefix}:HeeftAlleAutorisaties"] = "true";
            else
            {
                _common[$"{prefix}:Autorisaties:0:Component"] = "ac";
                _common[$"{prefix}:Autorisaties:0:Scopes:0"] = "autorisaties.credentials.lezen";
                _common[$"{prefix}:Autorisaties:1:Component"] = "nrc";
                _common[$"{prefix}:Autorisaties:1:Scopes:0"] = "notificaties.publiceren";
            }
        }

        // One after the other (WebApplicationFactory finds each host through a process-wide listener); Autorisaties
        // first, every other process verifies tokens with its help.
        await StartAsync<AutorisatiesMarker>("autorisaties", new());
        await StartAsync<CatalogiMarker>("catalogi", new());
        await StartAsync<ZakenMarker>("zaken", new()
        {
            ["Zaken:ReconcileInterval"] = "00:00:01",
            ["Zaken:MirrorGracePeriod"] = "00:00:02",
        });
        await StartAsync<DocumentenMarker>("documenten", new()
        {
            ["Documenten:Storage:Path"] = _storage,
            ["Documenten:BestandsdeelGrootte"] = BestandsdeelGrootte.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await StartBesluitenAsync();
        await StartAsync<NotificatiesMarker>("notificaties", new()
        {
            ["Notificaties:Queue"] = NotificatiesQueue,
            ["Notificaties:Delivery:RetrySchedule"] = "00:00:00.300,00:00:00.600,00:00:01",
            ["Notificaties:Delivery:PollInterval"] = "00:00:00.100",
            ["Notificaties:Delivery:Timeout"] = "00:00:05",
        });

        Gateway = new WebApplicationFactory<GatewayMarker>().WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in _common)
                b.UseSetting(k, v);
            b.UseSetting("Zgw:ServiceIdentity:ClientId", Identity("gateway"));
            b.UseSetting("Zgw:ServiceIdentity:Secret", ServiceSecret);
            b.UseSetting("Gateway:ExposeAdminApi", "true");
        });
        _started.Add(Gateway);
        await ServiceHost.WaitReadyAsync(Gateway.CreateClient(), "gateway", TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Besluiten publishes in the HTTP mode of ARCHITECTURE §11.6 (as with a vendor's Notificaties): it registers its
    /// kanaal if missing and posts each notification to the Notificaties service's API; the others use RabbitMQ.
    /// </summary>
    private Task StartBesluitenAsync() => StartAsync<BesluitenMarker>("besluiten", new()
    {
        ["Messaging:NotificatieTransport"] = "Http",
        ["Besluiten:ReconcileInterval"] = "00:00:01",
        ["Besluiten:MirrorGracePeriod"] = "00:00:02",
    });

    public static string Identity(string service) => "openzaak-" + service;

    /// <summary>A service on Kestrel at its internal address with the common settings, its own identity and <paramref name="own"/>.</summary>
    private async Task StartAsync<T>(string key, Dictionary<string, string> own) where T : class
    {
        var factory = new WebApplicationFactory<T>().WithWebHostBuilder(b =>
        {
            var settings = new Dictionary<string, string>(_common)
            {
                ["urls"] = Internal[key],
                ["Zgw:ServiceIdentity:ClientId"] = Identity(key),
                ["Zgw:ServiceIdentity:Secret"] = ServiceSecret,
            };
            foreach (var (k, v) in own)
                settings[k] = v;
            foreach (var (k, v) in settings)
                b.UseSetting(k, v);
        });
        _started.Add(factory);
        factory.UseKestrel();
        _reserved.Remove(key, out var reservation);
        reservation!.Stop();
        factory.StartServer();
        await ServiceHost.WaitReadyAsync(factory.CreateClient(), key, TimeSpan.FromSeconds(60));
    }

    private static TcpListener Reserve()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    /// <summary>A client of the gateway with a token of <paramref name="clientId"/> (and the CRS headers Zaken wants).</summary>
    public HttpClient Through(string clientId, string secret)
    {
        var client = Gateway.CreateClient().WithToken(clientId, secret);
        client.DefaultRequestHeaders.Add("Accept-Crs", "EPSG:4326");
        client.DefaultRequestHeaders.Add("Content-Crs", "EPSG:4326");
        return client;
    }

    /// <summary>
    /// Registers <paramref name="clientId"/>'s secret through the Autorisaties admin API (through the gateway), with the
    /// applicatie when <paramref name="applicatie"/> is given (label, autorisaties), else the secret only.
    /// </summary>
    public async Task RegisterCredentialAsync(string clientId, string secret, string? label = null, object[]? autorisaties = null)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        var body = new JsonObject { ["secret"] = secret };
        if (label is not null)
            body["label"] = label;
        if (autorisaties is not null)
            body["autorisaties"] = System.Text.Json.JsonSerializer.SerializeToNode(autorisaties);
        var response = await client.PutAsJsonAsync($"/autorisaties/admin/v1/credentials/{clientId}", body);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent,
            $"PUT credentials/{clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public string Sl(string path) => SelectielijstRoot + path;

    public async Task DisposeAsync()
    {
        foreach (var reservation in _reserved.Values)
            reservation.Stop();
        for (var i = _started.Count - 1; i >= 0; i--)
            await _started[i].DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(_storage))
            Directory.Delete(_storage, recursive: true);
    }
}
