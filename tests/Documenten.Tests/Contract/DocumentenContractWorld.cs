using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests.Contract;

/// <summary>
/// The objects the operations of the contract test act on, all made through the API: one document of
/// <see cref="DocumentenApp.A"/> with a gebruiksrecht, a verzending and an objectinformatieobject (its zaak relation held by a
/// <see cref="BronStub"/>), and the means to make valid bodies and throwaway objects.
/// </summary>
internal sealed class DocumentenContractWorld : ContractWorld
{
    public const string Root = "/documenten/api/v1";

    private static readonly string[] Resources = ["gebruiksrechten", "verzendingen", "objectinformatieobjecten"];

    private readonly DocumentenApp _app;
    private readonly BronStub _bron;

    private DocumentenContractWorld(DocumentenApp app, JsonObject document) : base(() => app.Client())
    {
        _app = app;
        _bron = new BronStub(app);
        Document = document;
    }

    public JsonObject Document { get; }

    public string DocumentUrl => DocumentenApp.Url(Document);
    public string DocumentPath => DocumentenApp.PathOf(DocumentUrl);

    public static async Task<DocumentenContractWorld> CreateAsync(DocumentenApp app)
    {
        var world = new DocumentenContractWorld(app, await app.CreateDocumentAsync(app.A));
        world.Existing["enkelvoudiginformatieobjecten"] = world.DocumentPath;
        foreach (var key in Resources)
            await world.MakeExistingAsync(key, $"{Root}/{key}", world.NewBody(key, world.DocumentUrl));
        await world.MakeExistingAudittrailAsync(world.DocumentPath);
        return world;
    }

    /// <summary>A valid body to create an object of <paramref name="key"/> (for <paramref name="document"/>).</summary>
    public JsonObject NewBody(string key, string document) => key switch
    {
        "enkelvoudiginformatieobjecten" => ToJson(DocumentenApp.DocumentBody(_app.A)),
        "gebruiksrechten" => new()
        {
            ["informatieobject"] = document, ["startdatum"] = "2024-03-01T10:00:00Z", ["omschrijvingVoorwaarden"] = "Contracttest",
        },
        "verzendingen" => new()
        {
            ["betrokkene"] = "https://klanten.example.org/api/v1/klanten/8a5b4cb8-9a1c-4f35-8a3b-0d1c2e3f4a5b",
            ["informatieobject"] = document, ["aardRelatie"] = "geadresseerde", ["toelichting"] = "Contracttest",
            ["contactPersoon"] = "https://klanten.example.org/api/v1/contactpersonen/1d2c3b4a-0000-4000-8000-000000000001",
            ["emailadres"] = "contract@example.nl",
        },
        "objectinformatieobjecten" => ObjectinformatieobjectBody(document),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key),
    };

    /// <summary>An objectinformatieobject of a new zaak whose Zaken API (the stub) holds the relation (drc-003).</summary>
    private JsonObject ObjectinformatieobjectBody(string document)
    {
        var zaak = _bron.Zaak();
        _bron.Relaties[(zaak, document)] = true;
        return new() { ["informatieobject"] = document, ["object"] = zaak, ["objectType"] = "zaak" };
    }

    /// <summary>A valid partial update of <paramref name="key"/>.</summary>
    public static JsonObject PatchBody(string key) => key switch
    {
        "gebruiksrechten" => new() { ["omschrijvingVoorwaarden"] = "Gewijzigd" },
        "verzendingen" => new() { ["toelichting"] = "Gewijzigd" },
        _ => new() { ["titel"] = "Gewijzigd door de contracttest" },
    };

    /// <summary>An invalid partial update of <paramref name="key"/> (a value outside its enum / not a date).</summary>
    public static JsonObject InvalidPatchBody(string key) => key switch
    {
        "gebruiksrechten" => new() { ["startdatum"] = "geen datum" },
        "verzendingen" => new() { ["aardRelatie"] = "onbekend" },
        _ => new() { ["vertrouwelijkheidaanduiding"] = "onbekend" },
    };

    /// <summary>A new object of <paramref name="key"/> (on a new document) to delete or change: its path, or the failure.</summary>
    public async Task<(string? Path, string? Failure)> ThrowawayAsync(string key)
    {
        var document = DocumentenApp.Url(await _app.CreateDocumentAsync(_app.A));
        if (key == "enkelvoudiginformatieobjecten")
            return (DocumentenApp.PathOf(document), null);
        var body = NewBody(key, document);
        var (url, failure) = await TryCreateAsync($"{Root}/{key}", body);
        if (key == "objectinformatieobjecten")
            _bron.Relaties.TryRemove((body["object"]!.GetValue<string>(), document), out _); // drc-004: gone in the source
        return (url is null ? null : DocumentenApp.PathOf(url), failure);
    }

    /// <summary>A new document, locked through the API: its path and lock id.</summary>
    public async Task<(string Path, string Lock)> LockedDocumentAsync()
    {
        var path = DocumentenApp.PathOf(DocumentenApp.Url(await _app.CreateDocumentAsync(_app.A)));
        var (status, text) = await SendAsync(HttpMethod.Post, path + "/lock", new JsonObject());
        if (status != 200)
            throw new InvalidOperationException($"POST {path}/lock answered {status}: {ContractCoverage.Cut(text)}");
        return (path, JsonNode.Parse(text)!["lock"]!.GetValue<string>());
    }

    /// <summary>A new document waiting for its content in bestandsdelen (one part): the part's path and the lock.</summary>
    public async Task<(string DeelPath, string Lock)> UploadAsync(byte[] inhoud)
    {
        var document = await _app.CreateDocumentAsync(_app.A, change: b => { b["inhoud"] = null; b["bestandsomvang"] = inhoud.Length; });
        var deel = document["bestandsdelen"]!.AsArray().Single()!;
        return (DocumentenApp.PathOf(deel["url"]!.GetValue<string>()), document["lock"]!.GetValue<string>());
    }

    /// <summary>A multipart form for <c>PUT /bestandsdelen/{uuid}</c> (either field may be left out).</summary>
    public static Func<HttpContent> Deel(string? lockId, byte[]? inhoud) => () =>
    {
        var form = new MultipartFormDataContent();
        if (lockId is not null)
            form.Add(new StringContent(lockId), "lock");
        if (inhoud is not null)
        {
            var file = new ByteArrayContent(inhoud);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "inhoud", "deel.bin");
        }
        return form;
    };

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
