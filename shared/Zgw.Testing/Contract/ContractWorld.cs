using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zgw.Testing;

/// <summary>
/// The objects the operations of a contract test act on, all made through the API with <paramref name="client"/>'s client:
/// per resource (a collection name) the path of an existing object and the body it was made with. A part that cannot be
/// made is remembered with the response it gave (<see cref="Failures"/>), so that only the operations that need it fail.
/// </summary>
public abstract class ContractWorld(Func<HttpClient> client)
{
    /// <summary>Per resource: the path of an existing object.</summary>
    public Dictionary<string, string> Existing { get; } = [];

    /// <summary>Per resource: the body the existing object was created with (a valid PUT body).</summary>
    public Dictionary<string, JsonObject> Bodies { get; } = [];

    /// <summary>Per resource: why no existing object could be made.</summary>
    public Dictionary<string, string> Failures { get; } = [];

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> and remembers the object as the existing one of <paramref name="key"/>.</summary>
    protected async Task MakeExistingAsync(string key, string path, JsonObject body)
    {
        var (url, failure) = await TryCreateAsync(path, body);
        if (url is null)
            Failures[key] = failure!;
        else
        {
            Existing[key] = ZgwHttp.PathOf(url);
            Bodies[key] = body;
        }
    }

    /// <summary>Remembers the first audittrail entry of the object at <paramref name="path"/> as the existing <c>audittrail</c>.</summary>
    protected async Task MakeExistingAudittrailAsync(string path)
    {
        var (status, text) = await SendAsync(HttpMethod.Get, path + "/audittrail", null);
        if (status == 200 && JsonNode.Parse(text) is JsonArray { Count: > 0 } trail)
            Existing["audittrail"] = $"{path}/audittrail/{trail[0]!["uuid"]!.GetValue<string>()}";
        else
            Failures["audittrail"] = $"GET {path}/audittrail answered {status}: {ContractCoverage.Cut(text)}";
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/>: the URL of the new object, or why there is none.</summary>
    protected async Task<(string? Url, string? Failure)> TryCreateAsync(string path, JsonObject body)
    {
        var (status, text) = await SendAsync(HttpMethod.Post, path, body);
        if (status == 201 && JsonNode.Parse(text)?["url"]?.GetValue<string>() is { } url)
            return (url, null);
        return (null, $"POST {path} {body.ToJsonString()} answered {status}: {ContractCoverage.Cut(text)}");
    }

    protected async Task<(int Status, string Text)> SendAsync(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await client().SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A request body as JSON, serialized as the tests send it (<see cref="TestJson.Options"/>).</summary>
    public static JsonObject ToJson(object body) => JsonNode.Parse(JsonSerializer.Serialize(body, TestJson.Options))!.AsObject();
}
