using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;
using static Zaken.Tests.SubresourceTestSupport;

namespace Zaken.Tests;

/// <summary>/zaakcontactmomenten: unpaginated list, create, read, delete (zgw-rules Z25; Z6 does not apply).</summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakcontactmomentTests(ZakenApp app)
{
    private const string Zaakcontactmomenten = ApiPath + "/zaakcontactmomenten";

    private static object Koppeling(JsonObject zaak, string contactmoment) => new { zaak = ZakenApp.Url(zaak), contactmoment };

    private static string Contactmoment() => $"https://contactmomenten.example.nl/api/v1/contactmomenten/{Guid.NewGuid()}";

    [Fact]
    public async Task Create_Answers201_NotificationAndAudit_ReadBack()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var contactmoment = Contactmoment();
        var created = await app.CreatedAsync("zaakcontactmomenten", Koppeling(zaak, contactmoment), ZakenApp.Behandelaar);
        var url = ZakenApp.Url(created);
        Assert.StartsWith(ZakenApp.ApiRoot + "/zaakcontactmomenten/", url);
        Assert.Equal(ZakenApp.Url(zaak), created.Text("zaak"));
        Assert.Equal(contactmoment, created.Text("contactmoment"));
        Assert.Equal(created["uuid"]!.GetValue<string>(), url.Split('/')[^1]);
        Assert.Equal(created.ToJsonString(), (await app.GetAsync(url)).ToJsonString());
        Assert.Equal(new[] { ("zaakcontactmoment", "create") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "create"));
    }

    [Fact]
    public async Task Contactmoment_IsAUrl_LinkedOncePerZaak()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (noUrl, _) = await app.SendAsync(HttpMethod.Post, Zaakcontactmomenten, Koppeling(zaak, "geen url"));
        await ProblemAssert.IsProblemAsync(noUrl, HttpStatusCode.BadRequest, "invalid", "contactmoment", "invalid");
        var (missing, _) = await app.SendAsync(HttpMethod.Post, Zaakcontactmomenten, new { zaak = ZakenApp.Url(zaak) });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "contactmoment", "required");

        var contactmoment = Contactmoment();
        await app.CreatedAsync("zaakcontactmomenten", Koppeling(zaak, contactmoment));
        var (duplicate, _) = await app.SendAsync(HttpMethod.Post, Zaakcontactmomenten, Koppeling(zaak, contactmoment));
        await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
        await app.CreatedAsync("zaakcontactmomenten", Koppeling(await app.CreateZaakAsync(app.A.Url), contactmoment));
    }

    [Fact]
    public async Task Z6_ClosedZaak_StillLinkable_ButArchivedZaakIsNot()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        await app.CloseAsync(zaak);
        var created = await app.CreatedAsync("zaakcontactmomenten", Koppeling(zaak, Contactmoment()), ZakenApp.Behandelaar);
        var (delete, _) = await app.SendAsync(HttpMethod.Delete, ZakenApp.Url(created), clientId: ZakenApp.Behandelaar);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        await app.ArchiveerAsync(zaak);
        var (archived, _) = await app.SendAsync(HttpMethod.Post, Zaakcontactmomenten, Koppeling(zaak, Contactmoment()));
        await ProblemAssert.IsProblemAsync(archived, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
    }

    [Fact]
    public async Task Scopes_OnlyBijwerken_And_A8()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (lezer, _) = await app.SendAsync(HttpMethod.Post, Zaakcontactmomenten, Koppeling(zaak, Contactmoment()), ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");
        var (aanmaker, _) = await app.SendAsync(HttpMethod.Post, Zaakcontactmomenten, Koppeling(zaak, Contactmoment()), ZakenApp.Aanmaker);
        await ProblemAssert.IsProblemAsync(aanmaker, HttpStatusCode.Forbidden, "permission_denied");
        var zaakC = await app.CreateZaakAsync(app.C.Url);
        var (notAuthorised, _) = await app.SendAsync(HttpMethod.Post, Zaakcontactmomenten, Koppeling(zaakC, Contactmoment()), ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(notAuthorised, HttpStatusCode.Forbidden, "permission_denied");

        var geheim = await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim");
        var verborgen = await app.CreatedAsync("zaakcontactmomenten", Koppeling(geheim, Contactmoment()));
        var (detail, _) = await app.SendAsync(HttpMethod.Get, ZakenApp.Url(verborgen), clientId: ZakenApp.Beperkt);
        await ProblemAssert.IsProblemAsync(detail, HttpStatusCode.Forbidden, "permission_denied");
        var (list, json) = await app.SendAsync(HttpMethod.Get, $"{Zaakcontactmomenten}?zaak={ZakenApp.Url(geheim)}", clientId: ZakenApp.Beperkt);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(json!.AsArray());
        var (delete, _) = await app.SendAsync(HttpMethod.Delete, ZakenApp.Url(verborgen), clientId: ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task List_IsABareArray_FilteredOnZaakAndContactmoment()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var contactmoment = Contactmoment();
        var eerste = await app.CreatedAsync("zaakcontactmomenten", Koppeling(zaak, contactmoment));
        var tweede = await app.CreatedAsync("zaakcontactmomenten", Koppeling(zaak, Contactmoment()));
        var elders = await app.CreatedAsync("zaakcontactmomenten", Koppeling(await app.CreateZaakAsync(app.A.Url), contactmoment));

        async Task<List<string>> Urls(string query)
        {
            var (response, json) = await app.SendAsync(HttpMethod.Get, $"{Zaakcontactmomenten}?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, json?.ToJsonString());
            return json!.AsArray().Select(r => r.Text("url")).ToList();
        }

        Assert.Equal(new[] { ZakenApp.Url(tweede), ZakenApp.Url(eerste) }, await Urls($"zaak={ZakenApp.Url(zaak)}"));
        Assert.Equal(new[] { ZakenApp.Url(elders), ZakenApp.Url(eerste) }, await Urls($"contactmoment={Uri.EscapeDataString(contactmoment)}"));
        Assert.Equal(new[] { ZakenApp.Url(eerste) }, await Urls($"zaak={ZakenApp.Url(zaak)}&contactmoment={Uri.EscapeDataString(contactmoment)}"));
        var (page, _) = await app.SendAsync(HttpMethod.Get, $"{Zaakcontactmomenten}?page=1");
        await ProblemAssert.IsProblemAsync(page, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Delete_Answers204_AuditWithoutNotification_ThenGone()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var created = await app.CreatedAsync("zaakcontactmomenten", Koppeling(zaak, Contactmoment()));
        var url = ZakenApp.Url(created);
        var (response, _) = await app.SendAsync(HttpMethod.Delete, url, clientId: ZakenApp.Behandelaar);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var (gone, _) = await app.SendAsync(HttpMethod.Get, url);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
        var (again, _) = await app.SendAsync(HttpMethod.Delete, url);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(new[] { ("zaakcontactmoment", "create") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "destroy"));
    }
}
