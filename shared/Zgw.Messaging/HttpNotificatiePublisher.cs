using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Zgw.Api.References;
using Zgw.Data.Outbox;
using Zgw.ServiceDefaults;

namespace Zgw.Messaging;

/// <summary>
/// The HTTP mode of the outbox relay (ARCHITECTURE §11.6, <c>Messaging:NotificatieTransport=Http</c>): a notification
/// row is posted to a Notificaties API — usually a vendor's — at <c>Zgw:Services:notificaties:InternalUrl</c>, as
/// <c>POST /notificaties/api/v1/notificaties</c> with this service's own token (N2, scope
/// <c>notificaties.publiceren</c>); its kanaal is registered there first when it is missing (N1). Any answer but 2xx
/// is a failure: the row stays in the outbox and the relay retries it with back-off. Other row types (the suite's own
/// bus events) still go on RabbitMQ.
/// </summary>
public sealed class HttpNotificatiePublisher(
    IHttpClientFactory httpClients,
    SiblingCalls siblings,
    IOptions<ZgwOptions> zgw,
    MassTransitOutboxPublisher bus) : IOutboxPublisher
{
    public const string HttpClientName = "openzaak-notificaties-publisher";

    /// <summary>Kanalen known to exist at the Notificaties API (checked or registered once per process).</summary>
    private readonly ConcurrentDictionary<string, bool> _registered = new();

    /// <summary>One registration at a time: the relay posts rows of different objects in parallel.</summary>
    private readonly SemaphoreSlim _registering = new(1, 1);

    private string ApiRoot => (zgw.Value.Services.GetValueOrDefault(ZgwComponent.Notificaties.Key)?.InternalUrl is { Length: > 0 } url
        ? url.TrimEnd('/')
        : throw new InvalidOperationException("Messaging:NotificatieTransport is Http, but Zgw:Services:notificaties:InternalUrl is not configured."))
        + ZgwComponent.Notificaties.ApiPath;

    public async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (row.MessageType != NotificatieOutbox.MessageType)
        {
            await bus.PublishAsync(row, cancellationToken);
            return;
        }
        var message = JsonSerializer.Deserialize<NotificatieMessage>(row.Payload, ZgwJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");
        await EnsureKanaalAsync(message.Kanaal, cancellationToken);

        // Serialized again rather than sent as stored: jsonb keeps the keys in its own order.
        using var request = Request(HttpMethod.Post, "/notificaties", Json(message));
        request.Headers.Add(ZgwHeaders.MessageId, row.Id.ToString());
        try
        {
            (await SendAsync(request, cancellationToken)).Dispose();
        }
        catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            _registered.TryRemove(message.Kanaal, out _); // e.g. the kanaal was removed there: check it again next time
            throw;
        }
    }

    /// <summary>N1: <c>GET /kanaal?naam=…</c>, and <c>POST /kanaal</c> with the kenmerken we send when it is not there.</summary>
    private async Task EnsureKanaalAsync(string kanaal, CancellationToken cancellationToken)
    {
        if (_registered.ContainsKey(kanaal))
            return;
        await _registering.WaitAsync(cancellationToken);
        try
        {
            if (_registered.ContainsKey(kanaal))
                return;
            if (!await KanaalExistsAsync(kanaal, cancellationToken))
            {
                var filters = Kanalen.Filters.GetValueOrDefault(kanaal) ?? [];
                using var create = Request(HttpMethod.Post, "/kanaal", Json(new { naam = kanaal, filters }));
                using var created = await Client.SendAsync(create, cancellationToken);
                // Another replica may have registered it between our GET and POST: then it exists now.
                if (!created.IsSuccessStatusCode && !await KanaalExistsAsync(kanaal, cancellationToken))
                    await ThrowAsync(created, cancellationToken);
            }
            _registered[kanaal] = true;
        }
        finally
        {
            _registering.Release();
        }
    }

    private async Task<bool> KanaalExistsAsync(string kanaal, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "/kanaal?naam=" + Uri.EscapeDataString(kanaal), null);
        using var response = await SendAsync(request, cancellationToken);
        var kanalen = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return kanalen.ValueKind == JsonValueKind.Array
            && kanalen.EnumerateArray().Any(k => k.TryGetProperty("naam", out var naam) && naam.ValueEquals(kanaal));
    }

    /// <summary>A JSON body with a Content-Length (not chunked: not every server behind a proxy takes that).</summary>
    private static StringContent Json<T>(T body) => new(JsonSerializer.Serialize(body, ZgwJson.Options), Encoding.UTF8, "application/json");

    private HttpClient Client => httpClients.CreateClient(HttpClientName);

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, ApiRoot + path) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        siblings.Authorize(request);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await Client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
                await ThrowAsync(response, cancellationToken);
        }
        return response;
    }

    private static async Task ThrowAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}",
            null, response.StatusCode);
    }
}
