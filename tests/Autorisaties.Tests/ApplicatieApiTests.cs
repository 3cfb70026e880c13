using System.Net;
using System.Net.Http.Json;
using System.Text;
using Zgw.Testing;

namespace Autorisaties.Tests;

/// <summary>The seven operations of the Autorisaties API 1.0.0 over HTTP.</summary>
[Collection(AutorisatiesCollection.Name)]
public sealed class ApplicatieApiTests(AutorisatiesApp app)
{
    private const string Applicaties = "/autorisaties/api/v1/applicaties";

    [Fact]
    public async Task Create_Returns201WithLocation_AndTheOasShape()
    {
        var clientId = AutorisatiesApp.NewClientId();
        var response = await app.Client().PostAsJsonAsync(Applicaties, new
        {
            clientIds = new[] { clientId },
            label = "Melding Openbare Ruimte",
            autorisaties = new object[]
            {
                AutorisatiesApp.Zrc(va: "zaakvertrouwelijk", scopes: ["zaken.lezen", "zaken.aanmaken"]),
                new { component = "ztc", scopes = new[] { "catalogi.lezen" } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = AutorisatiesApp.Json(await response.Content.ReadAsStringAsync());
        var url = body.GetProperty("url").GetString()!;
        Assert.StartsWith(AutorisatiesApp.ApiRoot + "/applicaties/", url);
        Assert.Equal(url, response.Headers.Location!.ToString());
        Assert.False(body.GetProperty("heeftAlleAutorisaties").GetBoolean());
        var zrc = body.GetProperty("autorisaties")[0];
        Assert.Equal("Zaken API", zrc.GetProperty("componentWeergave").GetString());
        Assert.Equal("zaakvertrouwelijk", zrc.GetProperty("maxVertrouwelijkheidaanduiding").GetString());
        var ztc = body.GetProperty("autorisaties")[1];
        Assert.False(ztc.TryGetProperty("zaaktype", out _));
        Assert.Equal(1, await app.QueryAsync<int>("SELECT count(*)::int FROM applicatie_client WHERE client_id = @clientId", new { clientId }));
    }

    [Fact]
    public async Task Read_ReturnsTheApplicatie_AndUnknownIs404()
    {
        var created = await app.CreateApplicatieAsync(new { clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x", heeftAlleAutorisaties = true });
        var url = created["url"]!.GetValue<string>();
        var read = await app.Client().GetAsync(new Uri(url).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(url, AutorisatiesApp.Json(await read.Content.ReadAsStringAsync()).GetProperty("url").GetString());
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync($"{Applicaties}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync($"{Applicaties}/geen-uuid"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task List_IsPaginated_AndFiltersOnClientIds()
    {
        var a = AutorisatiesApp.NewClientId();
        var b = AutorisatiesApp.NewClientId();
        await app.CreateApplicatieAsync(new { clientIds = new[] { a, a + "-2" }, label = "a", heeftAlleAutorisaties = true });
        await app.CreateApplicatieAsync(new { clientIds = new[] { b }, label = "b", heeftAlleAutorisaties = true });

        var all = AutorisatiesApp.Json(await app.Client().GetStringAsync(Applicaties));
        Assert.True(all.GetProperty("count").GetInt32() >= 2);
        Assert.True(all.TryGetProperty("next", out _));

        var filtered = AutorisatiesApp.Json(await app.Client().GetStringAsync($"{Applicaties}?clientIds={a}-2,{b}"));
        Assert.Equal(2, filtered.GetProperty("count").GetInt32());
        Assert.Equal(["b", "a"], filtered.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task List_UnknownParameter_Is400()
    {
        var response = await app.Client().GetAsync($"{Applicaties}?client_ids=x");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Consumer_ReturnsTheOneApplicatieOfAClientId()
    {
        var clientId = AutorisatiesApp.NewClientId();
        var created = await app.CreateApplicatieAsync(new { clientIds = new[] { "other-" + clientId, clientId }, label = "c", heeftAlleAutorisaties = true });
        var response = await app.Client().GetAsync($"{Applicaties}/consumer?clientId={clientId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created["url"]!.GetValue<string>(), AutorisatiesApp.Json(await response.Content.ReadAsStringAsync()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Consumer_UnknownClient404_MissingClientId400()
    {
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync($"{Applicaties}/consumer?clientId=bestaat-niet"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync($"{Applicaties}/consumer"), HttpStatusCode.BadRequest, "invalid", "clientId", "required");
    }

    [Fact]
    public async Task Update_ReplacesEverything()
    {
        var clientId = AutorisatiesApp.NewClientId();
        var created = await app.CreateApplicatieAsync(new { clientIds = new[] { clientId }, label = "oud", heeftAlleAutorisaties = true });
        var path = new Uri(created["url"]!.GetValue<string>()).AbsolutePath;
        var response = await app.Client().PutAsJsonAsync(path, new { clientIds = new[] { clientId, clientId + "-b" }, label = "nieuw", autorisaties = new[] { AutorisatiesApp.Zrc() } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = AutorisatiesApp.Json(await response.Content.ReadAsStringAsync());
        Assert.Equal("nieuw", body.GetProperty("label").GetString());
        Assert.False(body.GetProperty("heeftAlleAutorisaties").GetBoolean());
        Assert.Equal(2, body.GetProperty("clientIds").GetArrayLength());
        Assert.Equal(2, await app.QueryAsync<int>("SELECT count(*)::int FROM applicatie_client WHERE client_id LIKE @p", new { p = clientId + "%" }));
    }

    [Fact]
    public async Task PartialUpdate_ChangesOnlyTheGivenFields_AndAutorisatiesReplaceTheSet_A4()
    {
        var clientId = AutorisatiesApp.NewClientId();
        var created = await app.CreateApplicatieAsync(new
        {
            clientIds = new[] { clientId }, label = "label",
            autorisaties = new[] { AutorisatiesApp.Zrc("https://x.nl/zt/1"), AutorisatiesApp.Zrc("https://x.nl/zt/2") },
        });
        var path = new Uri(created["url"]!.GetValue<string>()).AbsolutePath;

        var labelOnly = AutorisatiesApp.Json(await (await app.Client().PatchAsJsonAsync(path, new { label = "ander label" })).Content.ReadAsStringAsync());
        Assert.Equal("ander label", labelOnly.GetProperty("label").GetString());
        Assert.Equal(2, labelOnly.GetProperty("autorisaties").GetArrayLength());

        var replaced = await app.Client().PatchAsJsonAsync(path, new { autorisaties = new[] { AutorisatiesApp.Zrc("https://x.nl/zt/3") } });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var body = AutorisatiesApp.Json(await replaced.Content.ReadAsStringAsync());
        Assert.Equal("https://x.nl/zt/3", Assert.Single(body.GetProperty("autorisaties").EnumerateArray()).GetProperty("zaaktype").GetString());
    }

    [Fact]
    public async Task Delete_Is204_ThenGone_AndTheClientIdIsFreeAgain()
    {
        var clientId = AutorisatiesApp.NewClientId();
        var created = await app.CreateApplicatieAsync(new { clientIds = new[] { clientId }, label = "weg", heeftAlleAutorisaties = true });
        var path = new Uri(created["url"]!.GetValue<string>()).AbsolutePath;
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync(path)).StatusCode);
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(path), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await app.Client().DeleteAsync(path), HttpStatusCode.NotFound, "not_found");
        await app.CreateApplicatieAsync(new { clientIds = new[] { clientId }, label = "opnieuw", heeftAlleAutorisaties = true });
    }

    [Fact]
    public async Task EveryWrite_QueuesItsNotification_OnKanaalAutorisaties()
    {
        var created = await app.CreateApplicatieAsync(new { clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "n", heeftAlleAutorisaties = true });
        var url = created["url"]!.GetValue<string>();
        var path = new Uri(url).AbsolutePath;
        await app.Client().PutAsJsonAsync(path, new { clientIds = created["clientIds"], label = "n2", heeftAlleAutorisaties = true });
        await app.Client().PatchAsJsonAsync(path, new { label = "n3" });
        await app.Client().DeleteAsync(path);

        var acties = await app.QueryAsync<string>("""
            SELECT string_agg(payload->>'actie', ',' ORDER BY seq) FROM outbox
            WHERE message_type = 'notificatie' AND payload->>'hoofdObject' = @url
              AND payload->>'kanaal' = 'autorisaties' AND payload->>'resource' = 'applicatie' AND payload->>'resourceUrl' = @url
            """, new { url });
        Assert.Equal("create,update,partial_update,destroy", acties);
    }

    [Fact]
    public async Task MalformedBody_Is400_AndNothingIsWritten()
    {
        var before = await app.QueryAsync<long>("SELECT count(*) FROM applicatie");
        var response = await app.Client().PostAsync(Applicaties, new StringContent("{\"clientIds\": [\"x\"", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "parse_error");
        var wrongType = await app.Client().PostAsync(Applicaties, new StringContent("""{"clientIds":"x","label":"y"}""", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.BadRequest, "invalid", "clientIds");
        Assert.Equal(before, await app.QueryAsync<long>("SELECT count(*) FROM applicatie"));
    }

    [Fact]
    public async Task Scopes_LezenReads_BijwerkenWrites_NoTokenIs403()
    {
        var reader = app.Client(AutorisatiesApp.Lezer);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Applicaties)).StatusCode);
        await ProblemAssert.IsProblemAsync(await reader.PostAsJsonAsync(Applicaties, new { clientIds = new[] { "x" }, label = "x", heeftAlleAutorisaties = true }),
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Factory.CreateClient().GetAsync(Applicaties), HttpStatusCode.Forbidden, "not_authenticated");
    }

    [Fact]
    public async Task OfficialOas_IsServedWithOurServer()
    {
        var response = await app.Factory.CreateClient().GetAsync("/autorisaties/api/v1/schema/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var oas = AutorisatiesApp.Json(await response.Content.ReadAsStringAsync());
        Assert.Equal(AutorisatiesApp.ApiRoot, oas.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.True(oas.GetProperty("paths").TryGetProperty("/applicaties/consumer", out _));
        Assert.Equal(50, oas.GetProperty("components").GetProperty("schemas").GetProperty("Applicatie").GetProperty("properties")
            .GetProperty("clientIds").GetProperty("items").GetProperty("maxLength").GetInt32());
    }
}
