using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Types;
using WireMock.Util;
using WmResponse = WireMock.ResponseBuilders.Response;

namespace Zaken.Tests.Contract;

/// <summary>
/// What the contract test needs of the Documenten (and Besluiten) API on <see cref="ZakenApp.Documenten"/>:
/// enkelvoudiginformatieobjecten and besluiten as fixed objects, and <c>objectinformatieobjecten</c> (the zrc-005 mirror)
/// as an in-memory store answered by callbacks. Adds mappings only (it does not reset the server other tests use).
/// </summary>
internal sealed class ContractDocumenten
{
    private const string OioPath = "/documenten/api/v1/objectinformatieobjecten";
    private readonly ZakenApp _app;
    private readonly ConcurrentDictionary<string, JsonObject> _oios = new();

    public ContractDocumenten(ZakenApp app)
    {
        _app = app;
        app.Documenten.Given(Request.Create().WithPath(OioPath).UsingPost()).RespondWith(WmResponse.Create().WithCallback(CreateOio));
        app.Documenten.Given(Request.Create().WithPath(OioPath).UsingGet()).RespondWith(WmResponse.Create().WithCallback(ListOios));
        app.Documenten.Given(Request.Create().WithPath(OioPath + "/*").UsingDelete()).RespondWith(WmResponse.Create().WithCallback(DeleteOio));
    }

    /// <summary>A definitief enkelvoudiginformatieobject of <paramref name="informatieobjecttype"/>; returns its URL.</summary>
    public string Document(string informatieobjecttype)
    {
        var uuid = Guid.NewGuid();
        var url = $"{_app.DocumentenRoot}/enkelvoudiginformatieobjecten/{uuid}";
        Stub(url, new JsonObject
        {
            ["url"] = url,
            ["identificatie"] = "CONTRACT-" + uuid.ToString("N")[..8],
            ["bronorganisatie"] = ZakenApp.Bronorganisatie,
            ["titel"] = "Contracttest",
            ["informatieobjecttype"] = informatieobjecttype,
            ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["status"] = "definitief",
            ["indicatieGebruiksrecht"] = false,
            ["locked"] = false,
        });
        return url;
    }

    /// <summary>A besluit of a Besluiten API about <paramref name="zaak"/>; returns its URL.</summary>
    public string Besluit(string zaak)
    {
        var uuid = Guid.NewGuid();
        var url = $"{_app.Documenten.Url}/besluiten/api/v1/besluiten/{uuid}";
        Stub(url, new JsonObject
        {
            ["url"] = url,
            ["identificatie"] = "BESLUIT-" + uuid.ToString("N")[..8],
            ["besluittype"] = "https://catalogi.example.nl/api/v1/besluittypen/" + Guid.NewGuid(),
            ["zaak"] = zaak,
            ["datum"] = "2024-03-01",
            ["ingangsdatum"] = "2024-03-01",
        });
        return url;
    }

    private void Stub(string url, JsonObject body) =>
        _app.Documenten.Given(Request.Create().WithPath(new Uri(url).AbsolutePath).UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));

    private ResponseMessage CreateOio(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}")!.AsObject();
        var url = $"{_app.DocumentenRoot}/objectinformatieobjecten/{Guid.NewGuid()}";
        var oio = new JsonObject
        {
            ["url"] = url,
            ["informatieobject"] = body["informatieobject"]?.GetValue<string>() ?? "",
            ["object"] = body["object"]?.GetValue<string>() ?? "",
            ["objectType"] = "zaak",
        };
        _oios[url] = oio;
        return Json(201, oio);
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
        var url = _app.DocumentenRoot + request.AbsolutePath["/documenten/api/v1".Length..];
        return _oios.TryRemove(url, out _) ? new ResponseMessage { StatusCode = 204 } : Json(404, new JsonObject { ["detail"] = "Niet gevonden." });
    }

    private static ResponseMessage Json(int status, JsonNode body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };
}
