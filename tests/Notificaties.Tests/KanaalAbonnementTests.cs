using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgw.Testing;

namespace Notificaties.Tests;

/// <summary>Kanalen and abonnementen of the Notificaties API 1.0.1, with rules N1/N3.</summary>
[Collection(NotificatiesCollection.Name)]
public sealed class KanaalAbonnementTests(NotificatiesApp app)
{
    private const string Kanaal = "/notificaties/api/v1/kanaal";
    private const string Abonnement = "/notificaties/api/v1/abonnement";

    private static JsonElement Json(string s) => JsonDocument.Parse(s).RootElement;

    /// <summary>
    /// N1: the seeded kanalen are exactly those our services publish on, with the kenmerken they send
    /// (<see cref="Zgw.Messaging.Kanalen"/>, which the HTTP mode of the relay registers at a vendor's Notificaties).
    /// </summary>
    [Fact]
    public async Task StandardKanalen_AreSeededOnMigrate_WithTheKenmerkenOurServicesSend()
    {
        var kanalen = Json(await app.Client(NotificatiesApp.Consumer).GetStringAsync(Kanaal)).EnumerateArray().ToList();
        foreach (var (naam, filters) in Zgw.Messaging.Kanalen.Filters)
        {
            var kanaal = Assert.Single(kanalen, k => k.GetProperty("naam").GetString() == naam);
            Assert.Equal(filters, kanaal.GetProperty("filters").EnumerateArray().Select(f => f.GetString()));
            Assert.StartsWith(NotificatiesApp.PublicBase + "/notificaties/api/v1/kanaal/", kanaal.GetProperty("url").GetString());
        }
    }

    [Fact]
    public async Task Kanaal_CreateReadAndFilterOnNaam_UniqueNaam()
    {
        var naam = "eigen-" + Guid.NewGuid().ToString("N")[..6];
        var created = await app.Client(NotificatiesApp.Publisher).PostAsJsonAsync(Kanaal, new { naam, documentatieLink = "https://example.nl/doc", filters = new[] { "soort" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = Json(await created.Content.ReadAsStringAsync()).GetProperty("url").GetString()!;
        Assert.Equal(naam, Json(await app.Client(NotificatiesApp.Consumer).GetStringAsync(new Uri(url).AbsolutePath)).GetProperty("naam").GetString());
        var filtered = Json(await app.Client(NotificatiesApp.Consumer).GetStringAsync($"{Kanaal}?naam={naam}"));
        Assert.Equal(1, filtered.GetArrayLength());

        var again = await app.Client(NotificatiesApp.Publisher).PostAsJsonAsync(Kanaal, new { naam });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.BadRequest, "invalid", "naam", "unique");
        await ProblemAssert.IsProblemAsync(await app.Client(NotificatiesApp.Consumer).PostAsJsonAsync(Kanaal, new { naam = "x" }),
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Client(NotificatiesApp.Consumer).GetAsync($"{Kanaal}?onbekend=1"),
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Abonnement_Crud()
    {
        using var subscriber = NotificatiesApp.Subscriber();
        var url = await app.SubscribeAsync(subscriber, filters: new() { ["bronorganisatie"] = "000000000" });
        var path = new Uri(url).AbsolutePath;
        var read = Json(await app.Client(NotificatiesApp.Consumer).GetStringAsync(path));
        Assert.Equal("Bearer subscriber-token", read.GetProperty("auth").GetString());
        Assert.Equal("000000000", read.GetProperty("kanalen")[0].GetProperty("filters").GetProperty("bronorganisatie").GetString());

        var patched = await app.Client(NotificatiesApp.Consumer).PatchAsJsonAsync(path, new { auth = "Bearer nieuw" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Bearer nieuw", Json(await patched.Content.ReadAsStringAsync()).GetProperty("auth").GetString());
        Assert.Equal(subscriber.Url + "/callback", Json(await patched.Content.ReadAsStringAsync()).GetProperty("callbackUrl").GetString());

        var put = await app.Client(NotificatiesApp.Consumer).PutAsJsonAsync(path, new
        {
            callbackUrl = subscriber.Url + "/callback", auth = "Bearer x", kanalen = new[] { new { naam = "documenten" } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains(Json(await app.Client(NotificatiesApp.Publisher).GetStringAsync(Abonnement)).EnumerateArray(), a => a.GetProperty("url").GetString() == url);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client(NotificatiesApp.Consumer).DeleteAsync(path)).StatusCode);
        await ProblemAssert.IsProblemAsync(await app.Client(NotificatiesApp.Consumer).GetAsync(path), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task N3_UnknownKanaal_IsKanaalNaam()
    {
        var response = await app.Client(NotificatiesApp.Consumer).PostAsJsonAsync(Abonnement, new
        {
            callbackUrl = "https://example.nl/callback", auth = "Bearer x", kanalen = new[] { new { naam = "bestaat-niet" } },
        });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "kanalen.0.naam", "kanaal_naam");
    }

    [Fact]
    public async Task N3_FilterThatIsNoKenmerkOfTheKanaal_IsInconsistent()
    {
        var response = await app.Client(NotificatiesApp.Consumer).PostAsJsonAsync(Abonnement, new
        {
            callbackUrl = "https://example.nl/callback", auth = "Bearer x",
            kanalen = new[] { new { naam = "zaken", filters = new Dictionary<string, string> { ["kleur"] = "rood" } } },
        });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "kanalen.0.filters", "inconsistent-abonnement-filters");
    }

    [Fact]
    public async Task Abonnement_RequiredFields()
    {
        var response = await app.Client(NotificatiesApp.Consumer).PostAsJsonAsync(Abonnement, new { callbackUrl = "geen url" });
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "callbackUrl", "invalid");
        var names = body.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("auth", names);
        Assert.Contains("kanalen", names);
    }
}
