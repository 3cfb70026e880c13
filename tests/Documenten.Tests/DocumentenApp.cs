using System.Text.Json.Nodes;
using Catalogi.Api;
using Dapper;
using Documenten.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using WireMock.Server;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// The Documenten service over HTTP (Kestrel) with its real neighbours: the real Catalogi service (on a Kestrel port,
/// reached by the Documenten URL resolver through <c>Zgw:Services:catalogi:InternalUrl</c> with Documenten's own service
/// identity), one PostgreSQL database (schemas <c>documenten</c> and <c>catalogi</c>), RabbitMQ, and a content store in
/// a temporary folder (<see cref="StoragePath"/>). The Zaken and Besluiten APIs (the sources of objectinformatieobjecten,
/// D2) are one WireMock server (<see cref="Bronnen"/>).
///
/// Published informatieobjecttypen exist before Documenten starts (<see cref="A"/>: vertrouwelijkheidaanduiding openbaar,
/// <see cref="B"/>: zaakvertrouwelijk, <see cref="C"/>: openbaar), so clients can be authorised per type in configuration:
/// <list type="bullet">
/// <item><c>beheerder</c>: heeftAlleAutorisaties.</item>
/// <item><c>behandelaar</c>: lezen, aanmaken, bijwerken, verwijderen, lock, audittrails.lezen on A and B (zeer_geheim).</item>
/// <item><c>aanmaker</c>: lezen and aanmaken on A up to zaakvertrouwelijk.</item>
/// <item><c>beperkt</c>: lezen on A up to zaakvertrouwelijk and on B up to openbaar.</item>
/// <item><c>lezer</c>: lezen on A, B and C (zeer_geheim); no audittrails.lezen.</item>
/// <item><c>buitenstaander</c>: no Documenten scopes.</item>
/// <item><c>bijwerker</c>: lezen and geforceerd-bijwerken on A up to zaakvertrouwelijk.</item>
/// <item><c>ontgrendelaar</c>: geforceerd-unlock and lezen on A (zeer_geheim); no lock scope.</item>
/// <item><c>slotbeperkt</c>: lezen, lock and bijwerken on A up to openbaar.</item>
/// </list>
/// </summary>
public sealed class DocumentenApp : IAsyncLifetime
{
    public const string PublicBase = "https://zgw.example.nl";
    public const string ApiRoot = PublicBase + "/documenten/api/v1";
    public const string Secret = "geheim";
    public const string Beheerder = "beheerder";
    public const string Behandelaar = "behandelaar";
    public const string Aanmaker = "aanmaker";
    public const string Beperkt = "beperkt";
    public const string Lezer = "lezer";
    public const string Buitenstaander = "buitenstaander";
    public const string Bijwerker = "bijwerker";
    public const string Ontgrendelaar = "ontgrendelaar";
    public const string Slotbeperkt = "slotbeperkt";
    public const string ServiceClient = "openzaak-documenten";
    public const string Bronorganisatie = "517439943";

    /// <summary>Size of one bestandsdeel in these tests (small, so uploads are split into several parts).</summary>
    public const long BestandsdeelGrootte = 10;

    public PostgresDatabase Database { get; } = new();
    public WebApplicationFactory<DocumentenMarker> Factory { get; private set; } = null!;
    public WebApplicationFactory<CatalogiMarker> Catalogi { get; private set; } = null!;

    /// <summary>Stands in for the Zaken and Besluiten APIs (zaken, besluiten, zaakinformatieobjecten, besluitinformatieobjecten).</summary>
    public WireMockServer Bronnen { get; private set; } = null!;

    /// <summary>The folder of the content store.</summary>
    public string StoragePath { get; } = Path.Combine(Path.GetTempPath(), "documenten-tests-" + Guid.NewGuid().ToString("N"));

    public string DocumentenUrl { get; private set; } = "";
    public string CatalogiUrl { get; private set; } = "";
    public string Catalogus { get; private set; } = "";

    /// <summary>Published informatieobjecttypen made before the service started (clients are authorised on them).</summary>
    public string A { get; private set; } = "";
    public string B { get; private set; } = "";
    public string C { get; private set; } = "";

    public CatalogiSeeder Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Bronnen = WireMockServer.Start();

        CatalogiUrl = ServiceHost.LocalUrl();
        var catalogi = Settings(CatalogiUrl)
            .AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true)
            .AddClient(1, ServiceClient, Secret, heeftAlleAutorisaties: true);
        Catalogi = await ServiceHost.StartAsync<CatalogiMarker>(catalogi);

        Seed = new CatalogiSeeder(CatalogiClient);
        Catalogus = await Seed.CatalogusAsync("Documenten testcatalogus");
        A = await Seed.InformatieobjecttypeAsync(Catalogus, "openbaar");
        B = await Seed.InformatieobjecttypeAsync(Catalogus, "zaakvertrouwelijk");
        C = await Seed.InformatieobjecttypeAsync(Catalogus, "openbaar");

        DocumentenUrl = ServiceHost.LocalUrl();
        var settings = Settings(DocumentenUrl).CallingSibling("catalogi", CatalogiUrl, ServiceClient, Secret);
        settings["Zgw:References:AllowedHosts:0"] = new Uri(Bronnen.Url!).Authority;
        settings["Documenten:Storage:Path"] = StoragePath;
        settings["Documenten:BestandsdeelGrootte"] = BestandsdeelGrootte.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings.AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true);
        string[] behandelen = [DocumentenScopes.Lezen, DocumentenScopes.Aanmaken, DocumentenScopes.Bijwerken, DocumentenScopes.Verwijderen,
            DocumentenScopes.Lock, DocumentenScopes.AudittrailsLezen];
        AddClient(settings, 1, Behandelaar, [(A, "zeer_geheim"), (B, "zeer_geheim")], behandelen);
        AddClient(settings, 2, Aanmaker, [(A, "zaakvertrouwelijk")], DocumentenScopes.Lezen, DocumentenScopes.Aanmaken);
        AddClient(settings, 3, Beperkt, [(A, "zaakvertrouwelijk"), (B, "openbaar")], DocumentenScopes.Lezen);
        AddClient(settings, 4, Lezer, [(A, "zeer_geheim"), (B, "zeer_geheim"), (C, "zeer_geheim")], DocumentenScopes.Lezen);
        AddClient(settings, 5, Buitenstaander, [], []);
        settings.AddClient(6, ServiceClient, Secret, heeftAlleAutorisaties: true);
        AddClient(settings, 10, Bijwerker, [(A, "zaakvertrouwelijk")], DocumentenScopes.Lezen, DocumentenScopes.GeforceerdBijwerken);
        // lock / unlock / bestandsdelen (indexes from 30: gaps in a configuration list are fine)
        AddClient(settings, 30, Ontgrendelaar, [(A, "zeer_geheim")], DocumentenScopes.GeforceerdUnlock, DocumentenScopes.Lezen);
        AddClient(settings, 31, Slotbeperkt, [(A, "openbaar")], DocumentenScopes.Lezen, DocumentenScopes.Lock, DocumentenScopes.Bijwerken);
        Factory = await ServiceHost.StartAsync<DocumentenMarker>(settings);
    }

    /// <summary>The settings of a service of this fixture on <paramref name="url"/> (the outbox relay off).</summary>
    private ServiceSettings Settings(string url) => new(Database, PublicBase)
    {
        ["urls"] = url,
        ["Messaging:RelayEnabled"] = "false",
    };

    /// <summary>A client with drc autorisaties on informatieobjecttypen, each up to its maximum vertrouwelijkheidaanduiding.</summary>
    private static void AddClient(ServiceSettings settings, int i, string clientId, (string Informatieobjecttype, string Max)[] grants,
        params string[] scopes)
    {
        settings.AddClient(i, clientId, Secret);
        for (var g = 0; g < grants.Length; g++)
            settings.AddAutorisatie(i, g, "drc", scopes,
                ("Informatieobjecttype", grants[g].Informatieobjecttype), ("MaxVertrouwelijkheidaanduiding", grants[g].Max));
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
            await Factory.DisposeAsync();
        if (Catalogi is not null)
            await Catalogi.DisposeAsync();
        Bronnen?.Stop();
        await Database.DisposeAsync();
        if (Directory.Exists(StoragePath))
            Directory.Delete(StoragePath, recursive: true);
    }

    public HttpClient Client(string clientId = Beheerder) => Factory.CreateClient().WithToken(clientId, Secret);

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient CatalogiClient() => Catalogi.CreateClient().WithToken(Beheerder, Secret);

    public static string PathOf(string url) => ZgwHttp.PathOf(url);

    public static string Url(JsonObject o) => ZgwHttp.Url(o);

    /// <summary>Runs a scalar query in the <c>documenten</c> schema.</summary>
    public async Task<T?> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var c = Database.Connect("documenten,public");
        return await c.ExecuteScalarAsync<T>(sql, parameters);
    }

    /// <summary>The notifications written to the outbox for <paramref name="hoofdObject"/> (kanaal documenten), oldest first.</summary>
    public Task<List<JsonObject>> NotificationsAsync(string hoofdObject) => Database.OutboxNotificationsAsync("documenten,public", hoofdObject);

    /// <summary>The files in the content store (temporary files excluded).</summary>
    public IReadOnlyList<string> StoredFiles() => Directory.Exists(StoragePath)
        ? Directory.EnumerateFiles(StoragePath, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".tmp" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList()
        : [];

    /// <summary>A minimal valid document body of <paramref name="informatieobjecttype"/> with base64 content <paramref name="inhoud"/>.</summary>
    public static Dictionary<string, object?> DocumentBody(string informatieobjecttype, string? inhoud = "aGFsbG8gd2VyZWxk",
        string? vertrouwelijkheid = "openbaar") => new()
    {
        ["bronorganisatie"] = Bronorganisatie,
        ["creatiedatum"] = "2024-03-01",
        ["titel"] = "Melding losliggende stoeptegel",
        ["auteur"] = "Tester",
        ["taal"] = "dut",
        ["bestandsnaam"] = "melding.txt",
        ["formaat"] = "text/plain",
        ["inhoud"] = inhoud,
        ["informatieobjecttype"] = informatieobjecttype,
        ["vertrouwelijkheidaanduiding"] = vertrouwelijkheid,
    };

    /// <summary>Creates a document (asserting 201) and returns it.</summary>
    public async Task<JsonObject> CreateDocumentAsync(string informatieobjecttype, string clientId = Beheerder,
        Action<Dictionary<string, object?>>? change = null, string vertrouwelijkheid = "openbaar")
    {
        var body = DocumentBody(informatieobjecttype, vertrouwelijkheid: vertrouwelijkheid);
        change?.Invoke(body);
        return await Client(clientId).CreateAsync("/documenten/api/v1/enkelvoudiginformatieobjecten", body);
    }

    public Task<JsonObject> GetAsync(string url, string clientId = Beheerder) => Client(clientId).GetObjectAsync(url);
}

[CollectionDefinition(Name)]
public sealed class DocumentenCollection : ICollectionFixture<DocumentenApp>
{
    public const string Name = "documenten";
}
