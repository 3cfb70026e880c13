using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;
using WmResponse = WireMock.ResponseBuilders.Response;

namespace Zgw.Testing;

/// <summary>
/// The <c>objectinformatieobjecten</c> of a Documenten API on a WireMock server, for a service that mirrors its relations
/// there (zrc-005, brc-003): an in-memory store answered by callbacks (POST, GET <c>?object=&amp;informatieobject=</c>,
/// DELETE), so no WireMock scenario state is needed. With <paramref name="sourceHolds"/> it checks the relation in the
/// source (<paramref name="bron"/>) while it handles a call, as the real Documenten API does (drc-003/004): a POST is refused
/// with <c>inconsistent-relation</c> while the source does not hold the relation, a DELETE with
/// <c>remote-relation-exists</c> while it still does. Register it after resetting the server.
/// </summary>
public sealed class ObjectinformatieobjectenStub
{
    public const string Path = "/documenten/api/v1/objectinformatieobjecten";

    private readonly WireMockServer _server;
    private readonly string _bron;
    private readonly Func<string, string, bool>? _sourceHolds;
    private readonly ConcurrentDictionary<string, JsonObject> _oios = new();
    private readonly DateTime _since = DateTime.UtcNow;

    /// <param name="sourceHolds">Whether the source holds the relation of (object, informatieobject); null: not checked.</param>
    public ObjectinformatieobjectenStub(WireMockServer server, string bron, Func<string, string, bool>? sourceHolds = null)
    {
        _server = server;
        _bron = bron;
        _sourceHolds = sourceHolds;
        server.Given(Request.Create().WithPath(Path).UsingPost()).RespondWith(WmResponse.Create().WithCallback(Create));
        server.Given(Request.Create().WithPath(Path).UsingGet()).RespondWith(WmResponse.Create().WithCallback(List));
        server.Given(Request.Create().WithPath(Path + "/*").UsingDelete()).RespondWith(WmResponse.Create().WithCallback(Delete));
    }

    /// <summary>HTTP status the POST answers instead of creating; 0 = never answers in time; null = works.</summary>
    public int? CreateFailure { get; set; }

    /// <summary>HTTP status the DELETE answers instead of removing; null = works.</summary>
    public int? DeleteFailure { get; set; }

    /// <summary>What the source checks of the POSTs saw: true = the source held the relation.</summary>
    public ConcurrentQueue<bool> SourceChecks { get; } = new();

    /// <summary>The objectinformatieobjecten the stub holds now.</summary>
    public IReadOnlyCollection<JsonObject> Oios => _oios.Values.ToList();

    /// <summary>Puts an objectinformatieobject in the store as if it had been made earlier; returns its URL.</summary>
    public string Add(string informatieobject, string @object, string? objectType)
    {
        var url = $"{_server.Url}{Path}/{Guid.NewGuid()}";
        _oios[url] = new JsonObject { ["url"] = url, ["informatieobject"] = informatieobject, ["object"] = @object, ["objectType"] = objectType };
        return url;
    }

    /// <summary>
    /// The requests with <paramref name="method"/> the stub received since it was made. WireMock logs a request when it
    /// answers it, so a slow answer to an earlier test can appear after a reset: the time it was received tells them apart.
    /// </summary>
    public IReadOnlyList<IRequestMessage> Calls(string method) =>
        _server.LogEntries.Select(e => e.RequestMessage)
            .Where(r => r.DateTime >= _since && r.Method == method && r.AbsolutePath.StartsWith(Path, StringComparison.Ordinal)).ToList();

    private ResponseMessage Create(IRequestMessage request)
    {
        if (CreateFailure is { } failure)
        {
            if (failure == 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds(20));
                return StubResponses.Json(504, new JsonObject());
            }
            return failure == 400
                ? StubResponses.Json(400, StubResponses.Problem("informatieobject", "inconsistent-relation", $"De relatie bestaat niet in de {_bron}."))
                : StubResponses.Json(failure, new JsonObject { ["detail"] = "Interne fout." });
        }
        var body = JsonNode.Parse(request.Body ?? "{}")!.AsObject();
        var informatieobject = body["informatieobject"]?.GetValue<string>() ?? "";
        var @object = body["object"]?.GetValue<string>() ?? "";
        if (_sourceHolds is not null)
        {
            var holds = _sourceHolds(@object, informatieobject);
            SourceChecks.Enqueue(holds);
            if (!holds)
                return StubResponses.Json(400, StubResponses.Problem("nonFieldErrors", "inconsistent-relation", $"De relatie bestaat niet in de {_bron}."));
        }
        if (_oios.Values.Any(o => Of(o, "informatieobject") == informatieobject && Of(o, "object") == @object))
            return StubResponses.Json(400, StubResponses.Problem("nonFieldErrors", "unique", "De velden informatieobject, object moeten een unieke set zijn."));
        var url = Add(informatieobject, @object, body["objectType"]?.GetValue<string>());
        return StubResponses.Json(201, _oios[url]);
    }

    private ResponseMessage List(IRequestMessage request)
    {
        var query = request.Query ?? new Dictionary<string, WireMockList<string>>();
        string? Param(string name) => query.TryGetValue(name, out var v) ? v.FirstOrDefault() : null;
        var (@object, informatieobject) = (Param("object"), Param("informatieobject"));
        var matches = _oios.Values.Where(o => (@object is null || Of(o, "object") == @object) &&
                                              (informatieobject is null || Of(o, "informatieobject") == informatieobject));
        return StubResponses.Json(200, new JsonArray(matches.Select(o => (JsonNode)o.DeepClone()).ToArray()));
    }

    private ResponseMessage Delete(IRequestMessage request)
    {
        if (DeleteFailure is { } failure)
            return StubResponses.Json(failure, new JsonObject { ["detail"] = "Verwijderen mislukt." });
        var url = _server.Url + request.AbsolutePath;
        if (!_oios.TryGetValue(url, out var oio))
            return StubResponses.Json(404, new JsonObject { ["detail"] = "Niet gevonden." });
        if (_sourceHolds?.Invoke(Of(oio, "object"), Of(oio, "informatieobject")) == true)
            return StubResponses.Json(400, StubResponses.Problem("object", "remote-relation-exists", $"De relatie bestaat nog in de {_bron}."));
        _oios.TryRemove(url, out _);
        return new ResponseMessage { StatusCode = 204 };
    }

    private static string Of(JsonObject o, string property) => o[property]!.GetValue<string>();
}

/// <summary>Answers of the WireMock stubs of ZGW APIs.</summary>
public static class StubResponses
{
    /// <summary>A JSON answer for a WireMock callback.</summary>
    public static ResponseMessage Json(int status, JsonNode body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    /// <summary>A ZGW validation error with one invalid parameter.</summary>
    public static JsonObject Problem(string name, string code, string reason) => new()
    {
        ["title"] = "Invalid input.",
        ["invalidParams"] = new JsonArray(new JsonObject { ["name"] = name, ["code"] = code, ["reason"] = reason }),
    };

    /// <summary>Makes <paramref name="server"/> answer a GET of <paramref name="url"/> with <paramref name="body"/> as JSON.</summary>
    public static void GivenObject(this WireMockServer server, string url, object body) =>
        server.Given(Request.Create().WithPath(new Uri(url).AbsolutePath).UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBodyAsJson(body));
}
