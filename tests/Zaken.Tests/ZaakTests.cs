using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>POST/GET/PUT/PATCH/DELETE /zaken and the rules of the zaak resource (zgw-rules §Z).</summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakTests(ZakenApp app)
{
    private const string Zaken = "/zaken/api/v1/zaken";

    [Fact]
    public async Task Create_Answers201_WithTheFullZaak_AuditAndNotification()
    {
        var (response, body) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken, ZakenApp.ZaakBody(app.A.Url), toelichting: "Aangemaakt door test");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var zaak = body!.AsObject();
        var url = ZakenApp.Url(zaak);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.Equal("EPSG:4326", response.Headers.GetValues("Content-Crs").Single());
        foreach (var field in new[] { "uuid", "identificatie", "bronorganisatie", "zaaktype", "startdatum", "einddatum", "status", "resultaat",
                     "deelzaken", "eigenschappen", "rollen", "zaakinformatieobjecten", "zaakobjecten", "betalingsindicatieWeergave",
                     "verlenging", "opschorting", "processobject", "archiefstatus" })
            Assert.True(zaak.ContainsKey(field), field);
        Assert.Equal("nog_te_archiveren", zaak["archiefstatus"]!.GetValue<string>());
        Assert.Null(zaak["einddatum"]);
        Assert.Equal("", zaak["opschorting"]!["reden"]!.GetValue<string>());

        var notifications = await app.NotificationsAsync(url);
        var created = Assert.Single(notifications);
        Assert.Equal("zaken", created["kanaal"]!.GetValue<string>());
        Assert.Equal("zaak", created["resource"]!.GetValue<string>());
        Assert.Equal("create", created["actie"]!.GetValue<string>());
        Assert.Equal(app.A.Url, created["kenmerken"]!["zaaktype"]!.GetValue<string>());
        Assert.Equal(ZakenApp.Bronorganisatie, created["kenmerken"]!["bronorganisatie"]!.GetValue<string>());

        var trail = await app.QueryAsync<string>("SELECT toelichting FROM audittrail WHERE hoofd_object = @url AND actie = 'create'", new { url });
        Assert.Equal("Aangemaakt door test", trail);
    }

    [Fact]
    public async Task Zrc002_IdentificatieIsGenerated_UniquePerBronorganisatie_EvenConcurrently()
    {
        var zaken = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => app.CreateZaakAsync(app.A.Url)));
        var identificaties = zaken.Select(z => z["identificatie"]!.GetValue<string>()).ToList();
        Assert.All(identificaties, i => Assert.Matches(@"^ZAAK-2024-\d{10}$", i));
        Assert.Equal(identificaties.Count, identificaties.Distinct().Count());

        var (response, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken,
            With(ZakenApp.ZaakBody(app.A.Url), "identificatie", identificaties[0]));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "identificatie", "identificatie-niet-uniek");
    }

    [Fact]
    public async Task Zrc001_ZaaktypeMustResolve_AndBePublished()
    {
        var (notFound, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken,
            ZakenApp.ZaakBody($"{ZakenApp.PublicBase}/catalogi/api/v1/zaaktypen/{Guid.NewGuid()}"));
        await ProblemAssert.IsProblemAsync(notFound, HttpStatusCode.BadRequest, "invalid", "zaaktype", "bad-url");

        var (notAllowedHost, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken, ZakenApp.ZaakBody("https://elders.example.com/zaaktypen/1"));
        await ProblemAssert.IsProblemAsync(notAllowedHost, HttpStatusCode.BadRequest, "invalid", "zaaktype", "bad-url");

        var concept = CatalogiSeed.Url(await app.Seed.CreateAsync("zaaktypen", ConceptZaaktype()));
        var (response, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken, ZakenApp.ZaakBody(concept));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaaktype", "not-published");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM zaak WHERE zaaktype = @concept", new { concept }));
    }

    [Fact]
    public async Task Zrc009_VertrouwelijkheidaanduidingDefaultsToTheZaaktypes()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url, change: b => b.Remove("vertrouwelijkheidaanduiding"));
        Assert.Equal("openbaar", zaak["vertrouwelijkheidaanduiding"]!.GetValue<string>());
    }

    [Fact]
    public async Task Zrc015_EinddatumGeplandAndUiterlijkeEinddatum_DerivedFromServicenormAndDoorlooptijd()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        Assert.Equal("2024-03-21", zaak["einddatumGepland"]!.GetValue<string>());              // startdatum + P20D
        Assert.Equal("2024-03-31", zaak["uiterlijkeEinddatumAfdoening"]!.GetValue<string>()); // startdatum + P30D
    }

    [Fact]
    public async Task Zrc015_ProductenOfDienstenMustBelongToTheZaaktype()
    {
        var ok = await app.CreateZaakAsync(app.A.Url, change: b => b["productenOfDiensten"] = new[] { "https://example.nl/producten/1" });
        Assert.Single(ok["productenOfDiensten"]!.AsArray());
        var (response, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken,
            With(ZakenApp.ZaakBody(app.A.Url), "productenOfDiensten", new[] { "https://example.nl/producten/99" }));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "productenOfDiensten", "invalid-products-services");
    }

    [Fact]
    public async Task Zrc014_BetalingNvtWithLaatsteBetaaldatum_Is400_AndPatchToNvtClearsTheDate()
    {
        var body = ZakenApp.ZaakBody(app.A.Url);
        body["betalingsindicatie"] = "nvt";
        body["laatsteBetaaldatum"] = "2024-03-02T10:00:00Z";
        var (nvt, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken, body);
        await ProblemAssert.IsProblemAsync(nvt, HttpStatusCode.BadRequest, "invalid", "laatsteBetaaldatum", "betaling-nvt");

        var future = ZakenApp.ZaakBody(app.A.Url);
        future["betalingsindicatie"] = "geheel";
        future["laatsteBetaaldatum"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O");
        var (inFuture, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken, future);
        await ProblemAssert.IsProblemAsync(inFuture, HttpStatusCode.BadRequest, "invalid", "laatsteBetaaldatum", "future_not_allowed");

        var zaak = await app.CreateZaakAsync(app.A.Url, change: b =>
        {
            b["betalingsindicatie"] = "geheel";
            b["laatsteBetaaldatum"] = "2024-03-02T10:00:00Z";
        });
        Assert.Equal("De met de zaak gemoeide kosten zijn geheel betaald.", zaak["betalingsindicatieWeergave"]!.GetValue<string>());
        var (patched, patchedBody) = await app.Zaken().SendJsonAsync(HttpMethod.Patch, ZakenApp.PathOf(ZakenApp.Url(zaak)),
            new { betalingsindicatie = "nvt" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Null(patchedBody!["laatsteBetaaldatum"]);
    }

    [Fact]
    public async Task Zrc012_GroupAttributes_NullIsNotGiven_ObjectIsValidated()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url, change: b =>
        {
            b["verlenging"] = null;
            b["opschorting"] = new { indicatie = true, reden = "Wachten op advies" };
            b["processobject"] = new { datumkenmerk = "einddatum", identificatie = "1", objecttype = "pand", registratie = "BAG" };
        });
        Assert.Equal("", zaak["verlenging"]!["reden"]!.GetValue<string>());
        Assert.True(zaak["opschorting"]!["indicatie"]!.GetValue<bool>());
        Assert.Equal("BAG", zaak["processobject"]!["registratie"]!.GetValue<string>());

        var (response, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken,
            With(ZakenApp.ZaakBody(app.A.Url), "verlenging", new { reden = "te druk" }));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "verlenging.duur", "required");
    }

    [Fact]
    public async Task Zrc010_CommunicatiekanaalMustBeAReferentielijstenCommunicatiekanaal()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url, change: b => b["communicatiekanaal"] = app.Communicatiekanaal);
        Assert.Equal(app.Communicatiekanaal, zaak["communicatiekanaal"]!.GetValue<string>());

        var (unknown, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken,
            With(ZakenApp.ZaakBody(app.A.Url), "communicatiekanaal", app.Communicatiekanaal[..^36] + Guid.NewGuid()));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "communicatiekanaal", "bad-url");
        var (elsewhere, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken,
            With(ZakenApp.ZaakBody(app.A.Url), "communicatiekanaal", app.Sl(CatalogiSeed.Procestype)));
        await ProblemAssert.IsProblemAsync(elsewhere, HttpStatusCode.BadRequest, "invalid", "communicatiekanaal", "bad-url");
    }

    [Fact]
    public async Task Zrc011_RelevanteAndereZakenMustResolve()
    {
        var ander = await app.CreateZaakAsync(app.A.Url);
        var zaak = await app.CreateZaakAsync(app.A.Url, change: b =>
            b["relevanteAndereZaken"] = new[] { new { url = ZakenApp.Url(ander), aardRelatie = "vervolg" } });
        Assert.Equal(ZakenApp.Url(ander), zaak["relevanteAndereZaken"]![0]!["url"]!.GetValue<string>());

        var (response, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken, With(ZakenApp.ZaakBody(app.A.Url), "relevanteAndereZaken",
            new[] { new { url = $"{ZakenApp.ApiRoot}/zaken/{Guid.NewGuid()}", aardRelatie = "vervolg" } }));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "relevanteAndereZaken.0", "bad-url");
    }

    [Fact]
    public async Task Zrc013_Hoofdzaak_SelfAndDeelzaakAndDeelzaaktype()
    {
        var deeltype = await app.Seed.ZaaktypeAsync(app.A.Catalogus);
        var hoofdtype = await app.Seed.ZaaktypeAsync(app.A.Catalogus, change: b => b["deelzaaktypen"] = new[] { deeltype.Identificatie });
        var hoofdzaak = await app.CreateZaakAsync(hoofdtype.Url);
        var deelzaak = await app.CreateZaakAsync(deeltype.Url, change: b => b["hoofdzaak"] = ZakenApp.Url(hoofdzaak));
        Assert.Equal(ZakenApp.Url(hoofdzaak), deelzaak["hoofdzaak"]!.GetValue<string>());
        var hoofdzaakNu = await app.GetAsync(ZakenApp.Url(hoofdzaak));
        Assert.Equal(ZakenApp.Url(deelzaak), hoofdzaakNu["deelzaken"]![0]!.GetValue<string>());

        var (deelAlsHoofd, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken,
            With(ZakenApp.ZaakBody(deeltype.Url), "hoofdzaak", ZakenApp.Url(deelzaak)));
        await ProblemAssert.IsProblemAsync(deelAlsHoofd, HttpStatusCode.BadRequest, "invalid", "hoofdzaak", "deelzaak-als-hoofdzaak");

        var (wrongType, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken,
            With(ZakenApp.ZaakBody(app.A.Url), "hoofdzaak", ZakenApp.Url(hoofdzaak)));
        await ProblemAssert.IsProblemAsync(wrongType, HttpStatusCode.BadRequest, "invalid", "hoofdzaak", "invalid-deelzaaktype");

        var (self, _) = await app.Zaken().SendJsonAsync(HttpMethod.Patch, ZakenApp.PathOf(ZakenApp.Url(hoofdzaak)),
            new { hoofdzaak = ZakenApp.Url(hoofdzaak) });
        await ProblemAssert.IsProblemAsync(self, HttpStatusCode.BadRequest, "invalid", "hoofdzaak", "self-forbidden");
    }

    [Fact]
    public async Task Create_WithoutAanmakenForTheZaaktype_Is403_AndAboveTheCeiling_Is403()
    {
        var (otherType, _) = await app.Zaken(ZakenApp.Aanmaker).SendJsonAsync(HttpMethod.Post, Zaken, ZakenApp.ZaakBody(app.B.Url));
        await ProblemAssert.IsProblemAsync(otherType, HttpStatusCode.Forbidden, "permission_denied");
        var (noScope, _) = await app.Zaken(ZakenApp.Lezer).SendJsonAsync(HttpMethod.Post, Zaken, ZakenApp.ZaakBody(app.A.Url));
        await ProblemAssert.IsProblemAsync(noScope, HttpStatusCode.Forbidden, "permission_denied");
        var (anonymous, _) = await app.Anonymous().WithCrs().SendJsonAsync(HttpMethod.Post, Zaken, ZakenApp.ZaakBody(app.A.Url));
        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Forbidden, "not_authenticated");
    }

    [Fact]
    public async Task CrsHeaders_MissingIs412_UnsupportedIs406()
    {
        var client = app.Client();
        var (missing, _) = await client.SendJsonAsync(HttpMethod.Post, Zaken, ZakenApp.ZaakBody(app.A.Url));
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.PreconditionFailed, "precondition_failed");
        var other = app.Client();
        other.DefaultRequestHeaders.Add("Accept-Crs", "EPSG:28992");
        var (unsupported, _) = await other.SendJsonAsync(HttpMethod.Get, Zaken);
        await ProblemAssert.IsProblemAsync(unsupported, HttpStatusCode.NotAcceptable, "not_acceptable");
    }

    [Fact]
    public async Task BadInput_Is400_NeverA500_AndNothingIsWritten()
    {
        var before = await app.QueryAsync<long>("SELECT count(*) FROM zaak");
        var client = app.Zaken();
        using var malformed = new HttpRequestMessage(HttpMethod.Post, Zaken) { Content = new StringContent("{\"zaaktype\": ", System.Text.Encoding.UTF8, "application/json") };
        await ProblemAssert.IsProblemAsync(await client.SendAsync(malformed), HttpStatusCode.BadRequest, "parse_error");

        var wrongType = ZakenApp.ZaakBody(app.A.Url);
        wrongType["startdatum"] = 12;
        var (typed, _) = await client.SendJsonAsync(HttpMethod.Post, Zaken, wrongType);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);

        var (missing, _) = await client.SendJsonAsync(HttpMethod.Post, Zaken, new { zaaktype = app.A.Url });
        var problem = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "bronorganisatie", "required");
        Assert.Contains(problem.GetProperty("invalidParams").EnumerateArray(), p => p.GetProperty("name").GetString() == "startdatum");

        var (badRsin, _) = await client.SendJsonAsync(HttpMethod.Post, Zaken, With(ZakenApp.ZaakBody(app.A.Url), "bronorganisatie", "123456789"));
        await ProblemAssert.IsProblemAsync(badRsin, HttpStatusCode.BadRequest, "invalid", "bronorganisatie", "invalid");

        var (badGeo, _) = await client.SendJsonAsync(HttpMethod.Post, Zaken,
            With(ZakenApp.ZaakBody(app.A.Url), "zaakgeometrie", new { type = "Point", coordinates = new[] { 1.0 } }));
        await ProblemAssert.IsProblemAsync(badGeo, HttpStatusCode.BadRequest, "invalid", "zaakgeometrie", "invalid");

        var (unknownQuery, _) = await client.SendJsonAsync(HttpMethod.Post, Zaken + "?foo=1", ZakenApp.ZaakBody(app.A.Url));
        await ProblemAssert.IsProblemAsync(unknownQuery, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");

        Assert.Equal(before, await app.QueryAsync<long>("SELECT count(*) FROM zaak"));
    }

    [Fact]
    public async Task Read_ReturnsTheZaak_WithETag_HeadAnd304_And404ForUnknown()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var client = app.Zaken();
        var response = await client.GetAsync(ZakenApp.PathOf(ZakenApp.Url(zaak)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        await ETagAssert.HeadAndNotModifiedAsync(client, ZakenApp.PathOf(ZakenApp.Url(zaak)), etag!);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"{Zaken}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Read_OfAZaakOutsideTheCallersAutorisaties_Is403()
    {
        var geheim = await app.CreateZaakAsync(app.A.Url, vertrouwelijkheid: "geheim");
        var andereType = await app.CreateZaakAsync(app.C.Url);
        await ProblemAssert.IsProblemAsync(await app.Zaken(ZakenApp.Beperkt).GetAsync(ZakenApp.PathOf(ZakenApp.Url(geheim))),
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Zaken(ZakenApp.Behandelaar).GetAsync(ZakenApp.PathOf(ZakenApp.Url(andereType))),
            HttpStatusCode.Forbidden, "permission_denied");
        Assert.Equal(HttpStatusCode.OK, (await app.Zaken(ZakenApp.Lezer).GetAsync(ZakenApp.PathOf(ZakenApp.Url(geheim)))).StatusCode);
    }

    [Fact]
    public async Task Update_And_PartialUpdate_ChangeTheZaak_WithAuditAndNotifications()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url, ZakenApp.Behandelaar);
        var url = ZakenApp.Url(zaak);
        var put = ZakenApp.ZaakBody(app.A.Url);
        put["omschrijving"] = "Aangepast";
        put["identificatie"] = zaak["identificatie"]!.GetValue<string>();
        var (updated, updatedBody) = await app.Zaken(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Put, ZakenApp.PathOf(url), put);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Aangepast", updatedBody!["omschrijving"]!.GetValue<string>());

        var (patched, patchedBody) = await app.Zaken(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, ZakenApp.PathOf(url),
            new { toelichting = "Meer uitleg", zaakgeometrie = new { type = "Point", coordinates = new[] { 5.1, 52.1 } } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Meer uitleg", patchedBody!["toelichting"]!.GetValue<string>());
        Assert.Equal("Aangepast", patchedBody["omschrijving"]!.GetValue<string>());
        Assert.Equal("Point", patchedBody["zaakgeometrie"]!["type"]!.GetValue<string>());

        var acties = (await app.NotificationsAsync(url)).Select(n => n["actie"]!.GetValue<string>()).ToList();
        Assert.Equal(["create", "update", "partial_update"], acties);
        var oudNieuw = await app.QueryAsync<string>(
            "SELECT oud ->> 'omschrijving' || '>' || (nieuw ->> 'omschrijving') FROM audittrail WHERE hoofd_object = @url AND actie = 'update'", new { url });
        Assert.Equal("Melding over een losliggende stoeptegel>Aangepast", oudNieuw);
    }

    [Fact]
    public async Task Zrc002_IdentificatieAndZaaktype_CannotChange()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var path = ZakenApp.PathOf(ZakenApp.Url(zaak));
        var (identificatie, _) = await app.Zaken().SendJsonAsync(HttpMethod.Patch, path, new { identificatie = "ANDERS" });
        await ProblemAssert.IsProblemAsync(identificatie, HttpStatusCode.BadRequest, "invalid", "identificatie", "wijzigen-niet-toegelaten");
        var (zaaktype, _) = await app.Zaken().SendJsonAsync(HttpMethod.Patch, path, new { zaaktype = app.B.Url });
        await ProblemAssert.IsProblemAsync(zaaktype, HttpStatusCode.BadRequest, "invalid", "zaaktype", "wijzigen-niet-toegelaten");
    }

    [Fact]
    public async Task Zrc022_ArchiefstatusOtherThanNogTeArchiveren_NeedsNominatieAndActiedatum()
    {
        var zaak = await app.CreateZaakAsync(app.A.Url);
        var path = ZakenApp.PathOf(ZakenApp.Url(zaak));
        var (response, _) = await app.Zaken().SendJsonAsync(HttpMethod.Patch, path, new { archiefstatus = "gearchiveerd" });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "archiefnominatie", "archiefnominatie-not-set");
        Assert.Contains(problem.GetProperty("invalidParams").EnumerateArray(), p => p.GetProperty("code").GetString() == "archiefactiedatum-not-set");

        var (ok, body) = await app.Zaken().SendJsonAsync(HttpMethod.Patch, path,
            new { archiefstatus = "gearchiveerd", archiefnominatie = "vernietigen", archiefactiedatum = "2030-01-01" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("gearchiveerd", body!["archiefstatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Zrc023_Delete_RemovesTheZaakItsDeelzakenAndAuditTrail_AndNotifies()
    {
        var deeltype = await app.Seed.ZaaktypeAsync(app.A.Catalogus);
        var hoofdtype = await app.Seed.ZaaktypeAsync(app.A.Catalogus, change: b => b["deelzaaktypen"] = new[] { deeltype.Identificatie });
        var hoofdzaak = await app.CreateZaakAsync(hoofdtype.Url);
        var deelzaak = await app.CreateZaakAsync(deeltype.Url, change: b => b["hoofdzaak"] = ZakenApp.Url(hoofdzaak));
        var url = ZakenApp.Url(hoofdzaak);

        var response = await app.Zaken().DeleteAsync(ZakenApp.PathOf(url));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Zaken().GetAsync(ZakenApp.PathOf(ZakenApp.Url(deelzaak)))).StatusCode);
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE hoofd_object IN (@url, @deel)",
            new { url, deel = ZakenApp.Url(deelzaak) }));
        Assert.Equal("destroy", (await app.NotificationsAsync(url)).Last()["actie"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_NeedsVerwijderen_ForTheZaaktype()
    {
        var zaak = await app.CreateZaakAsync(app.C.Url);
        await ProblemAssert.IsProblemAsync(await app.Zaken(ZakenApp.Behandelaar).DeleteAsync(ZakenApp.PathOf(ZakenApp.Url(zaak))),
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Zaken(ZakenApp.Lezer).DeleteAsync(ZakenApp.PathOf(ZakenApp.Url(zaak))),
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Zaken().DeleteAsync($"{Zaken}/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not_found");
    }

    private Dictionary<string, object?> ConceptZaaktype()
    {
        var body = new Dictionary<string, object?>
        {
            ["identificatie"] = CatalogiSeed.Unique("ZT-"), ["omschrijving"] = "Concept", ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["doel"] = "d", ["aanleiding"] = "a", ["indicatieInternOfExtern"] = "extern", ["handelingInitiator"] = "h", ["onderwerp"] = "o",
            ["handelingBehandelaar"] = "h", ["doorlooptijd"] = "P30D", ["opschortingEnAanhoudingMogelijk"] = false, ["verlengingMogelijk"] = false,
            ["publicatieIndicatie"] = false, ["productenOfDiensten"] = Array.Empty<string>(), ["selectielijstProcestype"] = app.Sl(CatalogiSeed.Procestype),
            ["referentieproces"] = new { naam = "p" }, ["verantwoordelijke"] = "v", ["catalogus"] = app.A.Catalogus,
            ["besluittypen"] = Array.Empty<string>(), ["deelzaaktypen"] = Array.Empty<string>(), ["gerelateerdeZaaktypen"] = Array.Empty<object>(),
            ["beginGeldigheid"] = "2024-01-01", ["versiedatum"] = "2024-01-01",
        };
        return body;
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, object? value)
    {
        body[field] = value;
        return body;
    }
}
