using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Zaken.Tests;

/// <summary>Requests with the CRS headers the zaak operations require (Accept-Crs, Content-Crs: EPSG:4326).</summary>
public static class ZaakHttp
{
    public static HttpClient WithCrs(this HttpClient client)
    {
        client.DefaultRequestHeaders.Add("Accept-Crs", "EPSG:4326");
        client.DefaultRequestHeaders.Add("Content-Crs", "EPSG:4326");
        return client;
    }

    public static HttpClient Zaken(this ZakenApp app, string clientId = ZakenApp.Beheerder) => app.Client(clientId).WithCrs();

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
