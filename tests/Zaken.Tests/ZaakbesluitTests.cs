using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>/zaken/{zaak_uuid}/besluiten: the reverse index the Besluiten API writes (brc-006).</summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakbesluitTests(ZakenApp app)
{
    private readonly DocumentenStub _stub = new(app);

    private static string Path(string zaakUrl) => ZakenApp.PathOf(zaakUrl) + "/besluiten";

    private async Task<string> ZaakAsync(ZaaktypeSet? type = null) => ZakenApp.Url(await app.CreateZaakAsync((type ?? app.A).Url));

    private Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(string zaakUrl, object body, string client = ZakenApp.Beheerder) =>
        app.Client(client).SendJsonAsync(HttpMethod.Post, Path(zaakUrl), body);

    [Fact]
    public async Task CreateListReadDelete_AnnouncesOnlyTheCreate()
    {
        var zaakUrl = await ZaakAsync();
        var besluit = _stub.Besluit(zaakUrl);

        var (response, body) = await PostAsync(zaakUrl, new { besluit }, ZakenApp.Behandelaar);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var zb = body!.AsObject();
        var url = ZakenApp.Url(zb);
        Assert.Equal($"{zaakUrl}/besluiten/{zb["uuid"]!.GetValue<string>()}", url);
        Assert.Equal(besluit, zb["besluit"]!.GetValue<string>());
        Assert.Equal(url, response.Headers.Location?.ToString());

        var list = JsonNode.Parse(await app.Client(ZakenApp.Lezer).GetStringAsync(Path(zaakUrl)))!.AsArray();
        Assert.Equal(url, ZakenApp.Url(Assert.Single(list)!.AsObject()));
        Assert.Equal(zb.ToJsonString(), (await app.GetAsync(url, ZakenApp.Lezer)).ToJsonString());

        var (delete, _) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Delete, ZakenApp.PathOf(url));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(JsonNode.Parse(await app.Client().GetStringAsync(Path(zaakUrl)))!.AsArray());

        var notifications = (await app.NotificationsAsync(zaakUrl)).Where(n => n["resource"]!.GetValue<string>() == "zaakbesluit").ToList();
        var created = Assert.Single(notifications);
        Assert.Equal("create", created["actie"]!.GetValue<string>());
        Assert.Equal(url, created["resourceUrl"]!.GetValue<string>());
        Assert.Equal(2, await app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE resource_url = @url", new { url }));
    }

    [Fact]
    public async Task SameBesluitTwice_Is400Unique()
    {
        var zaakUrl = await ZaakAsync();
        var besluit = _stub.Besluit(zaakUrl);
        var (first, _) = await PostAsync(zaakUrl, new { besluit });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var (second, _) = await PostAsync(zaakUrl, new { besluit });

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
    }

    [Fact]
    public async Task BesluitThatDoesNotResolve_Is400()
    {
        var zaakUrl = await ZaakAsync();
        var (missing, _) = await PostAsync(zaakUrl, new { besluit = $"{_stub.BesluitenRoot}/besluiten/{Guid.NewGuid()}" });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "besluit", "bad-url");
        var (notABesluit, _) = await PostAsync(zaakUrl, new { besluit = _stub.Besluit(zaakUrl, withBesluittype: false) });
        await ProblemAssert.IsProblemAsync(notABesluit, HttpStatusCode.BadRequest, "invalid", "besluit", "invalid-resource");
        var (required, _) = await PostAsync(zaakUrl, new { });
        await ProblemAssert.IsProblemAsync(required, HttpStatusCode.BadRequest, "invalid", "besluit", "required");
        Assert.Empty(JsonNode.Parse(await app.Client().GetStringAsync(Path(zaakUrl)))!.AsArray());
    }

    [Fact]
    public async Task Authorisation_Are403_AndUnknownZaak_Is404()
    {
        var zaakA = await ZaakAsync();
        var zaakC = await ZaakAsync(app.C);

        var (aanmaker, _) = await PostAsync(zaakA, new { besluit = _stub.Besluit(zaakA) }, ZakenApp.Aanmaker);
        await ProblemAssert.IsProblemAsync(aanmaker, HttpStatusCode.Forbidden, "permission_denied");
        var (otherType, _) = await PostAsync(zaakC, new { besluit = _stub.Besluit(zaakC) }, ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(otherType, HttpStatusCode.Forbidden, "permission_denied");
        var read = await app.Client(ZakenApp.Behandelaar).GetAsync(Path(zaakC));
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Forbidden, "permission_denied");

        var unknown = await app.Client().GetAsync(Path($"{ZakenApp.ApiRoot}/zaken/{Guid.NewGuid()}"));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        var (delete, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, $"{Path(zaakA)}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, "not_found");
    }
}
