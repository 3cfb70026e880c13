using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;
using static Zaken.Tests.SubresourceTestSupport;

namespace Zaken.Tests;

/// <summary>/zaakverzoeken: unpaginated list, create, read, delete (zgw-rules Z25; Z6 does not apply).</summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakverzoekTests(ZakenApp app)
{
    private const string Zaakverzoeken = ApiPath + "/zaakverzoeken";

    private static object Koppeling(JsonObject zaak, string verzoek) => new { zaak = ZakenApp.Url(zaak), verzoek };

    private static string Verzoek() => $"https://verzoeken.example.nl/api/v1/verzoeken/{Guid.NewGuid()}";

    [Fact]
    public async Task Create_Read_List_Delete()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var verzoek = Verzoek();
        var created = await app.CreatedAsync("zaakverzoeken", Koppeling(zaak, verzoek), ZakenApp.Behandelaar);
        var url = ZakenApp.Url(created);
        Assert.StartsWith(ZakenApp.ApiRoot + "/zaakverzoeken/", url);
        Assert.Equal(verzoek, created.Text("verzoek"));
        Assert.Equal(ZakenApp.Url(zaak), created.Text("zaak"));
        Assert.Equal(created.ToJsonString(), (await app.GetAsync(url)).ToJsonString());

        var (list, json) = await app.SendAsync(HttpMethod.Get, $"{Zaakverzoeken}?verzoek={Uri.EscapeDataString(verzoek)}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(url, Assert.Single(json!.AsArray()).Text("url"));
        var (byZaak, zaakJson) = await app.SendAsync(HttpMethod.Get, $"{Zaakverzoeken}?zaak={ZakenApp.Url(zaak)}");
        Assert.Equal(HttpStatusCode.OK, byZaak.StatusCode);
        Assert.Single(zaakJson!.AsArray());

        var (delete, _) = await app.SendAsync(HttpMethod.Delete, url, clientId: ZakenApp.Behandelaar);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var (gone, _) = await app.SendAsync(HttpMethod.Get, url);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(new[] { ("zaakverzoek", "create") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "create"));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "destroy"));
    }

    [Fact]
    public async Task Rules_UrlUniqueScopesArchiefstatus_ClosedZaakAllowed()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (noUrl, _) = await app.SendAsync(HttpMethod.Post, Zaakverzoeken, Koppeling(zaak, "geen url"));
        await ProblemAssert.IsProblemAsync(noUrl, HttpStatusCode.BadRequest, "invalid", "verzoek", "invalid");
        var verzoek = Verzoek();
        await app.CreatedAsync("zaakverzoeken", Koppeling(zaak, verzoek));
        var (duplicate, _) = await app.SendAsync(HttpMethod.Post, Zaakverzoeken, Koppeling(zaak, verzoek));
        await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
        var (lezer, _) = await app.SendAsync(HttpMethod.Post, Zaakverzoeken, Koppeling(zaak, Verzoek()), ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");

        var geheim = await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim");
        var verborgen = await app.CreatedAsync("zaakverzoeken", Koppeling(geheim, Verzoek()));
        var (detail, _) = await app.SendAsync(HttpMethod.Get, ZakenApp.Url(verborgen), clientId: ZakenApp.Beperkt);
        await ProblemAssert.IsProblemAsync(detail, HttpStatusCode.Forbidden, "permission_denied");
        var (list, json) = await app.SendAsync(HttpMethod.Get, $"{Zaakverzoeken}?zaak={ZakenApp.Url(geheim)}", clientId: ZakenApp.Beperkt);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(json!.AsArray());

        await app.CloseAsync(zaak);
        await app.CreatedAsync("zaakverzoeken", Koppeling(zaak, Verzoek()), ZakenApp.Behandelaar);
        await app.ArchiveerAsync(zaak);
        var (archived, _) = await app.SendAsync(HttpMethod.Post, Zaakverzoeken, Koppeling(zaak, Verzoek()));
        await ProblemAssert.IsProblemAsync(archived, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
        var (missing, _) = await app.SendAsync(HttpMethod.Delete, $"{Zaakverzoeken}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
    }
}
