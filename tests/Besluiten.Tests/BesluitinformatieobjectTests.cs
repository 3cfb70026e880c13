using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Besluiten.Tests;

/// <summary>/besluitinformatieobjecten: every operation, rules brc-003/004/005/008, the Documenten source check, authorisation.</summary>
[Collection(BesluitenCollection.Name)]
public sealed class BesluitinformatieobjectTests(BesluitenApp app)
{
    private const string Path = "/besluiten/api/v1/besluitinformatieobjecten";

    [Fact]
    public async Task Brc005_Create_Is201_MirrorsOio_SourceCheckSawTheRow_AuditAndNotification()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var document = stub.Document(app.Iot);
        var (response, body) = await app.Client(BesluitenApp.Behandelaar).SendJsonAsync(HttpMethod.Post, Path,
            new { informatieobject = document, besluit });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = BesluitenApp.Url(body!.AsObject());
        Assert.Equal(url, response.Headers.Location!.ToString());
        Assert.Equal(document, body["informatieobject"]!.GetValue<string>());
        Assert.Equal(besluit, body["besluit"]!.GetValue<string>());

        var oio = Assert.Single(stub.Oios);
        Assert.Equal(besluit, oio["object"]!.GetValue<string>());
        Assert.Equal(document, oio["informatieobject"]!.GetValue<string>());
        Assert.Equal("besluit", oio["objectType"]!.GetValue<string>());
        Assert.Equal([true], stub.OioSourceChecks.ToArray());
        Assert.Equal("legt_vast", await app.QueryAsync<string>("SELECT aard_relatie FROM besluitinformatieobject WHERE oio = @oio",
            new { oio = oio["url"]!.GetValue<string>() }));

        var n = (await app.NotificationsAsync(besluit)).Last();
        Assert.Equal("besluitinformatieobject", n["resource"]!.GetValue<string>());
        Assert.Equal("create", n["actie"]!.GetValue<string>());
        Assert.Equal(url, n["resourceUrl"]!.GetValue<string>());
        var trail = JsonNode.Parse(await (await app.Client().GetAsync(BesluitenApp.PathOf(besluit) + "/audittrail")).Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("besluitinformatieobject", trail.Last()!["resource"]!.GetValue<string>());

        var read = await app.GetAsync(url, BesluitenApp.Lezer);
        Assert.Equal(body.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Brc003_InformatieobjectNotResolving_Is400BadUrl_NoMirror()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            new { informatieobject = $"{stub.DocumentenRoot}/enkelvoudiginformatieobjecten/{Guid.NewGuid()}", besluit });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobject", "bad-url");
        Assert.Empty(stub.OioCalls("POST"));
    }

    [Fact]
    public async Task Brc003_InformatieobjectNotADocument_Is400InvalidResource()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, new { informatieobject = stub.Zaak(app.Zaaktype), besluit });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobject", "invalid-resource");
    }

    [Fact]
    public async Task Brc004_SameBesluitAndInformatieobjectTwice_Is400Unique()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var document = stub.Document(app.Iot);
        await app.CreateBioAsync(besluit, document);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, new { informatieobject = document, besluit });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
        Assert.Single(stub.Oios);
    }

    [Fact]
    public async Task Brc008_InformatieobjecttypeNotOfBesluittype_Is400()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync(besluittype: app.Bt2));
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, new { informatieobject = stub.Document(app.Iot), besluit });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors",
            "missing-besluittype-informatieobjecttype-relation");
        Assert.Empty(stub.OioCalls("POST"));
    }

    [Fact]
    public async Task Create_BesluitNotOfThisApi_Is400BadUrl_UnknownBesluit_Is400DoesNotExist()
    {
        var stub = new BronnenStub(app);
        var document = stub.Document(app.Iot);
        var (r1, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, new { informatieobject = document, besluit = "https://elders.nl/besluiten/1" });
        await ProblemAssert.IsProblemAsync(r1, HttpStatusCode.BadRequest, "invalid", "besluit", "bad-url");
        var (r2, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            new { informatieobject = document, besluit = $"{BesluitenApp.ApiRoot}/besluiten/{Guid.NewGuid()}" });
        await ProblemAssert.IsProblemAsync(r2, HttpStatusCode.BadRequest, "invalid", "besluit", "does_not_exist");
        var (r3, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, new { besluit = "" });
        await ProblemAssert.IsProblemAsync(r3, HttpStatusCode.BadRequest, "invalid", "informatieobject", "required");
    }

    [Fact]
    public async Task Brc005_MirrorFails_Is400PendingRelations_RowRemoved_NoNotification()
    {
        var stub = new BronnenStub(app) { OioCreateFailure = 500 };
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var document = stub.Document(app.Iot);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, new { informatieobject = document, besluit });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobject", "pending-relations");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM besluitinformatieobject WHERE informatieobject = @document", new { document }));
        Assert.DoesNotContain(await app.NotificationsAsync(besluit), n => n["resource"]!.GetValue<string>() == "besluitinformatieobject");
        // and a retry after the sibling recovered works
        stub.OioCreateFailure = null;
        await app.CreateBioAsync(besluit, document);
    }

    [Fact]
    public async Task Brc005_SiblingRefusesWith400_Is400PendingRelations_NeverA500()
    {
        var stub = new BronnenStub(app) { OioCreateFailure = 400 };
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path, new { informatieobject = stub.Document(app.Iot), besluit });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobject", "pending-relations");
        Assert.Contains("inconsistent-relation", problem.ToString());
    }

    [Fact]
    public async Task Brc005_Delete_Is204_RemovesOio_AfterHidingTheRow_NotificationDestroy()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var bio = BesluitenApp.Url(await app.CreateBioAsync(besluit, stub.Document(app.Iot)));
        var response = await app.Client(BesluitenApp.Behandelaar).DeleteAsync(BesluitenApp.PathOf(bio));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(stub.Oios); // the stub refuses remote-relation-exists while the row is visible
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(BesluitenApp.PathOf(bio)), HttpStatusCode.NotFound, "not_found");
        var n = (await app.NotificationsAsync(besluit)).Last();
        Assert.Equal(("besluitinformatieobject", "destroy"), (n["resource"]!.GetValue<string>(), n["actie"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Brc005_DeleteMirrorFails_Is400PendingRelations_RowKept()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var bio = BesluitenApp.Url(await app.CreateBioAsync(besluit, stub.Document(app.Iot)));
        stub.OioDeleteFailure = 503;
        await ProblemAssert.IsProblemAsync(await app.Client().DeleteAsync(BesluitenApp.PathOf(bio)), HttpStatusCode.BadRequest, "invalid",
            "informatieobject", "pending-relations");
        Assert.Single(stub.Oios);
        await app.GetAsync(bio);
    }

    [Fact]
    public async Task List_IsUnpaginated_FiltersBesluitAndInformatieobject_AuthorisedOnBesluittype()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var document = stub.Document(app.Iot);
        var bio = BesluitenApp.Url(await app.CreateBioAsync(besluit, document));
        await app.CreateBioAsync(besluit, stub.Document(app.Iot));

        async Task<JsonArray> ListAsync(string query, string client = BesluitenApp.Beheerder) =>
            JsonNode.Parse(await (await app.Client(client).GetAsync(Path + query)).Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(2, (await ListAsync($"?besluit={Uri.EscapeDataString(besluit)}")).Count);
        var one = Assert.Single(await ListAsync($"?informatieobject={Uri.EscapeDataString(document)}"));
        Assert.Equal(bio, one!["url"]!.GetValue<string>());
        Assert.Empty(await ListAsync($"?besluit={Uri.EscapeDataString(besluit)}", BesluitenApp.Anders));
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(Path + "?zaak=x"), HttpStatusCode.BadRequest, "invalid", "nonFieldErrors",
            "unknown-parameters");
    }

    [Fact]
    public async Task A8_BesluitOfOtherBesluittype_Is403_AndNoScope_Is403_AndUnknown_Is404()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var bio = BesluitenApp.Url(await app.CreateBioAsync(besluit, stub.Document(app.Iot)));
        var anders = app.Client(BesluitenApp.Anders);
        await ProblemAssert.IsProblemAsync(await anders.GetAsync(BesluitenApp.PathOf(bio)), HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await anders.DeleteAsync(BesluitenApp.PathOf(bio)), HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync((await anders.SendJsonAsync(HttpMethod.Post, Path, new { informatieobject = stub.Document(app.Iot), besluit }))
            .Response, HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Client(BesluitenApp.Buitenstaander).GetAsync(Path), HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Client(BesluitenApp.Lezer).DeleteAsync(BesluitenApp.PathOf(bio)), HttpStatusCode.Forbidden,
            "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync($"{Path}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsProblemAsync(await app.Client().DeleteAsync($"{Path}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Expand_InformatieobjectAndBesluitWithBesluittype()
    {
        var stub = new BronnenStub(app);
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var document = stub.Document(app.Iot);
        var bio = BesluitenApp.Url(await app.CreateBioAsync(besluit, document));
        var read = await app.GetAsync(bio + "?expand=informatieobject,besluit.besluittype");
        Assert.Equal(document, read["_expand"]!["informatieobject"]!["url"]!.GetValue<string>());
        Assert.Equal(besluit, read["_expand"]!["besluit"]!["url"]!.GetValue<string>());
        Assert.Equal(app.Bt, read["_expand"]!["besluit"]!["_expand"]!["besluittype"]!["url"]!.GetValue<string>());
        var list = JsonNode.Parse(await (await app.Client().GetAsync(Path + $"?besluit={Uri.EscapeDataString(besluit)}&expand=besluit"))
            .Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(besluit, list[0]!["_expand"]!["besluit"]!["url"]!.GetValue<string>());
        // a client without documenten autorisatie does not get the document
        var lezer = await app.GetAsync(bio + "?expand=informatieobject", BesluitenApp.Lezer);
        Assert.Null(lezer["_expand"]!["informatieobject"]);
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(BesluitenApp.PathOf(bio) + "?expand=besluit.toelichting"), HttpStatusCode.NotFound,
            "not_found");
    }
}
