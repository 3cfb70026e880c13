using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Zgw.Api.Auth;
using Zgw.Api.References;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Zaakinformatieobject;

/// <summary>The answer of a call to the Documenten API: done (with the OIO URL when there is one) or the sibling's reason.</summary>
public sealed record MirrorOutcome(bool Ok, string? OioUrl, string Reason)
{
    public static MirrorOutcome Success(string? oio) => new(true, oio, "");
    public static MirrorOutcome Failure(string reason) => new(false, null, reason);
}

/// <summary>
/// The calls of zrc-005 to the Documenten API that serves a document: create, find and delete the
/// <c>objectinformatieobject</c> that mirrors a zaakinformatieobject. The Documenten root is derived from the
/// informatieobject URL (everything before <c>/enkelvoudiginformatieobjecten/</c>); URLs under our own public base
/// go to the owning service's internal address (as <see cref="UrlResolver"/> does). Calls carry this service's token
/// (<c>Zgw:ServiceIdentity</c>) and go through the named client <see cref="HttpClientName"/> (timeouts, retries,
/// circuit breaking per host; section <c>Zaken:Mirror:Resilience</c>). Never throws for a failing sibling: the
/// outcome carries the reason.
/// </summary>
public sealed class DocumentenClient(
    IHttpClientFactory httpClients,
    SiblingCalls siblings,
    ILogger<DocumentenClient> logger)
{
    public const string HttpClientName = "zaken-documenten-mirror";
    public const string ResilienceSection = "Zaken:Mirror:Resilience";
    private const string DocumentSegment = "/enkelvoudiginformatieobjecten/";

    /// <summary>The Documenten API root of a document URL, or null when the URL is not an enkelvoudiginformatieobject.</summary>
    public static string? RootOf(string informatieobject)
    {
        var at = informatieobject.IndexOf(DocumentSegment, StringComparison.Ordinal);
        return at > 0 ? informatieobject[..at] : null;
    }

    /// <summary>POST objectinformatieobjecten; a 400 because the relation already exists counts as done (idempotent retry).</summary>
    public async Task<MirrorOutcome> CreateAsync(string informatieobject, string zaakUrl, CancellationToken ct)
    {
        var root = RootOf(informatieobject);
        if (root is null)
            return MirrorOutcome.Failure("Het informatieobject is geen enkelvoudiginformatieobject van een Documenten API.");
        var body = new JsonObject { ["informatieobject"] = informatieobject, ["object"] = zaakUrl, ["objectType"] = "zaak" };
        var result = await SendAsync(HttpMethod.Post, $"{root}/objectinformatieobjecten", body, ct);
        if (result.Status == HttpStatusCode.Created || result.Status == HttpStatusCode.OK)
            return MirrorOutcome.Success(UrlOf(result.Body));
        if (result.Status == HttpStatusCode.BadRequest)
        {
            var existing = await FindAsync(informatieobject, zaakUrl, ct);
            if (existing is { Ok: true, OioUrl: not null })
                return existing;
        }
        return MirrorOutcome.Failure(result.Reason);
    }

    /// <summary>GET objectinformatieobjecten?object=…&amp;informatieobject=…: the OIO URL (null when there is none) or a failure.</summary>
    public async Task<MirrorOutcome> FindAsync(string informatieobject, string zaakUrl, CancellationToken ct)
    {
        var root = RootOf(informatieobject);
        if (root is null)
            return MirrorOutcome.Failure("Het informatieobject is geen enkelvoudiginformatieobject van een Documenten API.");
        var url = $"{root}/objectinformatieobjecten?object={Uri.EscapeDataString(zaakUrl)}&informatieobject={Uri.EscapeDataString(informatieobject)}";
        var result = await SendAsync(HttpMethod.Get, url, null, ct);
        if (result.Status != HttpStatusCode.OK)
            return MirrorOutcome.Failure(result.Reason);
        var items = result.Body switch
        {
            JsonArray a => a,
            JsonObject o when o["results"] is JsonArray r => r,
            _ => [],
        };
        var match = items.OfType<JsonObject>().FirstOrDefault(o =>
            Text(o, "object") == zaakUrl && Text(o, "informatieobject") == informatieobject);
        return MirrorOutcome.Success(match is null ? null : UrlOf(match));
    }

    /// <summary>DELETE the OIO; a 404 means it is gone already.</summary>
    public async Task<MirrorOutcome> DeleteAsync(string oioUrl, CancellationToken ct)
    {
        var result = await SendAsync(HttpMethod.Delete, oioUrl, null, ct);
        return result.Status is HttpStatusCode.NoContent or HttpStatusCode.OK or HttpStatusCode.NotFound
            ? MirrorOutcome.Success(null)
            : MirrorOutcome.Failure(result.Reason);
    }

    /// <summary>Deletes the OIO of a zaakinformatieobject, looking it up first when its URL is not known.</summary>
    public async Task<MirrorOutcome> RemoveAsync(string? oioUrl, string informatieobject, string zaakUrl, CancellationToken ct)
    {
        if (oioUrl is null)
        {
            var found = await FindAsync(informatieobject, zaakUrl, ct);
            if (!found.Ok || found.OioUrl is null)
                return found;
            oioUrl = found.OioUrl;
        }
        return await DeleteAsync(oioUrl, ct);
    }

    private sealed record CallResult(HttpStatusCode? Status, JsonNode? Body, string Reason);

    private async Task<CallResult> SendAsync(HttpMethod method, string url, JsonNode? body, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return new CallResult(null, null, $"Ongeldige URL van de Documenten API: {url}");
        var target = siblings.ToInternal(uri) ?? uri;
        using var request = new HttpRequestMessage(method, target);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        siblings.Authorize(request);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: ZgwJson.Options);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try
            {
                json = text.Length > 0 ? JsonNode.Parse(text) : null;
            }
            catch (JsonException)
            {
            }
            var reason = response.IsSuccessStatusCode ? "" : Describe(response.StatusCode, json);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("Documenten API {Method} {Url}: HTTP {Status} {Reason}", method, target, (int)response.StatusCode, reason);
            return new CallResult(response.StatusCode, json, reason);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                       or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Documenten API {Method} {Url} failed: {Error}", method, target, e.Message);
            return new CallResult(null, null, $"De Documenten API op {uri.Authority} is niet bereikbaar ({e.GetType().Name}).");
        }
    }

    /// <summary>The sibling's own words: its invalidParams reasons, else its detail, else the status code.</summary>
    private static string Describe(HttpStatusCode status, JsonNode? json)
    {
        if (json is JsonObject o)
        {
            if (o["invalidParams"] is JsonArray ps && ps.Count > 0)
                return string.Join(" ", ps.OfType<JsonObject>().Select(p => $"{Text(p, "name")}: {Text(p, "reason")} ({Text(p, "code")})"));
            if (Text(o, "detail") is { Length: > 0 } detail)
                return $"De Documenten API antwoordde HTTP {(int)status}: {detail}";
        }
        return $"De Documenten API antwoordde HTTP {(int)status}.";
    }

    private static string? UrlOf(JsonNode? node) => node is JsonObject o ? Text(o, "url") : null;

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The named client: standard resilience with short defaults (a user waits for this call), per host.</summary>
    public static void Register(IServiceCollection services)
    {
        SiblingHttpClient.Add(services, HttpClientName, ResilienceSection);
    }
}
