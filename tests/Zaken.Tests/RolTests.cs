using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;
using static Zaken.Tests.SubresourceTestSupport;

namespace Zaken.Tests;

/// <summary>/rollen: list with every filter, create, read, delete and the rol rules (zgw-rules Z26, zrc-019, zrc-007, A8).</summary>
[Collection(ZakenCollection.Name)]
public sealed class RolTests(ZakenApp app)
{
    private const string Rollen = ApiPath + "/rollen";

    private Dictionary<string, object?> Rol(JsonObject zaak, string roltype, string betrokkeneType = "natuurlijk_persoon", object? identificatie = null,
        string? betrokkene = null) => new()
    {
        ["zaak"] = ZakenApp.Url(zaak),
        ["betrokkene"] = betrokkene,
        ["betrokkeneType"] = betrokkeneType,
        ["roltype"] = roltype,
        ["roltoelichting"] = "Betrokken bij de melding",
        ["betrokkeneIdentificatie"] = identificatie,
    };

    private Dictionary<string, object?> Persoon(JsonObject zaak, string? bsn = null) =>
        Rol(zaak, app.A.RoltypeBehandelaar, identificatie: new { inpBsn = bsn ?? Digits(9), geslachtsnaam = "Jansen" });

    [Fact]
    public async Task Create_NatuurlijkPersoon_Answers201_OmschrijvingFromRoltype_FullShape_AuditAndNotification()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Rol(zaak, app.A.RoltypeInitiator, identificatie: Json("""
            {"inpBsn": "111222333", "geslachtsnaam": "Jansen", "voorletters": "J", "geslachtsaanduiding": "v", "onbekend": "weg",
             "verblijfsadres": {"aoaIdentificatie": "0363200000123456", "wplWoonplaatsNaam": "Amsterdam",
                                "gorOpenbareRuimteNaam": "Dam", "aoaHuisnummer": 1, "aoaPostcode": "1012JS"}}
            """));
        body["afwijkendeNaamBetrokkene"] = "Mevrouw Jansen";
        body["indicatieMachtiging"] = "machtiginggever";
        body["contactpersoonRol"] = new { naam = "P. de Vries", emailadres = "p.devries@example.nl" };

        var (response, json) = await app.SendAsync(HttpMethod.Post, Rollen, body, toelichting: "rol erbij");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rol = json!.AsObject();
        var url = ZakenApp.Url(rol);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.StartsWith(ZakenApp.ApiRoot + "/rollen/", url);
        Assert.Equal(ZakenApp.Url(zaak), rol.Text("zaak"));
        Assert.Equal("Melder", rol.Text("omschrijving"));
        Assert.Equal("initiator", rol.Text("omschrijvingGeneriek"));
        Assert.Equal("", rol.Text("betrokkene"));
        Assert.Equal("Mevrouw Jansen", rol.Text("afwijkendeNaamBetrokkene"));
        Assert.Equal("machtiginggever", rol.Text("indicatieMachtiging"));
        Assert.Equal("Betrokken bij de melding", rol.Text("roltoelichting"));
        Assert.True(DateTimeOffset.TryParse(rol.Text("registratiedatum"), out var registratie));
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - registratie).TotalMinutes) < 5);
        Assert.Empty(rol["statussen"]!.AsArray());
        Assert.Equal("P. de Vries", rol["contactpersoonRol"].Text("naam"));
        Assert.Equal("", rol["contactpersoonRol"].Text("functie"));
        var identificatie = rol["betrokkeneIdentificatie"]!.AsObject();
        Assert.Equal("111222333", identificatie.Text("inpBsn"));
        Assert.Equal("", identificatie.Text("anpIdentificatie"));
        Assert.False(identificatie.ContainsKey("onbekend"));
        Assert.Null(identificatie["subVerblijfBuitenland"]);
        Assert.Equal(1, identificatie["verblijfsadres"]!["aoaHuisnummer"]!.GetValue<int>());
        Assert.Equal("", identificatie["verblijfsadres"].Text("aoaHuisletter"));

        Assert.Equal(rol.ToJsonString(), (await app.GetAsync(url)).ToJsonString());
        Assert.Equal(new[] { ("rol", "create") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "create"));
        Assert.Equal("rol erbij", await app.QueryAsync<string>("SELECT toelichting FROM audittrail WHERE resource_url = @url", new { url }));
        var zaakNu = await app.GetAsync(ZakenApp.Url(zaak));
        Assert.Contains(url, zaakNu["rollen"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_WithBetrokkeneUrlOnly_HasNoIdentificatie()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var rol = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeBehandelaar, "medewerker", betrokkene: "https://medewerkers.example.nl/api/1"));
        Assert.Equal("https://medewerkers.example.nl/api/1", rol.Text("betrokkene"));
        Assert.Null(rol["betrokkeneIdentificatie"]);
        Assert.Null(rol["contactpersoonRol"]);
        Assert.Equal("", rol.Text("indicatieMachtiging"));
    }

    public static TheoryData<string, string> ValidShapes => new()
    {
        { "natuurlijk_persoon", """{"anpIdentificatie": "A1", "inpA_nummer": "1234567890", "subVerblijfBuitenland": {"lndLandcode": "6030", "lndLandnaam": "Nederland", "subAdresBuitenland_1": "Straat 1"}}""" },
        { "niet_natuurlijk_persoon", """{"innNnpId": "123456789", "statutaireNaam": "Stichting X", "innRechtsvorm": "stichting"}""" },
        { "vestiging", """{"vestigingsNummer": "000012345678", "handelsnaam": ["Bakkerij", "Banketbakker"], "kvkNummer": "12345678"}""" },
        { "organisatorische_eenheid", """{"identificatie": "OE-1", "naam": "Team Openbare Ruimte", "isGehuisvestIn": "Stadhuis"}""" },
        { "medewerker", """{"identificatie": "mw-1", "achternaam": "Bakker", "voorletters": "B", "voorvoegselAchternaam": "de"}""" },
    };

    [Theory]
    [MemberData(nameof(ValidShapes))]
    public async Task Z26_EveryBetrokkeneType_HasItsShape(string type, string identificatie)
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var sent = Json(identificatie);
        var rol = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeBehandelaar, type, sent));
        Assert.Equal(type, rol.Text("betrokkeneType"));
        AssertContains(sent, rol["betrokkeneIdentificatie"]!.AsObject());
    }

    public static TheoryData<string, string, string, string> InvalidShapes => new()
    {
        { "natuurlijk_persoon", """{"inpBsn": "1234567890"}""", "betrokkeneIdentificatie.inpBsn", "max_length" },
        { "natuurlijk_persoon", """{"inpA_nummer": "0123456789"}""", "betrokkeneIdentificatie.inpA_nummer", "invalid" },
        { "natuurlijk_persoon", """{"geslachtsaanduiding": "x"}""", "betrokkeneIdentificatie.geslachtsaanduiding", "invalid_choice" },
        { "natuurlijk_persoon", """{"geslachtsnaam": 12}""", "betrokkeneIdentificatie.geslachtsnaam", "invalid" },
        { "natuurlijk_persoon", """{"verblijfsadres": {"aoaIdentificatie": "1", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B"}}""", "betrokkeneIdentificatie.verblijfsadres.aoaHuisnummer", "required" },
        { "natuurlijk_persoon", """{"verblijfsadres": {"aoaIdentificatie": "1", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B", "aoaHuisnummer": 100000}}""", "betrokkeneIdentificatie.verblijfsadres.aoaHuisnummer", "max_value" },
        { "natuurlijk_persoon", """{"verblijfsadres": {"aoaIdentificatie": "", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B", "aoaHuisnummer": 1}}""", "betrokkeneIdentificatie.verblijfsadres.aoaIdentificatie", "blank" },
        { "natuurlijk_persoon", """{"subVerblijfBuitenland": {"lndLandcode": "6030"}}""", "betrokkeneIdentificatie.subVerblijfBuitenland.lndLandnaam", "required" },
        { "niet_natuurlijk_persoon", """{"innRechtsvorm": "bv"}""", "betrokkeneIdentificatie.innRechtsvorm", "invalid_choice" },
        { "niet_natuurlijk_persoon", """{"annIdentificatie": "123456789012345678"}""", "betrokkeneIdentificatie.annIdentificatie", "max_length" },
        { "vestiging", """{"handelsnaam": "Bakkerij"}""", "betrokkeneIdentificatie.handelsnaam", "not_a_list" },
        { "vestiging", """{"kvkNummer": "123456789"}""", "betrokkeneIdentificatie.kvkNummer", "max_length" },
        { "organisatorische_eenheid", """{"naam": "%51%"}""", "betrokkeneIdentificatie.naam", "max_length" },
        { "medewerker", """{"identificatie": "%25%"}""", "betrokkeneIdentificatie.identificatie", "max_length" },
        { "medewerker", """["mw-1"]""", "betrokkeneIdentificatie", "invalid" },
    };

    [Theory]
    [MemberData(nameof(InvalidShapes))]
    public async Task Z26_BetrokkeneIdentificatie_ValidatedAgainstTheShapeOfItsType(string type, string identificatie, string field, string code)
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        identificatie = identificatie.Replace("%51%", new string('n', 51)).Replace("%25%", new string('i', 25));
        var (response, _) = await app.SendAsync(HttpMethod.Post, Rollen, Rol(zaak, app.A.RoltypeBehandelaar, type, JsonNode.Parse(identificatie)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", field, code);
        Assert.Equal(0, await RollenVanAsync(zaak));
    }

    [Fact]
    public async Task Z26_NeitherBetrokkeneNorIdentificatie_Is400InvalidBetrokkene()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (response, _) = await app.SendAsync(HttpMethod.Post, Rollen, Rol(zaak, app.A.RoltypeBehandelaar));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-betrokkene");
        var (empty, _) = await app.SendAsync(HttpMethod.Post, Rollen, Rol(zaak, app.A.RoltypeBehandelaar, identificatie: new { }));
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-betrokkene");
    }

    [Fact]
    public async Task Create_FieldErrors_AllAtOnce()
    {
        var (response, _) = await app.SendAsync(HttpMethod.Post, Rollen, new { });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "required");
        var names = problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("betrokkeneType", names);
        Assert.Contains("roltype", names);
        Assert.Contains("roltoelichting", names);

        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Persoon(zaak);
        body["betrokkeneType"] = "persoon";
        var (type, _) = await app.SendAsync(HttpMethod.Post, Rollen, body);
        await ProblemAssert.IsProblemAsync(type, HttpStatusCode.BadRequest, "invalid", "betrokkeneType", "invalid_choice");

        body = Persoon(zaak);
        body["indicatieMachtiging"] = "volmacht";
        body["contactpersoonRol"] = new { emailadres = "geen-mail" };
        body["afwijkendeNaamBetrokkene"] = new string('a', 626);
        body["roltype"] = "geen url";
        var (more, _) = await app.SendAsync(HttpMethod.Post, Rollen, body);
        await ProblemAssert.IsProblemAsync(more, HttpStatusCode.BadRequest, "invalid", "indicatieMachtiging", "invalid_choice");
        await ProblemAssert.IsProblemAsync(more, HttpStatusCode.BadRequest, "invalid", "contactpersoonRol.naam", "required");
        await ProblemAssert.IsProblemAsync(more, HttpStatusCode.BadRequest, "invalid", "contactpersoonRol.emailadres", "invalid");
        await ProblemAssert.IsProblemAsync(more, HttpStatusCode.BadRequest, "invalid", "afwijkendeNaamBetrokkene", "max_length");
        await ProblemAssert.IsProblemAsync(more, HttpStatusCode.BadRequest, "invalid", "roltype", "invalid");
        Assert.Equal(0, await RollenVanAsync(zaak));
    }

    [Fact]
    public async Task Zaak_MustBeOneOfOurZaken()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Persoon(zaak);
        body["zaak"] = "https://elders.example.com/zaken/api/v1/zaken/" + Guid.NewGuid();
        var (foreign, _) = await app.SendAsync(HttpMethod.Post, Rollen, body);
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.BadRequest, "invalid", "zaak", "bad-url");

        body["zaak"] = $"{ZakenApp.ApiRoot}/zaken/{Guid.NewGuid()}";
        var (missing, _) = await app.SendAsync(HttpMethod.Post, Rollen, body);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "zaak", "does_not_exist");
    }

    [Fact]
    public async Task Zrc019_RoltypeOfAnotherZaaktype_Is400ZaaktypeMismatch()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Rol(zaak, app.B.RoltypeBehandelaar, identificatie: new { inpBsn = Digits(9) });
        var (response, _) = await app.SendAsync(HttpMethod.Post, Rollen, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaaktype-mismatch");
        Assert.Equal(0, await RollenVanAsync(zaak));
    }

    [Fact]
    public async Task Roltype_MustResolveToARoltype()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Persoon(zaak);
        body["roltype"] = $"{ZakenApp.PublicBase}/catalogi/api/v1/roltypen/{Guid.NewGuid()}";
        var (missing, _) = await app.SendAsync(HttpMethod.Post, Rollen, body);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "roltype", "bad-url");

        body["roltype"] = app.A.Statustypen[0];
        var (wrongKind, _) = await app.SendAsync(HttpMethod.Post, Rollen, body);
        await ProblemAssert.IsProblemAsync(wrongKind, HttpStatusCode.BadRequest, "invalid", "roltype", "invalid-resource");
    }

    [Fact]
    public async Task Z26_AtMostOneInitiatorAndOneZaakcoordinator_MaxOccurences()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeInitiator, identificatie: new { inpBsn = Digits(9) }));
        await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeZaakcoordinator, "medewerker", new { identificatie = "mw-1" }));
        await app.CreatedAsync("rollen", Persoon(zaak));
        await app.CreatedAsync("rollen", Persoon(zaak));

        var (initiator, _) = await app.SendAsync(HttpMethod.Post, Rollen, Rol(zaak, app.A.RoltypeInitiator, identificatie: new { inpBsn = Digits(9) }));
        await ProblemAssert.IsProblemAsync(initiator, HttpStatusCode.BadRequest, "invalid", "roltype", "max-occurences");
        var (coordinator, _) = await app.SendAsync(HttpMethod.Post, Rollen, Rol(zaak, app.A.RoltypeZaakcoordinator, "medewerker", new { identificatie = "mw-2" }));
        await ProblemAssert.IsProblemAsync(coordinator, HttpStatusCode.BadRequest, "invalid", "roltype", "max-occurences");
        Assert.Equal(4, await RollenVanAsync(zaak));
    }

    [Fact]
    public async Task Z26_MaxOccurences_HoldsForConcurrentCreates()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            app.SendAsync(HttpMethod.Post, Rollen, Rol(zaak, app.A.RoltypeInitiator, identificatie: new { inpBsn = Digits(9) }))));
        Assert.Single(responses, r => r.Response.StatusCode == HttpStatusCode.Created);
        Assert.Equal(5, responses.Count(r => r.Response.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(1, await RollenVanAsync(zaak));
    }

    [Fact]
    public async Task Scopes_CreateNeedsBijwerken_ReadNeedsLezen()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (lezer, _) = await app.SendAsync(HttpMethod.Post, Rollen, Persoon(zaak), ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");
        var (aanmaker, _) = await app.SendAsync(HttpMethod.Post, Rollen, Persoon(zaak), ZakenApp.Aanmaker);
        await ProblemAssert.IsProblemAsync(aanmaker, HttpStatusCode.Forbidden, "permission_denied");
        var (list, _) = await app.SendAsync(HttpMethod.Get, Rollen, clientId: ZakenApp.Buitenstaander);
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden, "permission_denied");
        var (anonymous, _) = await app.Anonymous().SendJsonAsync(HttpMethod.Get, Rollen);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);

        var rol = await app.CreatedAsync("rollen", Persoon(zaak), ZakenApp.Behandelaar);
        var (buitenstaander, _) = await app.SendAsync(HttpMethod.Get, ZakenApp.Url(rol), clientId: ZakenApp.Buitenstaander);
        await ProblemAssert.IsProblemAsync(buitenstaander, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task A8_ZaaktypeNotAuthorised_403OnCreateAndDetail_AbsentFromList()
    {
        var zaakC = await app.CreateZaakAsync(app.C.Url);
        var (create, _) = await app.SendAsync(HttpMethod.Post, Rollen,
            Rol(zaakC, app.C.RoltypeBehandelaar, identificatie: new { inpBsn = Digits(9) }), ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "permission_denied");

        var geheim = await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim");
        var rol = await app.CreatedAsync("rollen", Persoon(geheim));
        var (detail, _) = await app.SendAsync(HttpMethod.Get, ZakenApp.Url(rol), clientId: ZakenApp.Beperkt);
        await ProblemAssert.IsProblemAsync(detail, HttpStatusCode.Forbidden, "permission_denied");
        var (head, _) = await app.SendAsync(HttpMethod.Head, ZakenApp.Url(rol), clientId: ZakenApp.Beperkt);
        Assert.Equal(HttpStatusCode.Forbidden, head.StatusCode);

        var openbaar = await app.CreateZaakAsync(app.A.Url);
        var zichtbaar = await app.CreatedAsync("rollen", Persoon(openbaar));
        Assert.Equal(0, await CountAsync($"{Rollen}?zaak={ZakenApp.Url(geheim)}", ZakenApp.Beperkt));
        var (list, json) = await app.SendAsync(HttpMethod.Get, $"{Rollen}?zaak={ZakenApp.Url(openbaar)}", clientId: ZakenApp.Beperkt);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(ZakenApp.Url(zichtbaar), json!["results"]![0].Text("url"));
        var (all, page) = await app.SendAsync(HttpMethod.Get, Rollen, clientId: ZakenApp.Beperkt);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.DoesNotContain(ZakenApp.Url(rol), page!["results"]!.AsArray().Select(r => r.Text("url")));
    }

    [Fact]
    public async Task Zrc007_ClosedZaak_OnlyWithGeforceerdBijwerken()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var rol = await app.CreatedAsync("rollen", Persoon(zaak));
        await app.CloseAsync(zaak);

        var (create, _) = await app.SendAsync(HttpMethod.Post, Rollen, Persoon(zaak), ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "permission_denied");
        var (delete, _) = await app.SendAsync(HttpMethod.Delete, ZakenApp.Url(rol), clientId: ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Forbidden, "permission_denied");

        await app.CreatedAsync("rollen", Persoon(zaak), ZakenApp.Forceerder);
        var (forced, _) = await app.SendAsync(HttpMethod.Delete, ZakenApp.Url(rol), clientId: ZakenApp.Forceerder);
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
    }

    [Fact]
    public async Task ArchiefstatusNotNogTeArchiveren_Is400()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var rol = await app.CreatedAsync("rollen", Persoon(zaak));
        await app.ArchiveerAsync(zaak);
        var (create, _) = await app.SendAsync(HttpMethod.Post, Rollen, Persoon(zaak));
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
        var (delete, _) = await app.SendAsync(HttpMethod.Delete, ZakenApp.Url(rol));
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
    }

    [Fact]
    public async Task Read_HeadWithETag_And404()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var rol = await app.CreatedAsync("rollen", Persoon(zaak));
        var client = app.Client();
        var get = await client.GetAsync(ZakenApp.PathOf(ZakenApp.Url(rol)));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var etag = get.Headers.ETag!.Tag;
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, ZakenApp.PathOf(ZakenApp.Url(rol))));
        Assert.Equal(etag, head.Headers.ETag!.Tag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, ZakenApp.PathOf(ZakenApp.Url(rol)));
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        var (missing, _) = await app.SendAsync(HttpMethod.Get, $"{Rollen}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
        // Z26: a rol cannot be changed (no PUT/PATCH in 1.5.1)
        var (patch, _) = await app.SendAsync(HttpMethod.Patch, ZakenApp.Url(rol), new { roltoelichting = "anders" });
        Assert.Equal(HttpStatusCode.MethodNotAllowed, patch.StatusCode);
        var (put, _) = await app.SendAsync(HttpMethod.Put, ZakenApp.Url(rol), Persoon(zaak));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        var (unknownParameter, _) = await app.SendAsync(HttpMethod.Get, ZakenApp.Url(rol) + "?foo=1");
        await ProblemAssert.IsProblemAsync(unknownParameter, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Delete_Answers204_AuditAndNotification_ThenGone()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var rol = await app.CreatedAsync("rollen", Persoon(zaak));
        var url = ZakenApp.Url(rol);

        var (lezer, _) = await app.SendAsync(HttpMethod.Delete, url, clientId: ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");

        var (response, _) = await app.SendAsync(HttpMethod.Delete, url, clientId: ZakenApp.Behandelaar);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var (gone, _) = await app.SendAsync(HttpMethod.Get, url);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
        var (again, _) = await app.SendAsync(HttpMethod.Delete, url);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(new[] { ("rol", "create"), ("rol", "destroy") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "destroy"));
        Assert.NotNull(await app.QueryAsync<string>(
            "SELECT oud::text FROM audittrail WHERE resource_url = @url AND actie = 'destroy' AND nieuw IS NULL", new { url }));
    }

    [Fact]
    public async Task Statussen_AreTheStatussenThisRolSet()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var rol = await app.CreatedAsync("rollen", Persoon(zaak));
        await app.CreatedAsync("rollen", Persoon(zaak));
        var status = await app.CreatedAsync("statussen", new
        {
            zaak = ZakenApp.Url(zaak), statustype = app.A.Statustypen[0], datumStatusGezet = "2024-03-02T10:00:00Z", gezetdoor = ZakenApp.Url(rol),
        });
        var read = await app.GetAsync(ZakenApp.Url(rol));
        Assert.Equal(new[] { ZakenApp.Url(status) }, read["statussen"]!.AsArray().Select(s => s!.GetValue<string>()));
        var (list, json) = await app.SendAsync(HttpMethod.Get, $"{Rollen}?zaak={ZakenApp.Url(zaak)}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(new[] { 0, 1 }, json!["results"]!.AsArray().Select(r => r!["statussen"]!.AsArray().Count).Order());
    }

    [Fact]
    public async Task Filters_EachReturnsExactlyTheMatchingRol()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var andere = await app.CreateZaakAsync(app.A.Url);
        string bsn = Digits(9), anp = Unique("anp"), aNummer = "9" + Digits(9), nnp = Digits(9), ann = Unique("ann"), vestiging = Unique("vs"),
            gedeeld = Unique("id"), betrokkene = $"https://personen.example.nl/{Unique()}";
        var persoon = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeInitiator, identificatie: new { inpBsn = bsn }));
        var anderPersoon = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeBehandelaar, identificatie: new { anpIdentificatie = anp }));
        var aPersoon = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeBehandelaar, identificatie: new { inpA_nummer = aNummer }));
        var nietNatuurlijk = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeBehandelaar, "niet_natuurlijk_persoon", new { innNnpId = nnp }));
        var anderNietNatuurlijk = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeBehandelaar, "niet_natuurlijk_persoon", new { annIdentificatie = ann }));
        var vestigingRol = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeBehandelaar, "vestiging", new { vestigingsNummer = vestiging }));
        var eenheid = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeBehandelaar, "organisatorische_eenheid", new { identificatie = gedeeld }));
        var medewerker = await app.CreatedAsync("rollen", Rol(zaak, app.A.RoltypeZaakcoordinator, "medewerker", new { identificatie = gedeeld }));
        var metUrl = await app.CreatedAsync("rollen", Rol(andere, app.A.RoltypeBehandelaar, "natuurlijk_persoon", betrokkene: betrokkene));
        // A person in another zaak whose identificatie value equals the medewerker's: type-scoped filters must not mix them up.
        await app.CreatedAsync("rollen", Rol(andere, app.A.RoltypeBehandelaar, identificatie: new { anpIdentificatie = gedeeld }));

        async Task Only(string query, JsonObject expected)
        {
            var (response, json) = await app.SendAsync(HttpMethod.Get, $"{Rollen}?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {json?.ToJsonString()}");
            Assert.Equal(1, json!["count"]!.GetValue<int>());
            Assert.Equal(ZakenApp.Url(expected), json["results"]![0].Text("url"));
        }

        await Only($"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn={bsn}", persoon);
        await Only($"betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie={anp}", anderPersoon);
        await Only($"betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer={aNummer}", aPersoon);
        await Only($"betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId={nnp}", nietNatuurlijk);
        await Only($"betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie={ann}", anderNietNatuurlijk);
        await Only($"betrokkeneIdentificatie__vestiging__vestigingsNummer={vestiging}", vestigingRol);
        await Only($"betrokkeneIdentificatie__organisatorischeEenheid__identificatie={gedeeld}", eenheid);
        await Only($"betrokkeneIdentificatie__medewerker__identificatie={gedeeld}", medewerker);
        await Only($"betrokkene={Uri.EscapeDataString(betrokkene)}", metUrl);
        await Only($"zaak={ZakenApp.Url(zaak)}&roltype={app.A.RoltypeInitiator}", persoon);
        await Only($"zaak={ZakenApp.Url(zaak)}&omschrijving=Coordinator", medewerker);
        await Only($"zaak={ZakenApp.Url(zaak)}&omschrijvingGeneriek=initiator", persoon);
        await Only($"zaak={ZakenApp.Url(zaak)}&betrokkeneType=vestiging", vestigingRol);
        await Only($"zaak={ZakenApp.Url(andere)}&betrokkeneType=natuurlijk_persoon&betrokkene={Uri.EscapeDataString(betrokkene)}", metUrl);
        Assert.Equal(8, await CountAsync($"{Rollen}?zaak={ZakenApp.Url(zaak)}"));
        Assert.Equal(0, await CountAsync($"{Rollen}?zaak=https://elders.example.com/zaken/{Guid.NewGuid()}"));

        var (unknown, _) = await app.SendAsync(HttpMethod.Get, $"{Rollen}?betrokkeneIdentificatie__natuurlijkPersoon__bsn=1");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        var (badChoice, _) = await app.SendAsync(HttpMethod.Get, $"{Rollen}?betrokkeneType=persoon");
        await ProblemAssert.IsProblemAsync(badChoice, HttpStatusCode.BadRequest, "invalid", "betrokkeneType", "invalid");
        var (badUrl, _) = await app.SendAsync(HttpMethod.Get, $"{Rollen}?zaak=geen-url");
        await ProblemAssert.IsProblemAsync(badUrl, HttpStatusCode.BadRequest, "invalid", "zaak", "invalid");
        var (pastLast, _) = await app.SendAsync(HttpMethod.Get, $"{Rollen}?zaak={ZakenApp.Url(zaak)}&page=2");
        await ProblemAssert.IsProblemAsync(pastLast, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task RolIdentificatieFilters_UseTheExpressionIndexes()
    {
        // The WHERE fragments exactly as RolRepository.ListFilters writes them.
        Assert.Contains("rol_oeh_identificatie", await PlanAsync(
            "(r.betrokkene_type = 'medewerker' AND (r.betrokkene_identificatie ->> 'identificatie') = 'x')"));
        Assert.Contains("rol_oeh_identificatie", await PlanAsync(
            "(r.betrokkene_type = 'organisatorische_eenheid' AND (r.betrokkene_identificatie ->> 'identificatie') = 'x')"));
        Assert.Contains("rol_inp_bsn", await PlanAsync("(r.betrokkene_type = 'natuurlijk_persoon' AND (r.betrokkene_identificatie ->> 'inpBsn') = 'x')"));
        Assert.Contains("rol_vestigings_nummer", await PlanAsync(
            "(r.betrokkene_type = 'vestiging' AND (r.betrokkene_identificatie ->> 'vestigingsNummer') = 'x')"));
    }

    [Fact]
    public async Task ExpandRollen_OnTheZaak_RendersTheRol()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var rol = await app.CreatedAsync("rollen", Persoon(zaak));
        var (response, json) = await app.Zaken().SendJsonAsync(HttpMethod.Get, ZakenApp.PathOf(ZakenApp.Url(zaak)) + "?expand=rollen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expanded = Assert.Single(json!["_expand"]!["rollen"]!.AsArray());
        Assert.Equal(ZakenApp.Url(rol), expanded.Text("url"));
        Assert.Equal(rol.Text("omschrijving"), expanded.Text("omschrijving"));
    }

    private Task<string?> PlanAsync(string condition) =>
        app.QueryAsync<string>($"""
            BEGIN;
            SET LOCAL enable_seqscan = off;
            EXPLAIN (FORMAT JSON) SELECT r.id FROM rol r WHERE {condition};
            COMMIT;
            """);

    private Task<long> RollenVanAsync(JsonObject zaak) =>
        app.QueryAsync<long>("SELECT count(*) FROM rol r JOIN zaak z ON z.id = r.zaak_id WHERE z.uuid = @uuid",
            new { uuid = Guid.Parse(zaak.Text("uuid")) });

    private async Task<int> CountAsync(string path, string clientId = ZakenApp.Beheerder)
    {
        var (response, json) = await app.SendAsync(HttpMethod.Get, path, clientId: clientId);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json?.ToJsonString());
        return json!["count"]!.GetValue<int>();
    }
}
