using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Zgw.Testing;
using WmResponse = WireMock.ResponseBuilders.Response;

namespace Besluiten.Tests;

/// <summary>
/// A small Zaken API and Documenten API on <see cref="BesluitenApp.Bronnen"/>: zaken and enkelvoudiginformatieobjecten as
/// fixed objects; zaakbesluiten (<c>{zaak}/besluiten</c>) and <c>objectinformatieobjecten</c>
/// (<see cref="ObjectinformatieobjectenStub"/>) as in-memory stores answered by callbacks. Like the real services, the stub
/// checks the source while it handles a mirror call: the zaakbesluit POST reads the besluit from the Besluiten API (as
/// Zaken does), the OIO POST asks
/// <c>GET /besluitinformatieobjecten?besluit=&amp;informatieobject=</c> and refuses with <c>inconsistent-relation</c> when the
/// relation is not there (D2), and the OIO DELETE refuses with <c>remote-relation-exists</c> while it still is.
/// The <c>…Failure</c> properties make the calls fail with an HTTP status. Construct it at the start of a test: it resets
/// the server.
/// </summary>
public sealed class BronnenStub
{
    private readonly BesluitenApp _app;
    private readonly ObjectinformatieobjectenStub _oios;
    private readonly ConcurrentDictionary<string, JsonObject> _zaakbesluiten = new();

    public BronnenStub(BesluitenApp app)
    {
        _app = app;
        Server.Reset();
        _oios = new ObjectinformatieobjectenStub(Server, "Besluiten API", RelationVisible);
        Server.Given(Request.Create().WithPath(ZakenPath + "/*/besluiten").UsingPost()).RespondWith(WmResponse.Create().WithCallback(CreateZaakbesluit));
        Server.Given(Request.Create().WithPath(ZakenPath + "/*/besluiten").UsingGet()).RespondWith(WmResponse.Create().WithCallback(ListZaakbesluiten));
        Server.Given(Request.Create().WithPath(ZakenPath + "/*/besluiten/*").UsingDelete())
            .RespondWith(WmResponse.Create().WithCallback(DeleteZaakbesluit));
    }

    public WireMockServer Server => _app.Bronnen;
    public string DocumentenRoot => Server.Url + "/documenten/api/v1";
    public string ZakenRoot => Server.Url + "/zaken/api/v1";
    private const string ZakenPath = "/zaken/api/v1/zaken";

    /// <summary>HTTP status the POST of an OIO answers instead of creating it; null = works.</summary>
    public int? OioCreateFailure { get => _oios.CreateFailure; set => _oios.CreateFailure = value; }
    public int? OioDeleteFailure { get => _oios.DeleteFailure; set => _oios.DeleteFailure = value; }
    public int? ZaakbesluitCreateFailure { get; set; }
    public int? ZaakbesluitDeleteFailure { get; set; }

    /// <summary>What the source checks saw: true = the relation was visible in the Besluiten API during the mirror call.</summary>
    public ConcurrentQueue<bool> OioSourceChecks => _oios.SourceChecks;
    public ConcurrentQueue<int> BesluitReadsByZaken { get; } = new();

    public IReadOnlyCollection<JsonObject> Oios => _oios.Oios;
    public IReadOnlyCollection<JsonObject> Zaakbesluiten => _zaakbesluiten.Values.ToList();

    /// <summary>A zaak of <paramref name="zaaktype"/> (GET answers it); returns its URL.</summary>
    public string Zaak(string zaaktype, string vertrouwelijkheid = "openbaar")
    {
        var url = $"{ZakenRoot}/zaken/{Guid.NewGuid()}";
        Server.GivenObject(url, new Dictionary<string, object?>
        {
            ["url"] = url, ["identificatie"] = "ZAAK-2024-0000000001", ["bronorganisatie"] = BesluitenApp.Rsin, ["zaaktype"] = zaaktype,
            ["vertrouwelijkheidaanduiding"] = vertrouwelijkheid, ["startdatum"] = "2024-01-01",
        });
        return url;
    }

    /// <summary>An enkelvoudiginformatieobject of <paramref name="informatieobjecttype"/> (GET answers it); returns its URL.</summary>
    public string Document(string informatieobjecttype, string vertrouwelijkheid = "openbaar")
    {
        var uuid = Guid.NewGuid();
        var url = $"{DocumentenRoot}/enkelvoudiginformatieobjecten/{uuid}";
        Server.GivenObject(url, new Dictionary<string, object?>
        {
            ["url"] = url, ["identificatie"] = "DOCUMENT-" + uuid.ToString("N")[..8], ["bronorganisatie"] = BesluitenApp.Rsin,
            ["titel"] = "Besluitbrief", ["informatieobjecttype"] = informatieobjecttype, ["vertrouwelijkheidaanduiding"] = vertrouwelijkheid,
        });
        return url;
    }

    public IReadOnlyList<IRequestMessage> OioCalls(string method) => _oios.Calls(method);

    public IReadOnlyList<IRequestMessage> ZaakbesluitCalls(string method) =>
        Server.LogEntries.Select(e => e.RequestMessage)
            .Where(r => r.Method == method && r.AbsolutePath.StartsWith(ZakenPath, StringComparison.Ordinal) && r.AbsolutePath.Contains("/besluiten", StringComparison.Ordinal))
            .ToList();

    /// <summary>The Besluiten API's answer to the Documenten source check (D2): does the besluitinformatieobject exist?</summary>
    private bool RelationVisible(string besluit, string informatieobject)
    {
        var path = $"/besluiten/api/v1/besluitinformatieobjecten?besluit={Uri.EscapeDataString(besluit)}&informatieobject={Uri.EscapeDataString(informatieobject)}";
        var response = _app.Client(BesluitenApp.ServiceClient).GetAsync(path).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return response.IsSuccessStatusCode && JsonNode.Parse(text) is JsonArray { Count: > 0 };
    }

    private ResponseMessage CreateZaakbesluit(IRequestMessage request)
    {
        if (ZaakbesluitCreateFailure is { } failure)
            return StubResponses.Json(failure, failure == 400
                ? StubResponses.Problem("besluit", "bad-url", "Het besluit kon niet worden opgehaald.")
                : new JsonObject { ["detail"] = "Interne fout." });
        var zaak = Server.Url + request.AbsolutePath[..^"/besluiten".Length];
        var besluit = JsonNode.Parse(request.Body ?? "{}")!["besluit"]?.GetValue<string>() ?? "";
        // as the Zaken API does: the besluit must resolve (with its service token)
        var read = _app.Client(BesluitenApp.ServiceClient).GetAsync(BesluitenApp.PathOf(besluit)).GetAwaiter().GetResult();
        BesluitReadsByZaken.Enqueue((int)read.StatusCode);
        if (!read.IsSuccessStatusCode)
            return StubResponses.Json(400, StubResponses.Problem("besluit", "bad-url", "Het besluit kon niet worden opgehaald."));
        if (_zaakbesluiten.Values.Any(z => z["besluit"]!.GetValue<string>() == besluit && z["zaak"]!.GetValue<string>() == zaak))
            return StubResponses.Json(400, StubResponses.Problem("nonFieldErrors", "unique", "De velden zaak, besluit moeten een unieke set zijn."));
        var url = $"{zaak}/besluiten/{Guid.NewGuid()}";
        _zaakbesluiten[url] = new JsonObject { ["url"] = url, ["besluit"] = besluit, ["zaak"] = zaak };
        return StubResponses.Json(201, new JsonObject { ["url"] = url, ["uuid"] = url[^36..], ["besluit"] = besluit });
    }

    private ResponseMessage ListZaakbesluiten(IRequestMessage request)
    {
        var zaak = Server.Url + request.AbsolutePath[..^"/besluiten".Length];
        return StubResponses.Json(200, new JsonArray(_zaakbesluiten.Values.Where(z => z["zaak"]!.GetValue<string>() == zaak)
            .Select(z => (JsonNode)new JsonObject { ["url"] = z["url"]!.GetValue<string>(), ["besluit"] = z["besluit"]!.GetValue<string>() }).ToArray()));
    }

    private ResponseMessage DeleteZaakbesluit(IRequestMessage request)
    {
        if (ZaakbesluitDeleteFailure is { } failure)
            return StubResponses.Json(failure, new JsonObject { ["detail"] = "Verwijderen mislukt." });
        return _zaakbesluiten.TryRemove(Server.Url + request.AbsolutePath, out _)
            ? new ResponseMessage { StatusCode = 204 }
            : StubResponses.Json(404, new JsonObject { ["detail"] = "Niet gevonden." });
    }
}
