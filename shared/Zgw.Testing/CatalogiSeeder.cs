using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Zgw.Testing;

/// <summary>
/// Builds catalogi objects in a real Catalogi service through its API, with <paramref name="catalogi"/>'s client (a
/// beheerder's): the seed of the fixtures whose service needs published types before it starts.
/// </summary>
public class CatalogiSeeder(Func<HttpClient> catalogi)
{
    public static string Unique(string prefix = "") => prefix + Guid.NewGuid().ToString("N")[..8];

    public static string Url(JsonObject o) => ZgwHttp.Url(o);

    /// <summary>POSTs <paramref name="body"/> to <paramref name="collection"/> and returns the created object (asserting 201).</summary>
    public Task<JsonObject> CreateAsync(string collection, object body) => catalogi().CreateAsync($"/catalogi/api/v1/{collection}", body);

    public async Task PublishAsync(string url)
    {
        var response = await catalogi().PostAsync(ZgwHttp.PathOf(url) + "/publish", JsonContent.Create(new { }));
        Assert.True(response.IsSuccessStatusCode, $"publish {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A catalogus named <paramref name="naam"/> with a domein of its own.</summary>
    public async Task<string> CatalogusAsync(string naam) => Url(await CreateAsync("catalogussen", new Dictionary<string, object?>
    {
        ["domein"] = Unique()[..5].ToUpperInvariant(),
        ["rsin"] = "000000000",
        ["contactpersoonBeheerNaam"] = "Beheerder",
        ["naam"] = naam,
        ["versie"] = "1",
        ["begindatumVersie"] = "2024-01-01",
    }));

    /// <summary>
    /// An informatieobjecttype with <paramref name="vertrouwelijkheid"/> (and a unique omschrijving unless one is given);
    /// published unless <paramref name="publish"/> is false (a concept).
    /// </summary>
    public async Task<string> InformatieobjecttypeAsync(string catalogus, string vertrouwelijkheid = "openbaar", bool publish = true,
        string? omschrijving = null, string informatieobjectcategorie = "melding")
    {
        var url = Url(await CreateAsync("informatieobjecttypen", new Dictionary<string, object?>
        {
            ["catalogus"] = catalogus,
            ["omschrijving"] = omschrijving ?? Unique("IOT-"),
            ["vertrouwelijkheidaanduiding"] = vertrouwelijkheid,
            ["beginGeldigheid"] = "2024-01-01",
            ["informatieobjectcategorie"] = informatieobjectcategorie,
        }));
        if (publish)
            await PublishAsync(url);
        return url;
    }
}
