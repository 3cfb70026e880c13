using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Data;
using Zgw.Data.Migrations;
using Zgw.Messaging;
using Zgw.ServiceDefaults;
using Zgw.Testing;

namespace Shared.Tests.Messaging;

/// <summary>
/// The HTTP mode of the outbox relay (ARCHITECTURE §11.6, <c>Messaging:NotificatieTransport=Http</c>) against a vendor's
/// Notificaties API, which WireMock stands in for (it is the external peer, not under test): the kanaal is registered
/// when missing (N1), every committed change is posted as the standard message with the service's own token (N2), and
/// while the API fails nothing is lost and the order per hoofdObject holds.
/// </summary>
public sealed class HttpNotificatieTransportTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Api = "/notificaties/api/v1";
    private const string ClientId = "openzaak-zaken";
    private const string Secret = "zaken-geheim";
    private readonly WireMockServer _nrc = WireMockServer.Start();

    public void Dispose() => _nrc.Stop();

    private async Task<TestApp> StartServiceAsync(string schema, string? notificatiesUrl = "")
    {
        var ds = ZgwDatabase.CreateDataSource(database.ConnectionString, schema, "tests");
        await new Migrator(ds, schema, NullLogger.Instance).MigrateAsync(
            [.. MigrationScript.Outbox, new MigrationScript("svc/0001", "CREATE TABLE voorbeeld (id uuid PRIMARY KEY);")]);
        await ds.DisposeAsync();
        return await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = TestInfrastructure.RabbitMq,
            ["Messaging:NotificatieTransport"] = "Http",
            ["Messaging:RelayPollInterval"] = "00:00:00.200",
            ["Messaging:RelayMaxBackoff"] = "00:00:00.500",
            ["Messaging:PublishTimeout"] = "00:00:05",
            ["Zgw:Services:notificaties:InternalUrl"] = notificatiesUrl == "" ? _nrc.Url : notificatiesUrl,
            ["Zgw:ServiceIdentity:ClientId"] = ClientId,
            ["Zgw:ServiceIdentity:Secret"] = Secret,
        }, b =>
        {
            b.Services.Configure<ZgwOptions>(b.Configuration.GetSection(ZgwOptions.Section));
            b.AddZgwApi();
            b.AddZgwDatabase(schema);
            b.AddZgwMessaging();
        }, _ => { });
    }

    private void KanaalAt(string kanaal, bool exists) => _nrc.Given(Request.Create().WithPath(Api + "/kanaal").WithParam("naam", kanaal).UsingGet())
        .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody(exists ? $$"""[{"url": "{{_nrc.Url}}{{Api}}/kanaal/1", "naam": "{{kanaal}}", "filters": []}]""" : "[]"));

    private void Answers(int notificaties, int kanaalCreate = 201)
    {
        _nrc.Given(Request.Create().WithPath(Api + "/kanaal").UsingPost()).RespondWith(Response.Create().WithStatusCode(kanaalCreate));
        _nrc.Given(Request.Create().WithPath(Api + "/notificaties").UsingPost()).RespondWith(Response.Create().WithStatusCode(notificaties)
            .WithHeader("Content-Type", "application/json").WithBody(notificaties == 200 ? "{}" : """{"title": "unavailable"}"""));
    }

    private static NotificatieMessage Message(string kanaal, string hoofdObject, string resourceUrl) => new(kanaal, hoofdObject, "status",
        resourceUrl, "create", DateTimeOffset.Parse("2026-11-29T12:00:00Z"), new Dictionary<string, string>
        {
            ["bronorganisatie"] = "000000000",
            ["zaaktype"] = "https://zgw.example.nl/catalogi/api/v1/zaaktypen/1",
            ["vertrouwelijkheidaanduiding"] = "openbaar",
        });

    private static Task<Guid> WriteAsync(TestApp app, NotificatieMessage message) =>
        app.Services.GetRequiredService<ZgwDatabase>().InTransactionAsync(async (c, tx) =>
        {
            await c.ExecuteAsync("INSERT INTO voorbeeld (id) VALUES (@id)", new { id = Guid.NewGuid() }, tx);
            return await NotificatieOutbox.EnqueueAsync(c, tx, message);
        });

    private IEnumerable<WireMock.Logging.ILogEntry> Calls(string method, string path) =>
        _nrc.LogEntries.Where(e => e.RequestMessage.Method == method && e.RequestMessage.AbsolutePath == Api + path);

    private async Task<(int Unpublished, int MaxAttempts, string? LastError)> OutboxState(string schema)
    {
        await using var c = await database.CreateDataSource().OpenConnectionAsync();
        return await c.QuerySingleAsync<(int, int, string?)>(
            $"SELECT (count(*) FILTER (WHERE published_at IS NULL))::int, coalesce(max(attempts), 0), max(last_error) FROM {schema}.outbox");
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task N1_N2_MissingKanaal_IsRegisteredOnce_ThenEveryChangeIsPostedAsTheStandardMessageWithTheServiceToken()
    {
        KanaalAt("zaken", exists: false);
        Answers(notificaties: 200);
        await using var app = await StartServiceAsync("http_relay_post");

        var first = await WriteAsync(app, Message("zaken", "https://zgw.example.nl/zaken/api/v1/zaken/1", "https://zgw.example.nl/zaken/api/v1/statussen/1"));
        await WriteAsync(app, Message("zaken", "https://zgw.example.nl/zaken/api/v1/zaken/2", "https://zgw.example.nl/zaken/api/v1/statussen/2"));
        await WaitUntil(async () => (await OutboxState("http_relay_post")).Unpublished == 0 && Calls("POST", "/notificaties").Count() == 2);

        var registration = Assert.Single(Calls("POST", "/kanaal"));
        var kanaal = JsonNode.Parse(registration.RequestMessage.Body!)!;
        Assert.Equal("zaken", kanaal["naam"]!.GetValue<string>());
        Assert.Equal(["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"], kanaal["filters"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Single(Calls("GET", "/kanaal")); // the second message knows the kanaal exists

        var post = Calls("POST", "/notificaties").Single(e => e.RequestMessage.Body!.Contains("statussen/1"));
        var body = JsonNode.Parse(post.RequestMessage.Body!)!.AsObject();
        Assert.Equal(["kanaal", "hoofdObject", "resource", "resourceUrl", "actie", "aanmaakdatum", "kenmerken"], body.Select(p => p.Key));
        Assert.Equal("https://zgw.example.nl/zaken/api/v1/zaken/1", body["hoofdObject"]!.GetValue<string>());
        Assert.Equal("openbaar", body["kenmerken"]!["vertrouwelijkheidaanduiding"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T12:00:00Z"), body["aanmaakdatum"]!.GetValue<DateTimeOffset>());
        Assert.Equal(first.ToString(), post.RequestMessage.Headers![ZgwHeaders.MessageId].Single());

        var token = post.RequestMessage.Headers!["Authorization"].Single();
        Assert.StartsWith("Bearer ", token);
        var verified = ZgwJwt.Validate(token["Bearer ".Length..], [Encoding.UTF8.GetBytes(Secret)], DateTimeOffset.UtcNow, new ZgwJwtOptions());
        Assert.True(verified.IsValid, verified.Error);
        Assert.Equal(ClientId, verified.Claims!.ClientId);
    }

    [Fact]
    public async Task N1_ExistingKanaal_IsNotRegisteredAgain()
    {
        KanaalAt("zaken", exists: true);
        Answers(notificaties: 200);
        await using var app = await StartServiceAsync("http_relay_known");

        await WriteAsync(app, Message("zaken", "https://zgw.example.nl/zaken/api/v1/zaken/1", "https://zgw.example.nl/zaken/api/v1/zaken/1"));
        await WaitUntil(async () => (await OutboxState("http_relay_known")).Unpublished == 0);

        Assert.Empty(Calls("POST", "/kanaal"));
        Assert.Single(Calls("POST", "/notificaties"));
    }

    /// <summary>A 400 may mean the kanaal is gone at the vendor (N1 "if absent"): the next attempt checks and registers it again.</summary>
    [Fact]
    public async Task N1_KanaalRemovedAtTheVendor_IsRegisteredAgainAfterA400()
    {
        KanaalAt("zaken", exists: true);
        Answers(notificaties: 400);
        await using var app = await StartServiceAsync("http_relay_gone");
        await WriteAsync(app, Message("zaken", "https://zgw.example.nl/zaken/api/v1/zaken/1", "https://zgw.example.nl/zaken/api/v1/zaken/1"));
        await WaitUntil(async () => (await OutboxState("http_relay_gone")).MaxAttempts >= 1);

        _nrc.ResetMappings();
        KanaalAt("zaken", exists: false);
        Answers(notificaties: 200);
        await WaitUntil(async () => (await OutboxState("http_relay_gone")).Unpublished == 0);

        Assert.Single(Calls("POST", "/kanaal"));
        Assert.True(Calls("GET", "/kanaal").Count() >= 2);
    }

    [Fact]
    public async Task NotificatiesFailing_RowsWaitWithTheirError_AndAllGoOutInOrderOnceItAnswers()
    {
        KanaalAt("zaken", exists: true);
        Answers(notificaties: 503);
        await using var app = await StartServiceAsync("http_relay_outage");

        const string zaak = "https://zgw.example.nl/zaken/api/v1/zaken/7";
        var urls = Enumerable.Range(0, 5).Select(i => $"https://zgw.example.nl/zaken/api/v1/statussen/{i}").ToList();
        foreach (var url in urls)
            await WriteAsync(app, Message("zaken", zaak, url));
        await WaitUntil(async () => (await OutboxState("http_relay_outage")).MaxAttempts >= 2);
        var waiting = await OutboxState("http_relay_outage");
        Assert.Equal(5, waiting.Unpublished);
        Assert.Contains("503", waiting.LastError);

        _nrc.ResetMappings();
        _nrc.ResetLogEntries();
        KanaalAt("zaken", exists: true);
        Answers(notificaties: 200);
        await WaitUntil(async () => (await OutboxState("http_relay_outage")).Unpublished == 0);

        var posted = Calls("POST", "/notificaties").OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!["resourceUrl"]!.GetValue<string>()).ToList();
        Assert.Equal(urls, posted);
    }

    [Fact]
    public async Task BusEvents_StillGoOnRabbitMq_NotToTheNotificatiesApi()
    {
        Answers(notificaties: 200);
        await using var app = await StartServiceAsync("http_relay_bus");
        await TestBus.WaitUntilHealthyAsync(app.Services);

        await app.Services.GetRequiredService<ZgwDatabase>().InTransactionAsync((c, tx) => AutorisatiesGewijzigd.EnqueueAsync(c, tx, ["some-client"]));
        await WaitUntil(async () => (await OutboxState("http_relay_bus")).Unpublished == 0);

        Assert.Empty(_nrc.LogEntries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-url")]
    public async Task HttpMode_WithoutTheAddressOfANotificatiesApi_TheServiceDoesNotStart(string? url)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartServiceAsync("http_relay_unset", url));
        Assert.Contains("Zgw:Services:notificaties:InternalUrl", error.Message);
    }
}
