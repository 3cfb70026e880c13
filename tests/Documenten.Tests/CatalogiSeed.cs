using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Documenten.Tests;

/// <summary>Builds catalogi and informatieobjecttypen in the real Catalogi service through its API (as a beheerder).</summary>
public sealed class CatalogiSeed(DocumentenApp app)
{
    public static string Unique(string prefix = "") => prefix + Guid.NewGuid().ToString("N")[..8];

    public async Task<JsonObject> CreateAsync(string collection, object body)
    {
        var response = await app.CatalogiClient().PostAsJsonAsync($"/catalogi/api/v1/{collection}", body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST catalogi {collection}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task PublishAsync(string url)
    {
        var response = await app.CatalogiClient().PostAsync(new Uri(url).AbsolutePath + "/publish", JsonContent.Create(new { }));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"publish {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<string> CatalogusAsync() => Url(await CreateAsync("catalogussen", new Dictionary<string, object?>
    {
        ["domein"] = Unique()[..5].ToUpperInvariant(),
        ["rsin"] = "000000000",
        ["contactpersoonBeheerNaam"] = "Beheerder",
        ["naam"] = "Documenten testcatalogus",
        ["versie"] = "1",
        ["begindatumVersie"] = "2024-01-01",
    }));

    /// <summary>An informatieobjecttype with <paramref name="vertrouwelijkheid"/>; published unless <paramref name="publish"/> is false (a concept).</summary>
    public async Task<string> InformatieobjecttypeAsync(string catalogus, string vertrouwelijkheid = "openbaar", bool publish = true)
    {
        var url = Url(await CreateAsync("informatieobjecttypen", new Dictionary<string, object?>
        {
            ["catalogus"] = catalogus,
            ["omschrijving"] = Unique("IOT-"),
            ["vertrouwelijkheidaanduiding"] = vertrouwelijkheid,
            ["beginGeldigheid"] = "2024-01-01",
            ["informatieobjectcategorie"] = "melding",
        }));
        if (publish)
            await PublishAsync(url);
        return url;
    }

    public static string Url(JsonObject o) => o["url"]!.GetValue<string>();
}
