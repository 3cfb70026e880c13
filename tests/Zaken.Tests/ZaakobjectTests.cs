using System.Net;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Zgw.Testing;
using static Zaken.Tests.SubresourceTestSupport;

namespace Zaken.Tests;

/// <summary>/zaakobjecten: list, create, read, update, partial update, delete and the zaakobject rules (zgw-rules Z27, zrc-007, A8).</summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakobjectTests(ZakenApp app)
{
    private const string Zaakobjecten = ApiPath + "/zaakobjecten";

    private static Dictionary<string, object?> Zaakobject(JsonObject zaak, string objectType, object? identificatie = null, string? @object = null) => new()
    {
        ["zaak"] = ZakenApp.Url(zaak),
        ["object"] = @object,
        ["objectType"] = objectType,
        ["relatieomschrijving"] = "Locatie van de melding",
        ["objectIdentificatie"] = identificatie,
    };

    private static object Adres(int huisnummer = 1) => new
    {
        identificatie = "0363200000123456", wplWoonplaatsNaam = "Amsterdam", gorOpenbareRuimteNaam = "Dam", huisnummer,
    };

    /// <summary>An object in another API (stubbed on the allow-listed WireMock host), for <c>object</c> URLs that must resolve.</summary>
    private string StubObject()
    {
        var path = $"/objecten/api/v2/objects/{Guid.NewGuid()}";
        app.Documenten.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"type": "boom"}"""));
        return app.Documenten.Url + path;
    }

    [Fact]
    public async Task Create_Adres_Answers201_FullShape_AuditAndNotification()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (response, json) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaak, "adres", Adres(12)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var zaakobject = json!.AsObject();
        var url = ZakenApp.Url(zaakobject);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.Equal(ZakenApp.Url(zaak), zaakobject.Text("zaak"));
        Assert.Equal("adres", zaakobject.Text("objectType"));
        Assert.Equal("", zaakobject.Text("object"));
        Assert.Equal("", zaakobject.Text("zaakobjecttype"));
        Assert.Equal("", zaakobject.Text("objectTypeOverige"));
        Assert.Null(zaakobject["objectTypeOverigeDefinitie"]);
        Assert.Equal("Locatie van de melding", zaakobject.Text("relatieomschrijving"));
        Assert.Equal(12, zaakobject["objectIdentificatie"]!["huisnummer"]!.GetValue<int>());
        Assert.Equal("", zaakobject["objectIdentificatie"].Text("postcode"));

        Assert.Equal(zaakobject.ToJsonString(), (await app.GetAsync(url)).ToJsonString());
        Assert.Equal(new[] { ("zaakobject", "create") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "create"));
    }

    public static TheoryData<string, string> ValidObjects => new()
    {
        { "buurt", """{"buurtCode": "01", "buurtNaam": "Centrum", "gemGemeenteCode": "0363", "wykWijkCode": "02"}""" },
        { "pand", """{"identificatie": "0363100012345678"}""" },
        { "huishouden", """{"nummer": "H1", "isGehuisvestIn": {"identificatie": "T1", "adresAanduidingGrp": {"oaoIdentificatie": "A", "wplWoonplaatsNaam": "W", "gorOpenbareRuimteNaam": "G", "aoaHuisnummer": 3}}}""" },
        { "woz_object", """{"wozObjectNummer": "123", "aanduidingWozObject": {"aoaIdentificatie": "A", "wplWoonplaatsNaam": "W", "gorOpenbareRuimteNaam": "G", "aoaHuisnummer": 5, "locatieOmschrijving": "hoek"}}""" },
        { "woz_waarde", """{"waardepeildatum": "20240101", "isVoor": {"wozObjectNummer": "123"}}""" },
        { "zakelijk_recht", """{"identificatie": "Z1", "avgAard": "eigendom", "heeftBetrekkingOp": {"kadastraleIdentificatie": "K1", "kadastraleAanduiding": "ASD01 A 1"}, "heeftAlsGerechtigde": {"natuurlijkPersoon": {"inpBsn": "111222333"}}}""" },
        { "kunstwerkdeel", """{"type": "sluis", "identificatie": "KW1", "naam": "Oranjesluizen"}""" },
        { "waterdeel", """{"typeWaterdeel": "waterloop", "identificatie": "W1"}""" },
        { "natuurlijk_persoon", """{"inpBsn": "111222333", "geslachtsnaam": "Jansen"}""" },
        { "vestiging", """{"vestigingsNummer": "000012345678", "handelsnaam": ["Bakkerij"]}""" },
        { "overige", """{"overigeData": {"boom": {"soort": "eik", "hoogte": 12}}}""" },
    };

    [Theory]
    [MemberData(nameof(ValidObjects))]
    public async Task Z27_ObjectIdentificatie_HasTheShapeOfItsObjectType(string objectType, string identificatie)
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Zaakobject(zaak, objectType, Json(identificatie));
        if (objectType == "overige")
            body["objectTypeOverige"] = "boom";
        var zaakobject = await app.CreatedAsync("zaakobjecten", body);
        AssertContains(Json(identificatie), zaakobject["objectIdentificatie"]!.AsObject());
        Assert.Equal(zaakobject.ToJsonString(), (await app.GetAsync(ZakenApp.Url(zaakobject))).ToJsonString());
    }

    public static TheoryData<string, string, string, string> InvalidObjects => new()
    {
        // a required attribute missing, blank, too long, of the wrong type, outside its enum, or in a nested group
        { "adres", """{"identificatie": "1", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B"}""", "objectIdentificatie.huisnummer", "required" },
        { "adres", """{"identificatie": "", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B", "huisnummer": 1}""", "objectIdentificatie.identificatie", "blank" },
        { "adres", """{"identificatie": "1", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B", "huisnummer": 1, "huisletter": "AB"}""", "objectIdentificatie.huisletter", "max_length" },
        { "adres", """{"identificatie": "1", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B", "huisnummer": "1"}""", "objectIdentificatie.huisnummer", "invalid" },
        { "adres", """{"identificatie": "1", "wplWoonplaatsNaam": "A", "gorOpenbareRuimteNaam": "B", "huisnummer": -1}""", "objectIdentificatie.huisnummer", "min_value" },
        { "inrichtingselement", """{"type": "boom", "identificatie": "1"}""", "objectIdentificatie.type", "invalid_choice" },
        { "gemeente", """{"gemeenteNaam": "Amsterdam", "gemeenteCode": "03630"}""", "objectIdentificatie.gemeenteCode", "max_length" },
        { "woz_object", """{"wozObjectNummer": "1", "aanduidingWozObject": {"wplWoonplaatsNaam": "W", "gorOpenbareRuimteNaam": "G", "aoaHuisnummer": 1}}""", "objectIdentificatie.aanduidingWozObject.aoaIdentificatie", "required" },
        { "zakelijk_recht", """{"identificatie": "Z1", "avgAard": "x", "heeftAlsGerechtigde": {"natuurlijkPersoon": {"inpBsn": "1234567890"}}}""", "objectIdentificatie.heeftAlsGerechtigde.natuurlijkPersoon.inpBsn", "max_length" },
        { "overige", """{}""", "objectIdentificatie.overigeData", "required" },
        { "overige", """{"overigeData": "boom"}""", "objectIdentificatie.overigeData", "invalid" },
        { "vestiging", """{"handelsnaam": "Bakkerij"}""", "objectIdentificatie.handelsnaam", "not_a_list" },
        { "pand", "\"0363100012345678\"", "objectIdentificatie", "invalid" },
    };

    [Theory]
    [MemberData(nameof(InvalidObjects))]
    public async Task Z27_ObjectIdentificatie_ValidatedPerObjectType(string objectType, string identificatie, string field, string code)
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Zaakobject(zaak, objectType, JsonNode.Parse(identificatie));
        if (objectType == "overige")
            body["objectTypeOverige"] = "boom";
        var (response, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", field, code);
        Assert.Equal(0, await ZaakobjectenVanAsync(zaak));
    }

    [Fact]
    public async Task Z27_ObjectOrObjectIdentificatie_InvalidZaakobject()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (neither, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaak, "adres"));
        await ProblemAssert.IsProblemAsync(neither, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-zaakobject");
        // besluit, enkelvoudig_document and status have no objectIdentificatie: they need an object URL
        var (besluit, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaak, "besluit", new { identificatie = "B1" }));
        await ProblemAssert.IsProblemAsync(besluit, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-zaakobject");

        var document = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "enkelvoudig_document", @object: StubObject()));
        Assert.False(document.ContainsKey("objectIdentificatie"));
    }

    [Fact]
    public async Task Object_MustResolve()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (missing, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten,
            Zaakobject(zaak, "pand", @object: app.Documenten.Url + $"/objecten/api/v2/objects/{Guid.NewGuid()}"));
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "object", "bad-url");
        var (foreign, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaak, "pand", @object: "https://elders.example.com/objects/1"));
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.BadRequest, "invalid", "object", "bad-url");
        var (notUrl, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaak, "pand", @object: "geen url"));
        await ProblemAssert.IsProblemAsync(notUrl, HttpStatusCode.BadRequest, "invalid", "object", "invalid");

        var url = StubObject();
        var zaakobject = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "pand", @object: url));
        Assert.Equal(url, zaakobject.Text("object"));
        Assert.Null(zaakobject["objectIdentificatie"]);
    }

    [Fact]
    public async Task Overige_NeedsObjectTypeOverige_WhichOtherTypesMayNotHave()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var (missing, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaak, "overige", new { overigeData = new { a = 1 } }));
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "missing-object-type-overige");

        var adres = Zaakobject(zaak, "adres", Adres());
        adres["objectTypeOverige"] = "boom";
        var (usage, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, adres);
        await ProblemAssert.IsProblemAsync(usage, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "invalid-object-type-overige-usage");

        var pattern = Zaakobject(zaak, "overige", new { overigeData = new { a = 1 } });
        pattern["objectTypeOverige"] = "BOOM";
        var (badPattern, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, pattern);
        await ProblemAssert.IsProblemAsync(badPattern, HttpStatusCode.BadRequest, "invalid", "objectTypeOverige", "invalid");

        var definitie = Zaakobject(zaak, "overige", new { overigeData = new { a = 1 } });
        definitie["objectTypeOverigeDefinitie"] = new { url = "https://objecttypen.example.nl/api/v2/objecttypes/1", schema = ".jsonSchema", objectData = ".record.data" };
        var (noObject, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, definitie);
        await ProblemAssert.IsProblemAsync(noObject, HttpStatusCode.BadRequest, "invalid", "object", "required");
        definitie["objectTypeOverigeDefinitie"] = new { url = "https://objecttypen.example.nl/api/v2/objecttypes/1" };
        var (incomplete, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, definitie);
        await ProblemAssert.IsProblemAsync(incomplete, HttpStatusCode.BadRequest, "invalid", "objectTypeOverigeDefinitie.schema", "required");

        definitie["object"] = StubObject();
        definitie["objectTypeOverigeDefinitie"] = new { url = "https://objecttypen.example.nl/api/v2/objecttypes/1", schema = ".jsonSchema", objectData = ".record.data" };
        var created = await app.CreatedAsync("zaakobjecten", definitie);
        Assert.Equal(".record.data", created["objectTypeOverigeDefinitie"].Text("objectData"));
    }

    [Fact]
    public async Task Zaakobjecttype_MustBelongToTheZaaktype()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var body = Zaakobject(zaak, "pand", new { identificatie = "P1" });
        body["zaakobjecttype"] = app.B.Zaakobjecttype;
        var (mismatch, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, body);
        await ProblemAssert.IsProblemAsync(mismatch, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaaktype-mismatch");
        body["zaakobjecttype"] = $"{ZakenApp.PublicBase}/catalogi/api/v1/zaakobjecttypen/{Guid.NewGuid()}";
        var (missing, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, body);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "zaakobjecttype", "bad-url");
        Assert.Equal(0, await ZaakobjectenVanAsync(zaak));

        body["zaakobjecttype"] = app.A.Zaakobjecttype;
        var created = await app.CreatedAsync("zaakobjecten", body);
        Assert.Equal(app.A.Zaakobjecttype, created.Text("zaakobjecttype"));
    }

    [Fact]
    public async Task Scopes_CreateAcceptsAanmaken_UpdateNeedsBijwerken_DeleteAcceptsVerwijderen()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var zaakobject = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "adres", Adres()), ZakenApp.Aanmaker);
        var url = ZakenApp.Url(zaakobject);

        var (lezer, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaak, "adres", Adres()), ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(lezer, HttpStatusCode.Forbidden, "permission_denied");
        var (patch, _) = await app.SendAsync(HttpMethod.Patch, url, new { relatieomschrijving = "x" }, ZakenApp.Aanmaker);
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Forbidden, "permission_denied");
        var (delete, _) = await app.SendAsync(HttpMethod.Delete, url, clientId: ZakenApp.Aanmaker);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Forbidden, "permission_denied");
        var (list, _) = await app.SendAsync(HttpMethod.Get, Zaakobjecten, clientId: ZakenApp.Buitenstaander);
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task A8_ZaaktypeNotAuthorised_403OnWritesAndDetail_AbsentFromList()
    {
        var zaakC = await app.CreateZaakAsync(app.C.Url);
        var (create, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaakC, "adres", Adres()), ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "permission_denied");
        var inC = await app.CreatedAsync("zaakobjecten", Zaakobject(zaakC, "adres", Adres()));
        var (put, _) = await app.SendAsync(HttpMethod.Put, ZakenApp.Url(inC), Zaakobject(zaakC, "adres", Adres()), ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden, "permission_denied");

        var geheim = await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim");
        var verborgen = await app.CreatedAsync("zaakobjecten", Zaakobject(geheim, "adres", Adres()));
        var (detail, _) = await app.SendAsync(HttpMethod.Get, ZakenApp.Url(verborgen), clientId: ZakenApp.Beperkt);
        await ProblemAssert.IsProblemAsync(detail, HttpStatusCode.Forbidden, "permission_denied");
        var (list, json) = await app.SendAsync(HttpMethod.Get, $"{Zaakobjecten}?zaak={ZakenApp.Url(geheim)}", clientId: ZakenApp.Beperkt);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, json!["count"]!.GetValue<int>());
        var (all, _) = await app.SendAsync(HttpMethod.Get, $"{Zaakobjecten}?zaak={ZakenApp.Url(geheim)}", clientId: ZakenApp.Lezer);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
    }

    [Fact]
    public async Task Update_Put_ChangesTheChangeableFields_AuditOudNieuw_AndNotification()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var zaakobject = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "adres", Adres(1)));
        var url = ZakenApp.Url(zaakobject);
        var body = Zaakobject(zaak, "adres", Adres(2));
        body["relatieomschrijving"] = "Nieuwe locatie";

        var (response, json) = await app.SendAsync(HttpMethod.Put, url, body, ZakenApp.Behandelaar);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nieuwe locatie", json.Text("relatieomschrijving"));
        Assert.Equal(2, json!["objectIdentificatie"]!["huisnummer"]!.GetValue<int>());
        Assert.Equal(json.ToJsonString(), (await app.GetAsync(url)).ToJsonString());

        // a PUT without objectIdentificatie keeps the stored one (as the reference implementation)
        body.Remove("objectIdentificatie");
        var (keep, kept) = await app.SendAsync(HttpMethod.Put, url, body);
        Assert.Equal(HttpStatusCode.OK, keep.StatusCode);
        Assert.Equal(2, kept!["objectIdentificatie"]!["huisnummer"]!.GetValue<int>());

        Assert.Equal(new[] { ("zaakobject", "create"), ("zaakobject", "update"), ("zaakobject", "update") }, await app.NotificationsOfAsync(zaak, url));
        var oud = await app.QueryAsync<string>(
            "SELECT oud ->> 'relatieomschrijving' FROM audittrail WHERE resource_url = @url AND actie = 'update' ORDER BY aanmaakdatum LIMIT 1", new { url });
        Assert.Equal("Locatie van de melding", oud);
    }

    [Fact]
    public async Task Update_Patch_ChangesOnlyWhatIsSent()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var zaakobject = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "adres", Adres(7)));
        var url = ZakenApp.Url(zaakobject);
        var (response, json) = await app.SendAsync(HttpMethod.Patch, url, new { relatieomschrijving = "Andere omschrijving" }, ZakenApp.Behandelaar);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Andere omschrijving", json.Text("relatieomschrijving"));
        Assert.Equal(7, json!["objectIdentificatie"]!["huisnummer"]!.GetValue<int>());
        Assert.Equal(new[] { ("zaakobject", "create"), ("zaakobject", "partial_update") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "partial_update"));

        var (invalid, _) = await app.SendAsync(HttpMethod.Patch, url, new { objectIdentificatie = new { identificatie = "1" } });
        await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest, "invalid", "objectIdentificatie.huisnummer", "required");
        var (tooLong, _) = await app.SendAsync(HttpMethod.Patch, url, new { relatieomschrijving = new string('r', 81) });
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest, "invalid", "relatieomschrijving", "max_length");
    }

    [Fact]
    public async Task Update_ZaakObjectAndObjectType_MayNotChange()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var andere = await app.CreateZaakAsync(app.A.Url);
        var zaakobject = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "adres", Adres()));
        var url = ZakenApp.Url(zaakobject);

        var (zaakChange, _) = await app.SendAsync(HttpMethod.Patch, url, new { zaak = ZakenApp.Url(andere) });
        await ProblemAssert.IsProblemAsync(zaakChange, HttpStatusCode.BadRequest, "invalid", "zaak", "wijzigen-niet-toegelaten");
        var (typeChange, _) = await app.SendAsync(HttpMethod.Put, url, Zaakobject(zaak, "pand", new { identificatie = "P1" }));
        await ProblemAssert.IsProblemAsync(typeChange, HttpStatusCode.BadRequest, "invalid", "objectType", "wijzigen-niet-toegelaten");
        var (objectChange, _) = await app.SendAsync(HttpMethod.Patch, url, new { @object = StubObject() });
        await ProblemAssert.IsProblemAsync(objectChange, HttpStatusCode.BadRequest, "invalid", "object", "wijzigen-niet-toegelaten");
        Assert.Equal(new[] { ("zaakobject", "create") }, await app.NotificationsOfAsync(zaak, url));

        var (missing, _) = await app.SendAsync(HttpMethod.Patch, $"{Zaakobjecten}/{Guid.NewGuid()}", new { relatieomschrijving = "x" });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");
        var (missingPut, _) = await app.SendAsync(HttpMethod.Put, $"{Zaakobjecten}/{Guid.NewGuid()}", Zaakobject(zaak, "adres", Adres()));
        await ProblemAssert.IsProblemAsync(missingPut, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Zrc007_ClosedZaak_OnlyWithGeforceerdBijwerken_AndArchiefstatus()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var zaakobject = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "adres", Adres()));
        var url = ZakenApp.Url(zaakobject);
        await app.CloseAsync(zaak);

        var (patch, _) = await app.SendAsync(HttpMethod.Patch, url, new { relatieomschrijving = "x" }, ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Forbidden, "permission_denied");
        var (create, _) = await app.SendAsync(HttpMethod.Post, Zaakobjecten, Zaakobject(zaak, "adres", Adres()), ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "permission_denied");
        var (forced, _) = await app.SendAsync(HttpMethod.Patch, url, new { relatieomschrijving = "x" }, ZakenApp.Forceerder);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);

        await app.ArchiveerAsync(zaak);
        var (archived, _) = await app.SendAsync(HttpMethod.Patch, url, new { relatieomschrijving = "y" }, ZakenApp.Forceerder);
        await ProblemAssert.IsProblemAsync(archived, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
        var (delete, _) = await app.SendAsync(HttpMethod.Delete, url, clientId: ZakenApp.Forceerder);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
    }

    [Fact]
    public async Task Delete_Answers204_AuditAndNotification()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var zaakobject = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "adres", Adres()));
        var url = ZakenApp.Url(zaakobject);
        var (response, _) = await app.SendAsync(HttpMethod.Delete, url, clientId: ZakenApp.Behandelaar);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var (gone, _) = await app.SendAsync(HttpMethod.Get, url);
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
        var (again, _) = await app.SendAsync(HttpMethod.Delete, url);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(new[] { ("zaakobject", "create"), ("zaakobject", "destroy") }, await app.NotificationsOfAsync(zaak, url));
        Assert.Equal(1, await app.AuditCountAsync(zaak, url, "destroy"));
    }

    [Fact]
    public async Task List_FiltersZaakObjectAndObjectType_Paginated()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var url = StubObject();
        var adres = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "adres", Adres()));
        var pand = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "pand", @object: url));
        var anders = await app.CreateZaakAsync(app.A.Url);
        await app.CreatedAsync("zaakobjecten", Zaakobject(anders, "adres", Adres()));

        async Task<List<string>> Urls(string query)
        {
            var (response, json) = await app.SendAsync(HttpMethod.Get, $"{Zaakobjecten}?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, json?.ToJsonString());
            Assert.Equal(json!["results"]!.AsArray().Count, json["count"]!.GetValue<int>());
            Assert.Null(json["next"]);
            return json["results"]!.AsArray().Select(r => r.Text("url")).ToList();
        }

        Assert.Equal(new[] { ZakenApp.Url(pand), ZakenApp.Url(adres) }, await Urls($"zaak={ZakenApp.Url(zaak)}"));
        Assert.Equal(new[] { ZakenApp.Url(pand) }, await Urls($"object={Uri.EscapeDataString(url)}"));
        Assert.Equal(new[] { ZakenApp.Url(adres) }, await Urls($"zaak={ZakenApp.Url(zaak)}&objectType=adres"));
        var (badType, _) = await app.SendAsync(HttpMethod.Get, $"{Zaakobjecten}?objectType=boom");
        await ProblemAssert.IsProblemAsync(badType, HttpStatusCode.BadRequest, "invalid", "objectType", "invalid");
        var (unknown, _) = await app.SendAsync(HttpMethod.Get, $"{Zaakobjecten}?objectTypeOverige=boom");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Read_HeadETag_404_AndExpandOnZaak()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var zaakobject = await app.CreatedAsync("zaakobjecten", Zaakobject(zaak, "adres", Adres()));
        var path = ZakenApp.PathOf(ZakenApp.Url(zaakobject));
        var client = app.Client();
        var get = await client.GetAsync(path);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        var (missing, _) = await app.SendAsync(HttpMethod.Get, $"{Zaakobjecten}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");

        var (response, json) = await app.Zaken().SendJsonAsync(HttpMethod.Get, ZakenApp.PathOf(ZakenApp.Url(zaak)) + "?expand=zaakobjecten");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ZakenApp.Url(zaakobject), Assert.Single(json!["_expand"]!["zaakobjecten"]!.AsArray()).Text("url"));
    }

    [Fact]
    public async Task Zrc021_ClosedZaakWaitingForItsZaakobject_GetsArchiefactiedatumWhenOneIsAdded()
    {
        var set = await app.Seed.ZaaktypeAsync(app.A.Catalogus,
            brondatumArchiefprocedure: new { afleidingswijze = "zaakobject", datumkenmerk = "overigeData/verleend", objecttype = "overige" });
        var zaak = await app.CreateZaakAsync(set.Url);
        await app.CreateResultaatAsync(ZakenApp.Url(zaak), set.Resultaattype);
        await app.CloseAsync(zaak);

        var body = Zaakobject(zaak, "overige", new { overigeData = new { verleend = "2024-02-01" } });
        body["objectTypeOverige"] = "vergunning";
        await app.CreatedAsync("zaakobjecten", body);
        Assert.Equal("2034-02-01", await app.QueryAsync<string>("SELECT archiefactiedatum::text FROM zaak WHERE uuid = @uuid",
            new { uuid = Guid.Parse(zaak.Text("uuid")) }));
    }

    private Task<long> ZaakobjectenVanAsync(JsonObject zaak) =>
        app.QueryAsync<long>("SELECT count(*) FROM zaakobject o JOIN zaak z ON z.id = o.zaak_id WHERE z.uuid = @uuid",
            new { uuid = Guid.Parse(zaak.Text("uuid")) });
}
