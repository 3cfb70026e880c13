using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>GET /enkelvoudiginformatieobjecten/{uuid}/audittrail[/{uuid}] (ZGW G8): bron drc, the document as hoofdObject, scope audittrails.lezen.</summary>
[Collection(DocumentenCollection.Name)]
public sealed class AudittrailTests(DocumentenApp app)
{
    [Fact]
    public async Task G8_TheCreateIsRecorded_WithTheFullNewRepresentation_ListAndDetail()
    {
        var document = await app.CreateDocumentAsync(app.A, DocumentenApp.Behandelaar);
        var url = DocumentenApp.Url(document);
        var response = await app.Client(DocumentenApp.Behandelaar).GetAsync(DocumentenApp.PathOf(url) + "/audittrail");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var record = Assert.Single(trail)!.AsObject();
        Assert.Equal("drc", record["bron"]!.GetValue<string>());
        Assert.Equal("create", record["actie"]!.GetValue<string>());
        Assert.Equal(201, record["resultaat"]!.GetValue<int>());
        Assert.Equal(url, record["hoofdObject"]!.GetValue<string>());
        Assert.Equal("enkelvoudiginformatieobject", record["resource"]!.GetValue<string>());
        Assert.Equal(url, record["resourceUrl"]!.GetValue<string>());
        Assert.Equal(DocumentenApp.Behandelaar, record["applicatieId"]!.GetValue<string>());
        Assert.Equal(document["identificatie"]!.GetValue<string>(), record["resourceWeergave"]!.GetValue<string>());
        Assert.Null(record["wijzigingen"]!["oud"]);
        document.Remove("lock");
        Assert.True(JsonNode.DeepEquals(document, record["wijzigingen"]!["nieuw"]));

        var detail = await app.GetAsync($"{url}/audittrail/{record["uuid"]!.GetValue<string>()}", DocumentenApp.Behandelaar);
        Assert.True(JsonNode.DeepEquals(record, detail));
    }

    [Fact]
    public async Task Audittrail_NeedsAudittrailsLezenForTheDocumentsType_UnknownIs404()
    {
        var document = await app.CreateDocumentAsync(app.A);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(document)) + "/audittrail";
        var (lezer, _) = await app.Client(DocumentenApp.Lezer).SendJsonAsync(HttpMethod.Get, path);
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");

        var c = await app.CreateDocumentAsync(app.C);
        var (anderType, _) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(c)) + "/audittrail");
        await ProblemAssert.IsProblemAsync(anderType, HttpStatusCode.Forbidden, "permission_denied");

        var (missing, _) = await app.Client().SendJsonAsync(HttpMethod.Get, $"/documenten/api/v1/enkelvoudiginformatieobjecten/{Guid.NewGuid()}/audittrail");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
        var (missingRecord, _) = await app.Client().SendJsonAsync(HttpMethod.Get, $"{path}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missingRecord, HttpStatusCode.NotFound, "not_found");
    }
}
