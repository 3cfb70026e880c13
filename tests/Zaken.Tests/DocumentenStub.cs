using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;
using WmResponse = WireMock.ResponseBuilders.Response;

namespace Zaken.Tests;

/// <summary>
/// A small Documenten API (and Besluiten API) on <see cref="ZakenApp.Documenten"/>: enkelvoudiginformatieobjecten and
/// besluiten as fixed objects, and <c>objectinformatieobjecten</c> as an in-memory store (POST, GET ?object=&amp;informatieobject=,
/// DELETE) answered by callbacks, so no WireMock scenario state is needed. <see cref="CreateFailure"/> /
/// <see cref="DeleteFailure"/> make the mirror calls fail (an HTTP status, or 0 = hang longer than the client waits).
/// Construct it at the start of a test: it resets the server (mappings and request log).
/// </summary>
public sealed class DocumentenStub
{
    private readonly ZakenApp _app;
    private readonly ConcurrentDictionary<string, JsonObject> _oios = new();
    private readonly DateTime _since = DateTime.UtcNow;

    public DocumentenStub(ZakenApp app)
    {
        _app = app;
        Server.Reset();
        Server.Given(Request.Create().WithPath(OioPath).UsingPost()).RespondWith(WmResponse.Create().WithCallback(CreateOio));
        Server.Given(Request.Create().WithPath(OioPath).UsingGet()).RespondWith(WmResponse.Create().WithCallback(ListOios));
        Server.Given(Request.Create().WithPath(OioPath + "/*").UsingDelete()).RespondWith(WmResponse.Create().WithCallback(DeleteOio));
    }

    public WireMockServer Server => _app.Documenten;
    public string Root => _app.DocumentenRoot;
    public string BesluitenRoot => _app.Documenten.Url + "/besluiten/api/v1";
    private static string OioPath => "/documenten/api/v1/objectinformatieobjecten";

    /// <summary>HTTP status the POST of an OIO answers instead of creating it; 0 = never answers in time; null = works.</summary>
    public int? CreateFailure { get; set; }

    /// <summary>HTTP status the DELETE of an OIO answers instead of removing it; null = works.</summary>
    public int? DeleteFailure { get; set; }

    /// <summary>The OIOs the stub holds now.</summary>
    public IReadOnlyCollection<JsonObject> Oios => _oios.Values.ToList();

    /// <summary>An enkelvoudiginformatieobject (GET answers it) of <paramref name="informatieobjecttype"/>; returns its URL.</summary>
    public string Document(string informatieobjecttype, bool? indicatieGebruiksrecht = false, bool locked = false, string status = "definitief")
    {
        var uuid = Guid.NewGuid();
        var url = $"{Root}/enkelvoudiginformatieobjecten/{uuid}";
        Server.Given(Request.Create().WithPath(new Uri(url).AbsolutePath).UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBodyAsJson(new Dictionary<string, object?>
            {
                ["url"] = url,
                ["identificatie"] = "DOCUMENT-" + uuid.ToString("N")[..8],
                ["bronorganisatie"] = ZakenApp.Bronorganisatie,
                ["titel"] = "Foto van de stoeptegel",
                ["informatieobjecttype"] = informatieobjecttype,
                ["vertrouwelijkheidaanduiding"] = "openbaar",
                ["status"] = status,
                ["indicatieGebruiksrecht"] = indicatieGebruiksrecht,
                ["locked"] = locked,
            }));
        return url;
    }

    /// <summary>A besluit of a Besluiten API (GET answers it); returns its URL.</summary>
    public string Besluit(string? zaak = null, bool withBesluittype = true)
    {
        var uuid = Guid.NewGuid();
        var url = $"{BesluitenRoot}/besluiten/{uuid}";
        var body = new Dictionary<string, object?> { ["url"] = url, ["identificatie"] = "BESLUIT-" + uuid.ToString("N")[..8], ["zaak"] = zaak ?? "" };
        if (withBesluittype)
            body["besluittype"] = "https://catalogi.example.nl/api/v1/besluittypen/" + Guid.NewGuid();
        Server.Given(Request.Create().WithPath(new Uri(url).AbsolutePath).UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBodyAsJson(body));
        return url;
    }

    /// <summary>Puts an OIO in the store as if it had been made earlier; returns its URL.</summary>
    public string AddOio(string informatieobject, string zaak)
    {
        var url = $"{Root}/objectinformatieobjecten/{Guid.NewGuid()}";
        _oios[url] = new JsonObject { ["url"] = url, ["informatieobject"] = informatieobject, ["object"] = zaak, ["objectType"] = "zaak" };
        return url;
    }

    /// <summary>
    /// The requests the stub received with this method on objectinformatieobjecten since this stub was made. WireMock logs
    /// a request when it answers it, so a slow answer to an earlier test can appear after the reset: the time it was
    /// received tells them apart.
    /// </summary>
    public IReadOnlyList<IRequestMessage> OioCalls(string method) =>
        Server.LogEntries.Select(e => e.RequestMessage)
            .Where(r => r.DateTime >= _since && r.Method == method && r.AbsolutePath.StartsWith(OioPath, StringComparison.Ordinal)).ToList();

    private ResponseMessage CreateOio(IRequestMessage request)
    {
        if (CreateFailure is { } failure)
        {
            if (failure == 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds(20));
                return Json(504, new JsonObject());
            }
            return failure == 400
                ? Json(400, Problem("informatieobject", "inconsistent-relation", "De relatie bestaat niet in de Zaken API."))
                : Json(failure, new JsonObject { ["detail"] = "Interne fout." });
        }
        var body = JsonNode.Parse(request.Body ?? "{}")!.AsObject();
        var informatieobject = body["informatieobject"]?.GetValue<string>() ?? "";
        var zaak = body["object"]?.GetValue<string>() ?? "";
        if (_oios.Values.Any(o => Same(o, informatieobject, zaak)))
            return Json(400, Problem("nonFieldErrors", "unique", "De velden informatieobject, object moeten een unieke set zijn."));
        var url = AddOio(informatieobject, zaak);
        return Json(201, _oios[url]);
    }

    private ResponseMessage ListOios(IRequestMessage request)
    {
        var query = request.Query ?? new Dictionary<string, WireMockList<string>>();
        string? Param(string name) => query.TryGetValue(name, out var v) ? v.FirstOrDefault() : null;
        var (zaak, informatieobject) = (Param("object"), Param("informatieobject"));
        var matches = _oios.Values.Where(o => (zaak is null || o["object"]!.GetValue<string>() == zaak) &&
                                              (informatieobject is null || o["informatieobject"]!.GetValue<string>() == informatieobject));
        return Json(200, new JsonArray(matches.Select(o => (JsonNode)o.DeepClone()).ToArray()));
    }

    private ResponseMessage DeleteOio(IRequestMessage request)
    {
        if (DeleteFailure is { } failure)
            return Json(failure, new JsonObject { ["detail"] = "Verwijderen mislukt." });
        var url = Root + request.AbsolutePath["/documenten/api/v1".Length..];
        return _oios.TryRemove(url, out _) ? new ResponseMessage { StatusCode = 204 } : Json(404, new JsonObject { ["detail"] = "Niet gevonden." });
    }

    private static bool Same(JsonObject o, string informatieobject, string zaak) =>
        o["informatieobject"]!.GetValue<string>() == informatieobject && o["object"]!.GetValue<string>() == zaak;

    private static JsonObject Problem(string name, string code, string reason) => new()
    {
        ["title"] = "Invalid input.",
        ["invalidParams"] = new JsonArray(new JsonObject { ["name"] = name, ["code"] = code, ["reason"] = reason }),
    };

    private static ResponseMessage Json(int status, JsonNode body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };
}
