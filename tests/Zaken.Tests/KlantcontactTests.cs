using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;
using static Zaken.Tests.SubresourceTestSupport;

namespace Zaken.Tests;

/// <summary>/klantcontacten (deprecated): list, create, read and the klantcontact rules.</summary>
[Collection(ZakenCollection.Name)]
public sealed class KlantcontactTests(ZakenApp app)
{
    private const string Klantcontacten = ApiPath + "/klantcontacten";

    private static Dictionary<string, object?> Klantcontact(JsonObject zaak, string? identificatie = null) => new()
    {
        ["zaak"] = ZakenApp.Url(zaak),
        ["identificatie"] = identificatie,
        ["datumtijd"] = "2024-03-01T10:15:00+01:00",
        ["kanaal"] = "telefoon",
        ["onderwerp"] = "Vraag over de melding",
        ["toelichting"] = "Burger belde over de stoeptegel",
    };

    [Fact]
    public async Task Create_Answers201_IdentificatieGenerated_AuditAndNotification()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (response, json) = await app.SendAsync(HttpMethod.Post, Klantcontacten, Klantcontact(zaak), ZakenApp.Behandelaar);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var klantcontact = json!.AsObject();
        var url = ZakenApp.Url(klantcontact);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.Matches("^[A-Za-z0-9]{12}$", klantcontact.Text("identificatie"));
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T09:15:00Z"), DateTimeOffset.Parse(klantcontact.Text("datumtijd")));
        Assert.Equal("telefoon", klantcontact.Text("kanaal"));
        Assert.Equal("Vraag over de melding", klantcontact.Text("onderwerp"));
        Assert.Equal("Burger belde over de stoeptegel", klantcontact.Text("toelichting"));
        Assert.Equal(ZakenApp.Url(zaak), klantcontact.Text("zaak"));

        Assert.Equal(klantcontact.ToJsonString(), (await app.GetAsync(url)).ToJsonString());
        Assert.Equal(new[] { ("klantcontact", "create") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "create"));
    }

    [Fact]
    public async Task Identificatie_GivenIsKept_AndUnique()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var identificatie = Unique("KC-");
        var created = await app.CreatedAsync("klantcontacten", Klantcontact(zaak, identificatie));
        Assert.Equal(identificatie, created.Text("identificatie"));
        var (duplicate, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, Klantcontact(zaak, identificatie));
        await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.BadRequest, "invalid", "identificatie", "unique");
        var (tooLong, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, Klantcontact(zaak, new string('k', 15)));
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest, "invalid", "identificatie", "max_length");
    }

    [Fact]
    public async Task DateInFuture_DatumtijdMayNotBeInTheFuture()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Klantcontact(zaak);
        body["datumtijd"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        var (response, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "datumtijd", "date-in-future");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM klantcontact k JOIN zaak z ON z.id = k.zaak_id WHERE z.uuid = @uuid",
            new { uuid = Guid.Parse(zaak.Text("uuid")) }));
    }

    [Fact]
    public async Task FieldErrors_RequiredAndLengths()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Klantcontact(zaak);
        body.Remove("datumtijd");
        body["kanaal"] = new string('k', 21);
        body["onderwerp"] = new string('o', 201);
        body["toelichting"] = new string('t', 1001);
        var (response, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "datumtijd", "required");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "kanaal", "max_length");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "onderwerp", "max_length");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "toelichting", "max_length");

        var (badDate, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, new { zaak = ZakenApp.Url(zaak), datumtijd = "gisteren" });
        await ProblemAssert.IsProblemAsync(badDate, HttpStatusCode.BadRequest, "invalid", "datumtijd", "invalid");
        var (noZaak, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, new { datumtijd = "2024-03-01T10:00:00Z" });
        await ProblemAssert.IsProblemAsync(noZaak, HttpStatusCode.BadRequest, "invalid", "zaak", "required");
        var (missingZaak, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten,
            new { zaak = $"{ZakenApp.ApiRoot}/zaken/{Guid.NewGuid()}", datumtijd = "2024-03-01T10:00:00Z" });
        await ProblemAssert.IsProblemAsync(missingZaak, HttpStatusCode.BadRequest, "invalid", "zaak", "does_not_exist");
    }

    [Fact]
    public async Task Scopes_And_A8_And_Zrc007()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (lezer, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, Klantcontact(zaak), ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");
        var zaakC = await app.CreateZaakAsync(app.C.Url);
        var (notAuthorised, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, Klantcontact(zaakC), ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(notAuthorised, HttpStatusCode.Forbidden, "permission_denied");

        var geheim = await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim");
        var verborgen = await app.CreatedAsync("klantcontacten", Klantcontact(geheim));
        var (detail, _) = await app.SendAsync(HttpMethod.Get, ZakenApp.Url(verborgen), clientId: ZakenApp.Beperkt);
        await ProblemAssert.IsProblemAsync(detail, HttpStatusCode.Forbidden, "permission_denied");
        var (list, json) = await app.SendAsync(HttpMethod.Get, $"{Klantcontacten}?zaak={ZakenApp.Url(geheim)}", clientId: ZakenApp.Beperkt);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, json!["count"]!.GetValue<int>());

        await app.CloseAsync(zaak);
        var (closed, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, Klantcontact(zaak), ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(closed, HttpStatusCode.Forbidden, "permission_denied");
        await app.CreatedAsync("klantcontacten", Klantcontact(zaak), ZakenApp.Forceerder);
        await app.ArchiveerAsync(zaak);
        var (archived, _) = await app.SendAsync(HttpMethod.Post, Klantcontacten, Klantcontact(zaak), ZakenApp.Forceerder);
        await ProblemAssert.IsProblemAsync(archived, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
    }

    [Fact]
    public async Task List_FilteredOnZaak_Paginated_And404()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var eerste = await app.CreatedAsync("klantcontacten", Klantcontact(zaak));
        var tweede = await app.CreatedAsync("klantcontacten", Klantcontact(zaak));
        await app.CreatedAsync("klantcontacten", Klantcontact(await app.CreateZaakAsync(app.A.Url)));

        var (response, json) = await app.SendAsync(HttpMethod.Get, $"{Klantcontacten}?zaak={ZakenApp.Url(zaak)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, json!["count"]!.GetValue<int>());
        Assert.Null(json["previous"]);
        Assert.Equal(new[] { ZakenApp.Url(tweede), ZakenApp.Url(eerste) }, json["results"]!.AsArray().Select(r => r.Text("url")));

        var (unknown, _) = await app.SendAsync(HttpMethod.Get, $"{Klantcontacten}?kanaal=telefoon");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        var (missing, _) = await app.SendAsync(HttpMethod.Get, $"{Klantcontacten}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
        var (buitenstaander, _) = await app.SendAsync(HttpMethod.Get, Klantcontacten, clientId: ZakenApp.Buitenstaander);
        await ProblemAssert.IsProblemAsync(buitenstaander, HttpStatusCode.Forbidden, "permission_denied");
    }
}
