using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autorisaties.Api;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Zgw.Testing;

namespace Autorisaties.Tests;

/// <summary>
/// The Autorisaties service over HTTP against a real PostgreSQL database of its own and RabbitMQ, migrated on
/// start. Clients from configuration: an administrator with all autorisaties, a reader, a service identity.
/// </summary>
public sealed class AutorisatiesApp : IAsyncLifetime
{
    public const string PublicBase = "https://zgw.example.nl";
    public const string ApiRoot = PublicBase + "/autorisaties/api/v1";
    public const string AdminKey = "test-admin-key";
    public const string Beheerder = "beheerder";
    public const string Lezer = "lezer";
    public const string ServiceClient = "gateway-service";
    public const string Secret = "geheim";

    public PostgresDatabase Database { get; } = new();
    public WebApplicationFactory<AutorisatiesMarker> Factory { get; private set; } = null!;

    /// <summary>Set to serve on a real port (for other processes that call this one).</summary>
    public int? KestrelPort { get; init; }

    public string? Url => KestrelPort is null ? null : $"http://127.0.0.1:{KestrelPort}";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var settings = new ServiceSettings(Database, PublicBase)
        {
            ["OPENZAAK_ADMIN_KEY"] = AdminKey,
            ["Messaging:RelayPollInterval"] = "00:00:00.200",
        };
        settings.AddClient(0, Beheerder, Secret, heeftAlleAutorisaties: true);
        settings.AddClient(1, Lezer, Secret).AddAutorisatie(1, 0, "ac", ["autorisaties.lezen"]);
        settings.AddClient(2, ServiceClient, Secret).AddAutorisatie(2, 0, "ac", ["autorisaties.credentials.lezen"]);
        if (Url is not null)
            settings["urls"] = Url;
        Factory = await ServiceHost.StartAsync<AutorisatiesMarker>(settings);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    public HttpClient Client(string clientId = Beheerder, string secret = Secret) => Factory.CreateClient().WithToken(clientId, secret);

    public HttpClient Admin(string? key = AdminKey)
    {
        var client = Factory.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Admin-Key", key);
        return client;
    }

    public async Task<JsonObject> CreateApplicatieAsync(object body)
    {
        var response = await Client().PostAsJsonAsync("/autorisaties/api/v1/applicaties", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<T> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var c = Database.Connect("autorisaties");
        return await c.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("no value");
    }

    public static object Zrc(string zaaktype = "https://zgw.example.nl/catalogi/api/v1/zaaktypen/1", string va = "openbaar",
        params string[] scopes) => new
    {
        component = "zrc",
        scopes = scopes.Length == 0 ? ["zaken.lezen"] : scopes,
        zaaktype,
        maxVertrouwelijkheidaanduiding = va,
    };

    public static string NewClientId() => "client-" + Guid.NewGuid().ToString("N")[..12];

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}

[CollectionDefinition(Name)]
public sealed class AutorisatiesCollection : ICollectionFixture<AutorisatiesApp>
{
    public const string Name = "autorisaties";
}
