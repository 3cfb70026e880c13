using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Zgw.ServiceDefaults;

namespace Zgw.Api.References;

/// <summary>
/// JSON calls to a sibling of the suite for the mirrors of relations (ARCHITECTURE §11.4; zrc-005, brc-005, brc-006): URLs
/// under our own public base go to the owning service's internal address, every call carries this service's token
/// (<c>Zgw:ServiceIdentity</c>, <see cref="SiblingCalls"/>) and goes through the service's named client (timeouts, retries,
/// circuit breaking per host; <see cref="SiblingHttpClient"/>). Never throws for a failing sibling: the result carries the
/// reason, in the sibling's own words.
/// </summary>
public sealed class SiblingJson(IHttpClientFactory httpClients, SiblingCalls siblings, ILogger<SiblingJson> logger, string httpClientName)
{
    /// <summary>
    /// Registers the calls with the named client <paramref name="httpClientName"/>, whose resilience settings come from
    /// <paramref name="resilienceSection"/> over the short defaults of <see cref="SiblingHttpClient"/>.
    /// </summary>
    public static void Add(IServiceCollection services, string httpClientName, string resilienceSection)
    {
        SiblingHttpClient.Add(services, httpClientName, resilienceSection);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SiblingJson>(sp, httpClientName));
    }

    public sealed record Result(HttpStatusCode? Status, JsonNode? Body, string Reason)
    {
        public bool Is(params HttpStatusCode[] codes) => Status is { } s && codes.Contains(s);
    }

    /// <summary>Sends <paramref name="body"/> (when given) to <paramref name="url"/>; <paramref name="api"/> names the sibling in reasons and logs.</summary>
    public async Task<Result> SendAsync(string api, HttpMethod method, string url, JsonNode? body, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return new Result(null, null, $"Ongeldige URL van de {api}: {url}");
        var target = siblings.ToInternal(uri) ?? uri;
        using var request = new HttpRequestMessage(method, target);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        siblings.Authorize(request);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: ZgwJson.Options);
        try
        {
            using var response = await httpClients.CreateClient(httpClientName).SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try
            {
                json = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (JsonException)
            {
            }
            var reason = response.IsSuccessStatusCode ? "" : Describe(api, response.StatusCode, json);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("{Api} {Method} {Url}: HTTP {Status} {Reason}", api, method, target, (int)response.StatusCode, reason);
            return new Result(response.StatusCode, json, reason);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                       or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("{Api} {Method} {Url} failed: {Error}", api, method, target, e.Message);
            return new Result(null, null, $"De {api} op {uri.Authority} is niet bereikbaar ({e.GetType().Name}).");
        }
    }

    /// <summary>The items of a list answer: a bare array or a page's <c>results</c>.</summary>
    public static IEnumerable<JsonObject> Items(JsonNode? body) => (body switch
    {
        JsonArray a => a,
        JsonObject o when o["results"] is JsonArray r => r,
        _ => [],
    }).OfType<JsonObject>();

    public static string? UrlOf(JsonNode? node) => node is JsonObject o ? Text(o, "url") : null;

    public static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The sibling's own words: its invalidParams reasons, else its detail, else the status code.</summary>
    private static string Describe(string api, HttpStatusCode status, JsonNode? json)
    {
        if (json is JsonObject o)
        {
            if (o["invalidParams"] is JsonArray ps && ps.Count > 0)
                return string.Join(" ", ps.OfType<JsonObject>().Select(p => $"{Text(p, "name")}: {Text(p, "reason")} ({Text(p, "code")})"));
            if (Text(o, "detail") is { Length: > 0 } detail)
                return $"De {api} antwoordde HTTP {(int)status}: {detail}";
        }
        return $"De {api} antwoordde HTTP {(int)status}.";
    }
}
