using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Zaken.Tests.Contract;

/// <summary>
/// The objects the operations of the contract test act on, all made through the API: one zaak of <see cref="ZakenApp.A"/>
/// with a status, resultaat, rol, zaakobject, zaakinformatieobject, zaakeigenschap, klantcontact, zaakcontactmoment,
/// zaakverzoek and zaakbesluit, and the means to make valid bodies and throwaway objects (each on a fresh zaak).
/// Informatieobjecten, the objectinformatieobjecten mirror and besluiten come from <see cref="DocumentenStub"/> (which
/// resets the Documenten WireMock server when the world is made). Every request carries the CRS headers.
/// </summary>
internal sealed class ZakenContractWorld : ContractWorld
{
    public const string Root = "/zaken/api/v1";

    private readonly ZakenApp _app;
    private readonly DocumentenStub _documenten;
    private int _counter;

    private ZakenContractWorld(ZakenApp app, JsonObject zaak) : base(() => app.Client().WithCrs())
    {
        _app = app;
        _documenten = new DocumentenStub(app);
        Zaak = zaak;
    }

    /// <summary>The zaak every existing object belongs to.</summary>
    public JsonObject Zaak { get; }

    public string ZaakUrl => ZakenApp.Url(Zaak);
    public string ZaakPath => ZakenApp.PathOf(ZaakUrl);

    /// <summary>The resource an OAS path is about: the last literal segment (<c>_zoek</c> counts as <c>zaken</c>).</summary>
    public static string KeyOf(string oasPath)
    {
        var literal = oasPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith('{')).ToList();
        return literal[^1] == "_zoek" ? "zaken" : literal[^1];
    }

    public static async Task<ZakenContractWorld> CreateAsync(ZakenApp app)
    {
        var world = new ZakenContractWorld(app, await app.CreateZaakAsync(app.A.Url));
        world.Existing["zaken"] = world.ZaakPath;
        world.Bodies["zaken"] = ToJson(ZakenApp.ZaakBody(app.A.Url));
        foreach (var key in new[] { "statussen", "resultaten", "rollen", "zaakobjecten", "zaakinformatieobjecten", "zaakeigenschappen",
                     "besluiten", "klantcontacten", "zaakcontactmomenten", "zaakverzoeken" })
        {
            var (path, body) = await world.NewAsync(key, world.Zaak);
            await world.MakeExistingAsync(key, path, body);
        }
        await world.MakeExistingAudittrailAsync(world.ZaakPath);
        return world;
    }

    /// <summary>The path to POST a new object of <paramref name="key"/> to, and a valid body (on <paramref name="zaak"/> or a fresh zaak).</summary>
    public async Task<(string Path, JsonObject Body)> NewAsync(string key, JsonObject? zaak = null)
    {
        if (key == "zaken")
            return ($"{Root}/zaken", ToJson(ZakenApp.ZaakBody(_app.A.Url)));
        zaak ??= await _app.CreateZaakAsync(_app.A.Url);
        var zaakUrl = ZakenApp.Url(zaak);
        var n = Interlocked.Increment(ref _counter);
        var a = _app.A;
        JsonObject body = key switch
        {
            "statussen" => new() { ["zaak"] = zaakUrl, ["statustype"] = a.Statustypen[0], ["datumStatusGezet"] = "2024-03-02T10:00:00Z",
                ["statustoelichting"] = "Contracttest" },
            "resultaten" => new() { ["zaak"] = zaakUrl, ["resultaattype"] = a.Resultaattype, ["toelichting"] = "Contracttest" },
            "rollen" => new() { ["zaak"] = zaakUrl, ["betrokkeneType"] = "medewerker", ["roltype"] = a.RoltypeBehandelaar,
                ["roltoelichting"] = "Contracttest", ["betrokkeneIdentificatie"] = new JsonObject { ["identificatie"] = $"MW-{n}" } },
            "zaakobjecten" => new() { ["zaak"] = zaakUrl, ["objectType"] = "overige", ["objectTypeOverige"] = "test",
                ["relatieomschrijving"] = "Contracttest",
                ["objectIdentificatie"] = new JsonObject { ["overigeData"] = new JsonObject { ["kenmerk"] = $"K-{n}" } } },
            "zaakinformatieobjecten" => new() { ["informatieobject"] = _documenten.Document(a.Informatieobjecttype), ["zaak"] = zaakUrl,
                ["titel"] = "Contracttest", ["beschrijving"] = "" },
            "zaakeigenschappen" => new() { ["zaak"] = zaakUrl, ["eigenschap"] = a.Eigenschap, ["waarde"] = "20240101" },
            "besluiten" => new() { ["besluit"] = _documenten.Besluit(zaakUrl) },
            "klantcontacten" => new() { ["zaak"] = zaakUrl, ["datumtijd"] = "2024-03-01T10:00:00Z", ["kanaal"] = "telefoon",
                ["onderwerp"] = "Contracttest", ["toelichting"] = "" },
            "zaakcontactmomenten" => new() { ["zaak"] = zaakUrl,
                ["contactmoment"] = $"https://contactmomenten.example.nl/contactmomenten/api/v1/contactmomenten/{Guid.NewGuid()}" },
            "zaakverzoeken" => new() { ["zaak"] = zaakUrl, ["verzoek"] = $"https://verzoeken.example.nl/verzoeken/api/v1/verzoeken/{Guid.NewGuid()}" },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key),
        };
        var zaakPath = ZakenApp.PathOf(zaakUrl);
        var path = key is "zaakeigenschappen" or "besluiten" ? $"{zaakPath}/{key}" : $"{Root}/{key}";
        return (path, body);
    }

    /// <summary>A valid partial update of an existing object of <paramref name="key"/>.</summary>
    public static JsonObject PatchBody(string key) => key switch
    {
        "zaken" => new() { ["omschrijving"] = "Gewijzigd door de contracttest" },
        "resultaten" => new() { ["toelichting"] = "Gewijzigd" },
        "zaakobjecten" => new() { ["relatieomschrijving"] = "Gewijzigd" },
        "zaakinformatieobjecten" => new() { ["titel"] = "Gewijzigd" },
        "zaakeigenschappen" => new() { ["waarde"] = "20240202" },
        _ => [],
    };

    /// <summary>An invalid partial update of <paramref name="key"/> (a value outside its enum / not a URL / too long).</summary>
    public static JsonObject InvalidPatchBody(string key) => key switch
    {
        "zaken" => new() { ["vertrouwelijkheidaanduiding"] = "onbekend" },
        "resultaten" => new() { ["resultaattype"] = "geen-url" },
        "zaakobjecten" => new() { ["relatieomschrijving"] = new string('x', 81) },
        "zaakinformatieobjecten" => new() { ["titel"] = new string('x', 201) },
        "zaakeigenschappen" => new() { ["eigenschap"] = "geen-url" },
        _ => new() { ["zaak"] = "geen-url" },
    };

    /// <summary>A new object of <paramref name="key"/> to delete: its path, or the failure.</summary>
    public async Task<(string? Path, string? Failure)> ThrowawayAsync(string key)
    {
        if (key == "zaken")
            return (ZakenApp.PathOf(ZakenApp.Url(await _app.CreateZaakAsync(_app.A.Url))), null);
        var (path, body) = await NewAsync(key);
        var (url, failure) = await TryCreateAsync(path, body);
        return (url is null ? null : ZakenApp.PathOf(url), failure);
    }
}
