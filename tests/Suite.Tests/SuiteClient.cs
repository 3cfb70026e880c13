using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Suite.Tests;

/// <summary>An HttpClient through the gateway with the calls of the walk-through: each asserts its status and answers the body.</summary>
public sealed class SuiteClient(HttpClient http, string who)
{
    /// <summary>Keeps explicit nulls in request bodies.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static string Target(string pathOrUrl) => pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? PathOf(pathOrUrl) : pathOrUrl;

    public async Task<JsonNode> SendAsync(HttpMethod method, string pathOrUrl, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, Target(pathOrUrl));
        if (body is HttpContent content)
            request.Content = content;
        else if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{who}: {method} {Target(pathOrUrl)}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public async Task<JsonObject> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        (await SendAsync(HttpMethod.Post, path, body, expected)).AsObject();

    public async Task<JsonObject> GetAsync(string pathOrUrl) => (await SendAsync(HttpMethod.Get, pathOrUrl, null, HttpStatusCode.OK)).AsObject();

    public async Task<JsonArray> ListAsync(string pathOrUrl) => (await SendAsync(HttpMethod.Get, pathOrUrl, null, HttpStatusCode.OK)).AsArray();

    public async Task<byte[]> DownloadAsync(string documentUrl)
    {
        using var response = await http.GetAsync(PathOf(documentUrl) + "/download");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who}: download {documentUrl}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}

public static class JsonExtensions
{
    public static string Text(this JsonNode? node, string name) =>
        node?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"no {name} in {node?.ToJsonString()}");

    public static string Url(this JsonNode? node) => node.Text("url");
}
