using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// POST /enkelvoudiginformatieobjecten/_zoek (D12) and <c>expand</c> on list, detail and _zoek (G10, drc-011..014; OAS
/// <c>EnkelvoudigInformatieObjectExpanded</c>).
/// </summary>
[Collection(DocumentenCollection.Name)]
public sealed class EnkelvoudiginformatieobjectZoekTests(DocumentenApp app)
{
    private const string Documenten = "/documenten/api/v1/enkelvoudiginformatieobjecten";
    private const string Zoek = Documenten + "/_zoek";

    private async Task<JsonObject> ZoekAsync(object body, string client = DocumentenApp.Beheerder, string query = "")
    {
        var (response, json) = await app.Client(client).SendJsonAsync(HttpMethod.Post, Zoek + query, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {json}");
        return json!.AsObject();
    }

    private static string Uuid(JsonObject document) => DocumentTestData.Uuid(document).ToString();

    [Fact]
    public async Task D12_Zoek_ByUuidIn_ReturnsThoseDocuments_InTheListsPageStructure_LatestVersion()
    {
        var a = await app.CreateDocumentAsync(app.A);
        var b = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk");
        await app.CreateDocumentAsync(app.A);
        await app.QueryAsync<object>("""
            INSERT INTO enkelvoudiginformatieobject_versie (document_id, versie, begin_registratie, gegevens, inhoud, bestandsomvang)
            SELECT document_id, 2, now(), gegevens || '{"titel": "Tweede versie"}', inhoud, bestandsomvang FROM enkelvoudiginformatieobject_versie
            WHERE document_id = (SELECT id FROM enkelvoudiginformatieobject WHERE uuid = @uuid);
            UPDATE enkelvoudiginformatieobject SET versie = 2 WHERE uuid = @uuid;
            """, new { uuid = DocumentTestData.Uuid(a) });

        var page = await ZoekAsync(new Dictionary<string, object?> { ["uuid__in"] = new[] { Uuid(a), Uuid(b) } });
        Assert.Equal(["count", "next", "previous", "results"], page.Select(p => p.Key).ToArray());
        Assert.Equal(2, page["count"]!.GetValue<int>());
        Assert.Null(page["next"]);
        Assert.Null(page["previous"]);
        var results = page["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal([DocumentenApp.Url(b), DocumentenApp.Url(a)], results.Select(DocumentenApp.Url)); // newest first
        Assert.Equal(EnkelvoudiginformatieobjectTests.OasVelden, results[0].Select(p => p.Key).ToArray());
        Assert.Equal("Tweede versie", results[1]["titel"]!.GetValue<string>());
        Assert.Equal(2, results[1]["versie"]!.GetValue<int>());

        var filtered = await ZoekAsync(new Dictionary<string, object?>
        {
            ["uuid__in"] = new[] { Uuid(a), Uuid(b) }, ["identificatie"] = b["identificatie"]!.GetValue<string>(),
            ["bronorganisatie"] = DocumentenApp.Bronorganisatie,
        });
        Assert.Equal(DocumentenApp.Url(b), DocumentenApp.Url(Assert.Single(filtered["results"]!.AsArray())!.AsObject()));
        Assert.Equal(0, (await ZoekAsync(new Dictionary<string, object?> { ["uuid__in"] = Array.Empty<string>() }))["count"]!.GetValue<int>());
        Assert.Equal(0, (await ZoekAsync(new Dictionary<string, object?> { ["uuid__in"] = new[] { Guid.NewGuid().ToString() } }))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task D12_EmptyBodyIs400EmptySearchBody_UuidInIsRequired_AndValidated_UnknownFieldsAndParametersAre400()
    {
        var (empty, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Zoek, new { });
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "empty_search_body");
        var (noUuids, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Zoek, new { identificatie = "x" });
        await ProblemAssert.IsProblemAsync(noUuids, HttpStatusCode.BadRequest, "invalid", "uuid__in", "required");
        var (badUuid, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Zoek, new Dictionary<string, object?> { ["uuid__in"] = new[] { "geen-uuid" } });
        await ProblemAssert.IsProblemAsync(badUuid, HttpStatusCode.BadRequest, "invalid", "uuid__in.0", "invalid");
        var (notAList, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Zoek, new Dictionary<string, object?> { ["uuid__in"] = Guid.NewGuid().ToString() });
        await ProblemAssert.IsProblemAsync(notAList, HttpStatusCode.BadRequest, "invalid", "uuid__in");
        var (unknownField, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Zoek,
            new Dictionary<string, object?> { ["uuid__in"] = Array.Empty<string>(), ["trefwoorden"] = "x" });
        await ProblemAssert.IsProblemAsync(unknownField, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        var (unknownParameter, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Zoek + "?foo=1",
            new Dictionary<string, object?> { ["uuid__in"] = Array.Empty<string>() });
        await ProblemAssert.IsProblemAsync(unknownParameter, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        var (beyond, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Zoek + "?page=2",
            new Dictionary<string, object?> { ["uuid__in"] = Array.Empty<string>() });
        await ProblemAssert.IsProblemAsync(beyond, HttpStatusCode.NotFound, "not_found");
        var (noScope, _) = await app.Client(DocumentenApp.Buitenstaander).SendJsonAsync(HttpMethod.Post, Zoek,
            new Dictionary<string, object?> { ["uuid__in"] = Array.Empty<string>() });
        await ProblemAssert.IsProblemAsync(noScope, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task D12_Zoek_ShowsOnlyAuthorisedDocuments_CountIncluded()
    {
        var openbaar = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "openbaar");
        var geheim = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk");
        var c = await app.CreateDocumentAsync(app.C);
        // beperkt reads B up to openbaar and not C
        var page = await ZoekAsync(new Dictionary<string, object?> { ["uuid__in"] = new[] { Uuid(openbaar), Uuid(geheim), Uuid(c) } }, DocumentenApp.Beperkt);
        Assert.Equal(1, page["count"]!.GetValue<int>());
        Assert.Equal(DocumentenApp.Url(openbaar), DocumentenApp.Url(Assert.Single(page["results"]!.AsArray())!.AsObject()));
    }

    [Fact]
    public async Task Expand_Informatieobjecttype_OnListDetailAndZoek_IsTheCatalogiObject()
    {
        var a = await app.CreateDocumentAsync(app.A);
        var b = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk");
        var typeA = JsonNode.Parse(await (await app.CatalogiClient().GetAsync(DocumentenApp.PathOf(app.A))).Content.ReadAsStringAsync())!;

        var detail = await app.GetAsync(DocumentenApp.Url(a) + "?expand=informatieobjecttype");
        Assert.Equal([.. EnkelvoudiginformatieobjectTests.OasVelden, "_expand"], detail.Select(p => p.Key).ToArray());
        Assert.Equal(["informatieobjecttype"], detail["_expand"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.True(JsonNode.DeepEquals(typeA, detail["_expand"]!["informatieobjecttype"]), $"{typeA}\n{detail["_expand"]}");
        var versie1 = await app.GetAsync(DocumentenApp.Url(a) + "?versie=1&expand=informatieobjecttype");
        Assert.Equal(app.A, versie1["_expand"]!["informatieobjecttype"]!["url"]!.GetValue<string>());
        Assert.False((await app.GetAsync(DocumentenApp.Url(a))).ContainsKey("_expand"));

        var list = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?bronorganisatie={DocumentenApp.Bronorganisatie}&expand=informatieobjecttype");
        Assert.All(list["results"]!.AsArray(), d => Assert.Equal(d!["informatieobjecttype"]!.GetValue<string>(),
            d["_expand"]!["informatieobjecttype"]!["url"]!.GetValue<string>()));

        var zoek = await ZoekAsync(new Dictionary<string, object?> { ["uuid__in"] = new[] { Uuid(a), Uuid(b) }, ["expand"] = "informatieobjecttype" });
        var results = zoek["results"]!.AsArray();
        Assert.Equal(app.B, results[0]!["_expand"]!["informatieobjecttype"]!["url"]!.GetValue<string>());
        Assert.Equal(app.A, results[1]!["_expand"]!["informatieobjecttype"]!["url"]!.GetValue<string>());
        Assert.Equal("zaakvertrouwelijk", results[0]!["_expand"]!["informatieobjecttype"]!["vertrouwelijkheidaanduiding"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drc013_ExpandOfAnUnknownField_Is404_OnListDetailAndZoek()
    {
        var a = await app.CreateDocumentAsync(app.A);
        var (detail, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(a)) + "?expand=titel");
        await ProblemAssert.IsProblemAsync(detail, HttpStatusCode.NotFound, "not_found");
        var (list, _) = await app.Client().SendJsonAsync(HttpMethod.Get, Documenten + "?expand=informatieobjecttype.catalogus");
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.NotFound, "not_found");
        var (zoek, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Zoek,
            new Dictionary<string, object?> { ["uuid__in"] = new[] { Uuid(a) }, ["expand"] = "onbekend" });
        await ProblemAssert.IsProblemAsync(zoek, HttpStatusCode.NotFound, "not_found");
        var (download, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(a)) + "/download?expand=informatieobjecttype");
        await ProblemAssert.IsProblemAsync(download, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }
}
