using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Besluiten.Tests;

/// <summary>/besluiten/{uuid}/audittrail (G8): list + detail, scope audittrails.lezen per besluittype, 404.</summary>
[Collection(BesluitenCollection.Name)]
public sealed class AudittrailTests(BesluitenApp app)
{
    [Fact]
    public async Task List_And_Detail_Are200_WithEveryWriteOfBesluitAndBio()
    {
        var stub = new BronnenStub(app);
        var url = BesluitenApp.Url(await app.CreateBesluitAsync());
        await app.Client().SendJsonAsync(HttpMethod.Patch, BesluitenApp.PathOf(url), new { toelichting = "Gewijzigd" });
        await app.CreateBioAsync(url, stub.Document(app.Iot));
        var response = await app.Client(BesluitenApp.Behandelaar).GetAsync(BesluitenApp.PathOf(url) + "/audittrail");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["create", "partial_update", "create"], trail.Select(t => t!["actie"]!.GetValue<string>()).ToArray());
        Assert.Equal(["besluit", "besluit", "besluitinformatieobject"], trail.Select(t => t!["resource"]!.GetValue<string>()).ToArray());
        Assert.All(trail, t => Assert.Equal(url, t!["hoofdObject"]!.GetValue<string>()));
        Assert.Equal(BesluitenApp.Beheerder, trail[0]!["applicatieId"]!.GetValue<string>());

        var uuid = trail[1]!["uuid"]!.GetValue<string>();
        var detail = await app.GetAsync(url + "/audittrail/" + uuid, BesluitenApp.Behandelaar);
        Assert.Equal("Gewijzigd", detail["wijzigingen"]!["nieuw"]!["toelichting"]!.GetValue<string>());
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(BesluitenApp.PathOf(url) + "/audittrail/" + Guid.NewGuid()),
            HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task WithoutAudittrailsLezen_Is403_UnknownBesluit_Is404()
    {
        new BronnenStub(app);
        var url = BesluitenApp.Url(await app.CreateBesluitAsync());
        await ProblemAssert.IsProblemAsync(await app.Client(BesluitenApp.Lezer).GetAsync(BesluitenApp.PathOf(url) + "/audittrail"),
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync($"/besluiten/api/v1/besluiten/{Guid.NewGuid()}/audittrail"),
            HttpStatusCode.NotFound, "not_found");
    }
}
