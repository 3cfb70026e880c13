using System.Text.Json.Nodes;
using WireMock;
using WireMock.Server;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>
/// A small Documenten API (and Besluiten API) on <see cref="ZakenApp.Documenten"/>: enkelvoudiginformatieobjecten and
/// besluiten as fixed objects, and <c>objectinformatieobjecten</c> as an in-memory store (<see cref="ObjectinformatieobjectenStub"/>).
/// <see cref="CreateFailure"/> / <see cref="DeleteFailure"/> make the mirror calls fail (an HTTP status, or 0 = hang longer
/// than the client waits). Construct it at the start of a test: it resets the server (mappings and request log).
/// </summary>
public sealed class DocumentenStub
{
    private readonly ZakenApp _app;
    private readonly ObjectinformatieobjectenStub _oios;

    public DocumentenStub(ZakenApp app)
    {
        _app = app;
        Server.Reset();
        _oios = new ObjectinformatieobjectenStub(Server, "Zaken API");
    }

    public WireMockServer Server => _app.Documenten;
    public string Root => _app.DocumentenRoot;
    public string BesluitenRoot => _app.Documenten.Url + "/besluiten/api/v1";

    /// <summary>HTTP status the POST of an OIO answers instead of creating it; 0 = never answers in time; null = works.</summary>
    public int? CreateFailure { get => _oios.CreateFailure; set => _oios.CreateFailure = value; }

    /// <summary>HTTP status the DELETE of an OIO answers instead of removing it; null = works.</summary>
    public int? DeleteFailure { get => _oios.DeleteFailure; set => _oios.DeleteFailure = value; }

    /// <summary>The OIOs the stub holds now.</summary>
    public IReadOnlyCollection<JsonObject> Oios => _oios.Oios;

    /// <summary>An enkelvoudiginformatieobject (GET answers it) of <paramref name="informatieobjecttype"/>; returns its URL.</summary>
    public string Document(string informatieobjecttype, bool? indicatieGebruiksrecht = false, bool locked = false, string status = "definitief")
    {
        var uuid = Guid.NewGuid();
        var url = $"{Root}/enkelvoudiginformatieobjecten/{uuid}";
        Server.GivenObject(url, new Dictionary<string, object?>
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
        });
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
        Server.GivenObject(url, body);
        return url;
    }

    /// <summary>Puts an OIO in the store as if it had been made earlier; returns its URL.</summary>
    public string AddOio(string informatieobject, string zaak) => _oios.Add(informatieobject, zaak, "zaak");

    /// <summary>The requests the stub received with this method on objectinformatieobjecten since this stub was made.</summary>
    public IReadOnlyList<IRequestMessage> OioCalls(string method) => _oios.Calls(method);
}
