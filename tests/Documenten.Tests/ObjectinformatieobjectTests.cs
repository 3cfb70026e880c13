using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Types;
using WireMock.Util;
using Zgw.Testing;
using WmResponse = WireMock.ResponseBuilders.Response;

namespace Documenten.Tests;

/// <summary>
/// /objectinformatieobjecten (D2, drc-002/003/004): objectType zaak|besluit|verzoek, object + informatieobject unique, the
/// relation must exist in the source (zaakinformatieobjecten / besluitinformatieobjecten of the object's API, asked with the
/// service's own token) and may only be deleted once it is gone there; list (unpaginated, filters), read/HEAD/ETag,
/// autorisatie through the document, audit under the document and no notifications (specs README §4.3).
/// </summary>
[Collection(DocumentenCollection.Name)]
public sealed class ObjectinformatieobjectTests(DocumentenApp app)
{
    private const string Oios = "/documenten/api/v1/objectinformatieobjecten";

    private static Dictionary<string, object?> Body(string informatieobject, string @object, string objectType = "zaak") => new()
    {
        ["informatieobject"] = informatieobject,
        ["object"] = @object,
        ["objectType"] = objectType,
    };

    private async Task<JsonObject> CreateAsync(string informatieobject, string @object, string objectType = "zaak")
    {
        var (response, json) = await app.Client(DocumentenApp.ServiceClient).SendJsonAsync(HttpMethod.Post, Oios, Body(informatieobject, @object, objectType));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST objectinformatieobjecten: {(int)response.StatusCode} {json}");
        return json!.AsObject();
    }

    private async Task<JsonArray> AudittrailAsync(string document) =>
        JsonNode.Parse(await (await app.Client().GetAsync(DocumentenApp.PathOf(document) + "/audittrail")).Content.ReadAsStringAsync())!.AsArray();

    private async Task<long> CountAsync(string document) =>
        await app.QueryAsync<long>("SELECT count(*) FROM objectinformatieobject o JOIN enkelvoudiginformatieobject d ON d.id = o.document_id WHERE d.uuid = @u",
            new { u = Guid.Parse(document[^36..]) });

    [Fact]
    public async Task Drc003_Zaak_WhenTheZakenApiHoldsTheRelation_Answers201_AuditedUnderTheDocument_NotNotified()
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var zaak = bron.Zaak();
        bron.Relaties[(zaak, document)] = true;

        var (response, json) = await app.Client(DocumentenApp.ServiceClient).SendJsonAsync(HttpMethod.Post, Oios, Body(document, zaak), toelichting: "Gespiegeld");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var oio = json!.AsObject();
        var url = DocumentenApp.Url(oio);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.StartsWith(DocumentenApp.ApiRoot + "/objectinformatieobjecten/", url);
        Assert.Equal(["url", "informatieobject", "object", "objectType"], oio.Select(p => p.Key).ToArray());
        Assert.Equal(document, oio["informatieobject"]!.GetValue<string>());
        Assert.Equal(zaak, oio["object"]!.GetValue<string>());
        Assert.Equal("zaak", oio["objectType"]!.GetValue<string>());

        var call = Assert.Single(bron.Calls);
        Assert.Equal(bron.Path("zaken", "zaakinformatieobjecten"), call.AbsolutePath);
        Assert.Equal(zaak, call.Query!["zaak"].Single());
        Assert.Equal(document, call.Query["informatieobject"].Single());
        Assert.StartsWith("Bearer ", call.Headers!["Authorization"].Single());

        var record = (await AudittrailAsync(document)).Single(r => r!["resource"]!.GetValue<string>() == "objectinformatieobject")!;
        Assert.Equal("create", record["actie"]!.GetValue<string>());
        Assert.Equal(document, record["hoofdObject"]!.GetValue<string>());
        Assert.Equal(url, record["resourceUrl"]!.GetValue<string>());
        Assert.Equal("Gespiegeld", record["toelichting"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(oio, record["wijzigingen"]!["nieuw"]));
        Assert.DoesNotContain(await app.NotificationsAsync(document), n => n["resource"]!.GetValue<string>() == "objectinformatieobject");
    }

    [Fact]
    public async Task Drc003_Besluit_AsksTheBesluitenApi()
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var besluit = bron.Besluit();
        bron.Relaties[(besluit, document)] = true;
        var oio = await CreateAsync(document, besluit, "besluit");
        Assert.Equal("besluit", oio["objectType"]!.GetValue<string>());
        var call = Assert.Single(bron.Calls);
        Assert.Equal(bron.Path("besluiten", "besluitinformatieobjecten"), call.AbsolutePath);
        Assert.Equal(besluit, call.Query!["besluit"].Single());
        Assert.Equal(document, call.Query["informatieobject"].Single());
    }

    [Theory]
    [InlineData("zaak")]
    [InlineData("besluit")]
    public async Task Drc003_WithoutTheRelationInTheSource_Is400InconsistentRelation_NothingWritten(string objectType)
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var @object = objectType == "zaak" ? bron.Zaak() : bron.Besluit();
        bron.Relaties[(@object, DocumentenApp.ApiRoot + "/enkelvoudiginformatieobjecten/" + Guid.NewGuid())] = true; // another document
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body(document, @object, objectType));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "inconsistent-relation");
        Assert.Equal(0, await CountAsync(document));
        Assert.Single(await AudittrailAsync(document));
    }

    [Fact]
    public async Task Drc003_ASourceThatCannotBeAsked_Is400RelationLookupError_Never500()
    {
        var bron = new BronStub(app) { Failure = 500 };
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var (failing, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body(document, bron.Zaak()));
        await ProblemAssert.IsProblemAsync(failing, HttpStatusCode.BadRequest, "invalid", "object", "relation-lookup-error");

        bron.Failure = -1; // not JSON
        var (garbage, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body(document, bron.Zaak()));
        await ProblemAssert.IsProblemAsync(garbage, HttpStatusCode.BadRequest, "invalid", "object", "relation-lookup-error");

        // A host outside the allowed list is never called.
        var (notAllowed, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body(document, $"https://elders.example.org/zaken/api/v1/zaken/{Guid.NewGuid()}"));
        await ProblemAssert.IsProblemAsync(notAllowed, HttpStatusCode.BadRequest, "invalid", "object", "relation-lookup-error");
        // Not a zaak URL: no API root to ask.
        var (noRoot, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body(document, bron.Besluit(), "zaak"));
        await ProblemAssert.IsProblemAsync(noRoot, HttpStatusCode.BadRequest, "invalid", "object", "relation-lookup-error");
        Assert.Equal(0, await CountAsync(document));
    }

    [Fact]
    public async Task Drc002_TheSameObjectAndInformatieobjectTwice_Is400Unique()
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var zaak = bron.Zaak();
        bron.Relaties[(zaak, document)] = true;
        await CreateAsync(document, zaak);
        var (again, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body(document, zaak));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
        Assert.Equal(1, await CountAsync(document));

        // Another document with the same zaak is another relation.
        var ander = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        bron.Relaties[(zaak, ander)] = true;
        await CreateAsync(ander, zaak);
    }

    [Fact]
    public async Task Drc002_Verzoek_IsAcceptedWithoutAskingASource()
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var verzoek = $"https://verzoeken.example.org/api/v1/verzoeken/{Guid.NewGuid()}";
        var oio = await CreateAsync(document, verzoek, "verzoek");
        Assert.Equal("verzoek", oio["objectType"]!.GetValue<string>());
        Assert.Empty(bron.Calls);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync(DocumentenApp.PathOf(DocumentenApp.Url(oio)))).StatusCode);
    }

    [Fact]
    public async Task Create_BadInput_Is400_WithTheField()
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var (empty, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, new Dictionary<string, object?>());
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "informatieobject", "required");
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "object", "required");
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "objectType", "required");
        var (type, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body(document, bron.Zaak(), "klant"));
        await ProblemAssert.IsProblemAsync(type, HttpStatusCode.BadRequest, "invalid", "objectType", "invalid_choice");
        var (badUrl, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body(document, "geen url"));
        await ProblemAssert.IsProblemAsync(badUrl, HttpStatusCode.BadRequest, "invalid", "object", "invalid");
        var (unknown, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Oios, Body($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten/{Guid.NewGuid()}", bron.Zaak()));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "informatieobject", "does_not_exist");
        Assert.Empty(bron.Calls);
    }

    [Fact]
    public async Task Create_WithoutTheScopeOrForAnotherType_Is403_BeforeTheSourceIsAsked()
    {
        var bron = new BronStub(app);
        var a = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var b = DocumentenApp.Url(await app.CreateDocumentAsync(app.B));
        var zaak = bron.Zaak();
        bron.Relaties[(zaak, a)] = true;
        bron.Relaties[(zaak, b)] = true;
        var (lezer, _) = await app.Client(DocumentenApp.Lezer).SendJsonAsync(HttpMethod.Post, Oios, Body(a, zaak));
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");
        var (anderType, _) = await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Post, Oios, Body(b, zaak));
        await ProblemAssert.IsProblemAsync(anderType, HttpStatusCode.Forbidden, "permission_denied");
        Assert.Empty(bron.Calls);
        var (ok, _) = await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Post, Oios, Body(a, zaak));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Fact]
    public async Task Read_WithETag_Head_IfNoneMatch304_404_403()
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk"));
        var zaak = bron.Zaak();
        bron.Relaties[(zaak, document)] = true;
        var oio = await CreateAsync(document, zaak);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(oio));

        var response = await app.Client(DocumentenApp.Lezer).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(oio, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
        await ETagAssert.HeadAndNotModifiedAsync(app.Client(DocumentenApp.Lezer), path, response.Headers.ETag!);

        foreach (var client in new[] { DocumentenApp.Beperkt, DocumentenApp.Aanmaker, DocumentenApp.Buitenstaander })
            await ProblemAssert.IsProblemAsync((await app.Client(client).SendJsonAsync(HttpMethod.Get, path)).Response, HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, $"{Oios}/{Guid.NewGuid()}")).Response, HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, path + "?expand=informatieobject")).Response,
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task List_IsUnpaginated_FiltersOnObjectAndInformatieobject_AndShowsOnlyAuthorisedDocuments()
    {
        var bron = new BronStub(app);
        var a = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var b = DocumentenApp.Url(await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk"));
        var (zaak1, zaak2) = (bron.Zaak(), bron.Zaak());
        foreach (var pair in new[] { (zaak1, a), (zaak2, a), (zaak1, b) })
            bron.Relaties[pair] = true;
        var a1 = await CreateAsync(a, zaak1);
        var a2 = await CreateAsync(a, zaak2);
        var b1 = await CreateAsync(b, zaak1);

        async Task<string[]> Urls(string query, string client = DocumentenApp.Beheerder)
        {
            var (response, body) = await app.Client(client).SendJsonAsync(HttpMethod.Get, Oios + query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
            return body!.AsArray().Select(r => DocumentenApp.Url(r!.AsObject())).ToArray();
        }

        var z1 = "object=" + Uri.EscapeDataString(zaak1);
        Assert.Equal([DocumentenApp.Url(a1), DocumentenApp.Url(b1)], await Urls("?" + z1));
        Assert.Equal([DocumentenApp.Url(a1), DocumentenApp.Url(a2)], await Urls("?informatieobject=" + Uri.EscapeDataString(a)));
        Assert.Equal([DocumentenApp.Url(a1)], await Urls($"?{z1}&informatieobject={Uri.EscapeDataString(a)}"));
        Assert.Equal([DocumentenApp.Url(a1)], await Urls($"?{z1}", DocumentenApp.Beperkt));
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, Oios + "?page=1")).Response,
            HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, Oios + "?object=geen-url")).Response,
            HttpStatusCode.BadRequest, "invalid", "object", "invalid");
        await ProblemAssert.IsProblemAsync((await app.Client(DocumentenApp.Buitenstaander).SendJsonAsync(HttpMethod.Get, Oios)).Response,
            HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task Delete_WhileTheSourceStillHoldsTheRelation_Is400RemoteRelationExists_AfterwardsItIs204_AuditedNotNotified()
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.A));
        var zaak = bron.Zaak();
        bron.Relaties[(zaak, document)] = true;
        var oio = await CreateAsync(document, zaak);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(oio));

        var (exists, _) = await app.Client(DocumentenApp.ServiceClient).SendJsonAsync(HttpMethod.Delete, path);
        await ProblemAssert.IsProblemAsync(exists, HttpStatusCode.BadRequest, "invalid", "object", "remote-relation-exists");
        bron.Failure = 503;
        var (lookup, _) = await app.Client(DocumentenApp.ServiceClient).SendJsonAsync(HttpMethod.Delete, path);
        await ProblemAssert.IsProblemAsync(lookup, HttpStatusCode.BadRequest, "invalid", "object", "relation-lookup-error");
        Assert.Equal(1, await CountAsync(document));

        bron.Failure = null;
        bron.Relaties.TryRemove((zaak, document), out _);
        var (deleted, _) = await app.Client(DocumentenApp.ServiceClient).SendJsonAsync(HttpMethod.Delete, path, toelichting: "Ontkoppeld");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Get, path)).Response, HttpStatusCode.NotFound, "not_found");
        var record = (await AudittrailAsync(document)).Last()!;
        Assert.Equal("destroy", record["actie"]!.GetValue<string>());
        Assert.Equal("objectinformatieobject", record["resource"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(oio, record["wijzigingen"]!["oud"]));
        Assert.DoesNotContain(await app.NotificationsAsync(document), n => n["resource"]!.GetValue<string>() == "objectinformatieobject");
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Delete, path)).Response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Delete_WithoutTheScopeOrForAnotherType_Is403()
    {
        var bron = new BronStub(app);
        var document = DocumentenApp.Url(await app.CreateDocumentAsync(app.C));
        var zaak = bron.Zaak();
        bron.Relaties[(zaak, document)] = true;
        var oio = await CreateAsync(document, zaak);
        bron.Relaties.Clear();
        foreach (var client in new[] { DocumentenApp.Lezer, DocumentenApp.Behandelaar })
            await ProblemAssert.IsProblemAsync((await app.Client(client).SendJsonAsync(HttpMethod.Delete, DocumentenApp.PathOf(DocumentenApp.Url(oio)))).Response,
                HttpStatusCode.Forbidden, "permission_denied");
        Assert.Equal(1, await CountAsync(document));
    }
}

/// <summary>
/// A Zaken API and a Besluiten API on <see cref="DocumentenApp.Bronnen"/> under a root of their own (so tests never share
/// mappings): their zaakinformatieobjecten / besluitinformatieobjecten lists answer from <see cref="Relaties"/>
/// (object, informatieobject). <see cref="Failure"/> makes them answer that HTTP status instead (-1: a body that is not JSON).
/// </summary>
public sealed class BronStub
{
    private readonly string _prefix = "/" + Guid.NewGuid().ToString("N")[..10];
    private readonly DocumentenApp _app;

    public BronStub(DocumentenApp app)
    {
        _app = app;
        foreach (var (api, relaties, parameter) in new[] { ("zaken", "zaakinformatieobjecten", "zaak"), ("besluiten", "besluitinformatieobjecten", "besluit") })
            app.Bronnen.Given(Request.Create().WithPath(Path(api, relaties)).UsingGet())
                .RespondWith(WmResponse.Create().WithCallback(r => List(r, parameter)));
    }

    public ConcurrentDictionary<(string Object, string Informatieobject), bool> Relaties { get; } = new();

    public int? Failure { get; set; }

    public string Path(string api, string collection) => $"{_prefix}/{api}/api/v1/{collection}";

    public string Zaak() => $"{_app.Bronnen.Url}{Path("zaken", "zaken")}/{Guid.NewGuid()}";

    public string Besluit() => $"{_app.Bronnen.Url}{Path("besluiten", "besluiten")}/{Guid.NewGuid()}";

    /// <summary>The requests this stub answered.</summary>
    public IReadOnlyList<IRequestMessage> Calls =>
        _app.Bronnen.LogEntries.Select(e => e.RequestMessage).Where(r => r.AbsolutePath.StartsWith(_prefix + "/", StringComparison.Ordinal)).ToList();

    private ResponseMessage List(IRequestMessage request, string parameter)
    {
        if (Failure == -1)
            return Answer(200, "<html>geen json</html>");
        if (Failure is { } status)
            return Answer(status, "{\"detail\": \"Storing.\"}");
        var query = request.Query ?? new Dictionary<string, WireMockList<string>>();
        string? Param(string name) => query.TryGetValue(name, out var v) ? v.FirstOrDefault() : null;
        var (@object, informatieobject) = (Param(parameter), Param("informatieobject"));
        var matches = Relaties.Keys.Where(k => (@object is null || k.Object == @object) && (informatieobject is null || k.Informatieobject == informatieobject))
            .Select(k => (JsonNode)new JsonObject { ["url"] = $"{k.Object}/relatie", [parameter] = k.Object, ["informatieobject"] = k.Informatieobject });
        return Answer(200, new JsonArray(matches.ToArray()).ToJsonString());
    }

    private static ResponseMessage Answer(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
