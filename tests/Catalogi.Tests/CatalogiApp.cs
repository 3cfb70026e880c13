using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalogi.Api;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using SelectielijstFixture;
using Zgw.Testing;

namespace Catalogi.Tests;

/// <summary>
/// The Catalogi service over HTTP against a real PostgreSQL database of its own and RabbitMQ, migrated on start, with
/// the Selectielijst fixture server on a real port as its Selectielijst API. Clients from configuration: a beheerder
/// with all autorisaties, a schrijver (lezen + schrijven), a corrector (also the geforceerd scopes), a lezer, readers
/// of the Zaken and Documenten APIs (ztc-014), and a client with no Catalogi scope.
/// </summary>
public sealed class CatalogiApp : IAsyncLifetime
{
    public const string PublicBase = "https://zgw.example.nl";
    public const string ApiRoot = PublicBase + "/catalogi/api/v1";
    public const string Secret = "geheim";
    public const string Beheerder = "beheerder";
    public const string Schrijver = "schrijver";
    public const string Corrector = "corrector";
    public const string Lezer = "lezer";
    public const string ZakenLezer = "zaken-lezer";
    public const string DocumentenLezer = "documenten-lezer";
    public const string Buitenstaander = "buitenstaander";

    public const string Procestype = "procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d";
    public const string AnderProcestype = "procestypen/96fd0e9b-6e3b-4b1b-9e5f-3c1f0a6d2b7e";
    public const string ResultaatNihil = "resultaten/cc5ae4e3-a9e6-4386-bcee-46be4986a829";
    public const string ResultaatIngeschat = "resultaten/a8a5c6d1-2f54-4c55-9c1e-7e2b58f0b0b1";
    public const string ResultaatZonderTermijn = "resultaten/5b0c1a9e-8d2f-4e3a-b6c7-1f2e3d4c5b6a";
    public const string ResultaatAnderProces = "resultaten/0f3e2d1c-4b5a-4697-8877-665544332211";
    public const string Afgehandeld = "resultaattypeomschrijvingen/7cb315fb-4f7b-4a43-aca1-e4522e4c73b3";

    public PostgresDatabase Database { get; } = new();
    public WebApplicationFactory<CatalogiMarker> Factory { get; private set; } = null!;
    public WebApplicationFactory<SelectielijstMarker> Selectielijst { get; private set; } = null!;

    /// <summary>The Selectielijst fixture's API root, e.g. <c>http://127.0.0.1:5123/api/v1/</c>.</summary>
    public string SelectielijstRoot { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var selectielijstUrl = ServiceHost.LocalUrl();
        SelectielijstRoot = selectielijstUrl + "/api/v1/";
        Selectielijst = ServiceHost.Serve<SelectielijstMarker>(new Dictionary<string, string> { ["urls"] = selectielijstUrl });

        await Database.InitializeAsync();
        var settings = new ServiceSettings(Database, PublicBase)
        {
            ["Messaging:RelayEnabled"] = "false",
            ["Catalogi:SelectielijstApiRoot"] = SelectielijstRoot,
            ["Zgw:References:AllowedHosts:0"] = new Uri(selectielijstUrl).Authority,
        };
        settings.AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true);
        AddClient(settings, 1, Schrijver, "ztc", CatalogiScopes.Lezen, CatalogiScopes.Schrijven);
        AddClient(settings, 2, Corrector, "ztc", CatalogiScopes.Lezen, CatalogiScopes.Schrijven, CatalogiScopes.GeforceerdSchrijven,
            CatalogiScopes.GeforceerdVerwijderen);
        AddClient(settings, 3, Lezer, "ztc", CatalogiScopes.Lezen);
        AddClient(settings, 4, ZakenLezer, "zrc", "zaken.lezen");
        AddClient(settings, 5, DocumentenLezer, "drc", "documenten.lezen");
        AddClient(settings, 6, Buitenstaander, "ac", "autorisaties.lezen");
        Factory = await ServiceHost.StartAsync<CatalogiMarker>(settings);
    }

    /// <summary>A client with one autorisatie: <paramref name="scopes"/> of <paramref name="component"/>.</summary>
    private static void AddClient(ServiceSettings settings, int i, string clientId, string component, params string[] scopes) =>
        settings.AddClient(i, clientId, Secret).AddAutorisatie(i, 0, component, scopes);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Selectielijst.DisposeAsync();
        await Database.DisposeAsync();
    }

    public HttpClient Client(string clientId = Schrijver) => Factory.CreateClient().WithToken(clientId, Secret);

    public HttpClient Anonymous() => Factory.CreateClient();

    public string Sl(string path) => SelectielijstRoot + path;

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var c = Database.Connect("catalogi");
        return await c.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("no value");
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    public static string PathOf(string url) => ZgwHttp.PathOf(url);

    /// <summary>POSTs <paramref name="body"/> as <paramref name="clientId"/> and returns the created object (asserting 201).</summary>
    public Task<JsonObject> CreateAsync(string collection, object body, string clientId = Beheerder) =>
        Client(clientId).CreateAsync($"/catalogi/api/v1/{collection}", body);

    public Task<JsonObject> GetAsync(string url, string clientId = Beheerder) => Client(clientId).GetObjectAsync(url);

    public async Task PublishAsync(string url, string clientId = Beheerder)
    {
        var response = await Client(clientId).PostAsync(PathOf(url) + "/publish", JsonContent.Create(new { }));
        Assert.True(response.IsSuccessStatusCode, $"publish {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogiCollection : ICollectionFixture<CatalogiApp>
{
    public const string Name = "catalogi";
}
