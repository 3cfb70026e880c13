using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Zgw.Testing;

/// <summary>The JSON options of test request bodies.</summary>
public static class TestJson
{
    /// <summary>Web defaults; keeps explicit nulls in request bodies (the API must see them).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>Requests to a ZGW API and the objects it answers, for the tests of every service.</summary>
public static class ZgwHttp
{
    /// <summary>The path and query of <paramref name="url"/>, to request it of the in-process service.</summary>
    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    /// <summary>The <c>url</c> of a ZGW object.</summary>
    public static string Url(JsonObject o) => o["url"]!.GetValue<string>();

    /// <summary>
    /// Sends <paramref name="body"/> (if any) with <paramref name="method"/>, with <c>X-Audit-Toelichting</c> when
    /// <paramref name="toelichting"/> is given; returns the response and its parsed body (null when empty or a file).
    /// </summary>
    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string path,
        object? body = null, string? toelichting = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: TestJson.Options);
        if (toelichting is not null)
            request.Headers.Add("X-Audit-Toelichting", toelichting);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 || response.Content.Headers.ContentType?.MediaType == "application/octet-stream" ? null : JsonNode.Parse(text));
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> and returns the created object (asserting 201).</summary>
    public static async Task<JsonObject> CreateAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, TestJson.Options);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>GETs the object at <paramref name="url"/> (asserting a success status).</summary>
    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(PathOf(url));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
