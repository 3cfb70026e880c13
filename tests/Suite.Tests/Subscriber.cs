using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Suite.Tests;

/// <summary>
/// A consumer of notifications outside the suite (an external HTTP peer): its callback answers 204 to a request that
/// carries the auth header it registered with the abonnement, and 403 to one without (what Notificaties checks when the
/// abonnement is created, N3).
/// </summary>
public sealed class Subscriber : IDisposable
{
    public const string Path = "/callback";

    private readonly WireMockServer _server = WireMockServer.Start();

    public Subscriber()
    {
        _server.Given(Request.Create().WithPath(Path).UsingPost().WithHeader("Authorization", Auth)).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(204));
        _server.Given(Request.Create().WithPath(Path).UsingPost()).AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(403));
    }

    public string Auth { get; } = "Bearer abonnee-" + Guid.NewGuid().ToString("N");

    public string CallbackUrl => _server.Url + Path;

    /// <summary>The notifications the callback accepted (with the auth header), oldest first, without the verification test messages.</summary>
    public IReadOnlyList<JsonObject> Received() =>
        _server.LogEntries
            .Where(e => e.RequestMessage.Path == Path && e.ResponseMessage.StatusCode is 204)
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!.AsObject())
            .Where(n => n["kanaal"]?.GetValue<string>() != "test")
            .ToList();

    public void Dispose() => _server.Stop();
}
