using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>/zaakinformatieobjecten: zrc-003/004/005/017, the mirror protocol (ARCHITECTURE §11.4) and its reconciler.</summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakinformatieobjectTests(ZakenApp app)
{
    private const string Zios = "/zaken/api/v1/zaakinformatieobjecten";
    private readonly DocumentenStub _drc = new(app);

    private async Task<(string ZaakUrl, string Document)> ZaakMetDocumentAsync(ZaaktypeSet? type = null, string vertrouwelijkheid = "openbaar")
    {
        type ??= app.A;
        var zaak = await app.CreateZaakAsync(type.Url, vertrouwelijkheid: vertrouwelijkheid);
        return (ZakenApp.Url(zaak), _drc.Document(type.Informatieobjecttype));
    }

    private Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(object body, string client = ZakenApp.Beheerder, string? toelichting = null) =>
        app.Client(client).SendJsonAsync(HttpMethod.Post, Zios, body, toelichting);

    private async Task<JsonObject> CreateAsync(string zaak, string document, string client = ZakenApp.Beheerder)
    {
        var (response, body) = await PostAsync(new { zaak, informatieobject = document, titel = "Foto" }, client);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body?.ToJsonString());
        return body!.AsObject();
    }

    private Task<long> ZioCountAsync(string zaakUrl) =>
        app.QueryAsync<long>("SELECT count(*) FROM zaakinformatieobject zio JOIN zaak z ON z.id = zio.zaak_id WHERE z.uuid = @uuid",
            new { uuid = Guid.Parse(zaakUrl.Split('/')[^1]) });

    private Task<long> AuditCountAsync(string zaakUrl, string actie) =>
        app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE hoofd_object = @zaakUrl AND resource = 'zaakinformatieobject' AND actie = @actie",
            new { zaakUrl, actie });

    private async Task<List<JsonObject>> ZioNotificationsAsync(string zaakUrl) =>
        (await app.NotificationsAsync(zaakUrl)).Where(n => n["resource"]!.GetValue<string>() == "zaakinformatieobject").ToList();

    [Fact]
    public async Task Zrc005_Create_MirrorsToDocumenten_WithServiceToken_AndAnnouncesCreate()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var (response, body) = await PostAsync(new { zaak = zaakUrl, informatieobject = document, titel = "Foto", beschrijving = "Van de melder" },
            ZakenApp.Behandelaar, toelichting: "Foto toegevoegd");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var zio = body!.AsObject();
        var url = ZakenApp.Url(zio);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.StartsWith(ZakenApp.ApiRoot + "/zaakinformatieobjecten/", url);
        Assert.Equal(zaakUrl, zio["zaak"]!.GetValue<string>());
        Assert.Equal(document, zio["informatieobject"]!.GetValue<string>());
        Assert.Equal("Hoort bij, omgekeerd: kent", zio["aardRelatieWeergave"]!.GetValue<string>());
        Assert.Equal("Foto", zio["titel"]!.GetValue<string>());
        Assert.Equal("Van de melder", zio["beschrijving"]!.GetValue<string>());
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(zio["registratiedatum"]!.GetValue<string>()) < TimeSpan.FromMinutes(1));
        Assert.Null(zio["vernietigingsdatum"]);
        Assert.Null(zio["status"]);

        var post = Assert.Single(_drc.OioCalls("POST"));
        var sent = JsonNode.Parse(post.Body!)!.AsObject();
        Assert.Equal(document, sent["informatieobject"]!.GetValue<string>());
        Assert.Equal(zaakUrl, sent["object"]!.GetValue<string>());
        Assert.Equal("zaak", sent["objectType"]!.GetValue<string>());
        var token = post.Headers!["Authorization"].Single();
        Assert.StartsWith("Bearer ", token);
        var payload = Encoding.UTF8.GetString(Base64Url(token["Bearer ".Length..].Split('.')[1]));
        Assert.Contains(ZakenApp.ServiceClient, payload);

        var oio = Assert.Single(_drc.Oios);
        Assert.Equal("done", await app.QueryAsync<string>("SELECT mirror FROM zaakinformatieobject WHERE uuid = @u", new { u = Guid.Parse(zio["uuid"]!.GetValue<string>()) }));
        Assert.Equal(oio["url"]!.GetValue<string>(),
            await app.QueryAsync<string>("SELECT oio FROM zaakinformatieobject WHERE uuid = @u", new { u = Guid.Parse(zio["uuid"]!.GetValue<string>()) }));
        var notification = Assert.Single(await ZioNotificationsAsync(zaakUrl));
        Assert.Equal("create", notification["actie"]!.GetValue<string>());
        Assert.Equal(url, notification["resourceUrl"]!.GetValue<string>());
        Assert.Equal("Foto toegevoegd",
            await app.QueryAsync<string>("SELECT toelichting FROM audittrail WHERE resource_url = @url AND actie = 'create'", new { url }));

        var read = await app.GetAsync(url, ZakenApp.Lezer);
        Assert.Equal(zio.ToJsonString(), read.ToJsonString());
        using var head = await app.Client(ZakenApp.Lezer).SendAsync(new HttpRequestMessage(HttpMethod.Head, ZakenApp.PathOf(url)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, ZakenApp.PathOf(url));
        conditional.Headers.IfNoneMatch.Add(head.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await app.Client(ZakenApp.Lezer).SendAsync(conditional)).StatusCode);
        var zaak = await app.GetAsync(zaakUrl);
        Assert.Contains(url, zaak["zaakinformatieobjecten"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_WithZakenAanmaken_IsAllowed()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var zio = await CreateAsync(zaakUrl, document, ZakenApp.Aanmaker);
        Assert.Equal(document, zio["informatieobject"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    [InlineData(0)]
    public async Task Zrc005_DocumentenFails_Is400PendingRelations_AndLeavesNothing(int failure)
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        _drc.CreateFailure = failure;

        var (response, _) = await PostAsync(new { zaak = zaakUrl, informatieobject = document });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobject", "pending-relations");
        Assert.Equal(0, await ZioCountAsync(zaakUrl));
        Assert.Empty(await ZioNotificationsAsync(zaakUrl));
        Assert.Equal(0, await AuditCountAsync(zaakUrl, "create"));
        if (failure != 0) // a hanging request is logged by WireMock only once it is answered
            Assert.NotEmpty(_drc.OioCalls("POST"));
    }

    [Fact]
    public async Task Zrc005_RelationAlreadyAtDocumenten_CountsAsDone()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var existing = _drc.AddOio(document, zaakUrl);

        var zio = await CreateAsync(zaakUrl, document);

        Assert.Equal(existing, await app.QueryAsync<string>("SELECT oio FROM zaakinformatieobject WHERE uuid = @u",
            new { u = Guid.Parse(zio["uuid"]!.GetValue<string>()) }));
        Assert.Single(_drc.Oios);
        Assert.Single(await ZioNotificationsAsync(zaakUrl));
    }

    [Fact]
    public async Task Zrc005_Delete_RemovesTheMirrorAndTheRow_AuditWithoutNotification()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var zio = await CreateAsync(zaakUrl, document);
        var oio = Assert.Single(_drc.Oios)["url"]!.GetValue<string>();

        var (response, _) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Delete, ZakenApp.PathOf(ZakenApp.Url(zio)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(new Uri(oio).AbsolutePath, Assert.Single(_drc.OioCalls("DELETE")).AbsolutePath);
        Assert.Empty(_drc.Oios);
        Assert.Equal(0, await ZioCountAsync(zaakUrl));
        Assert.Equal(1, await AuditCountAsync(zaakUrl, "destroy"));
        Assert.Single(await ZioNotificationsAsync(zaakUrl)); // only the create
        var gone = await app.Client().GetAsync(ZakenApp.PathOf(ZakenApp.Url(zio)));
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Zrc005_DeleteWhileDocumentenFails_Is400_AndKeepsTheRow()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var zio = await CreateAsync(zaakUrl, document);
        _drc.DeleteFailure = 500;

        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, ZakenApp.PathOf(ZakenApp.Url(zio)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobject", "pending-relations");
        Assert.Equal(zio.ToJsonString(), (await app.GetAsync(ZakenApp.Url(zio))).ToJsonString());
        Assert.Equal("done", await app.QueryAsync<string>("SELECT mirror FROM zaakinformatieobject WHERE uuid = @u",
            new { u = Guid.Parse(zio["uuid"]!.GetValue<string>()) }));
        Assert.Single(_drc.Oios);
        Assert.Equal(0, await AuditCountAsync(zaakUrl, "destroy"));
    }

    [Fact]
    public async Task Delete_WithZakenVerwijderen_IsAllowed_WithoutScope_Is403()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var zio = await CreateAsync(zaakUrl, document);
        var path = ZakenApp.PathOf(ZakenApp.Url(zio));

        var (forbidden, _) = await app.Client(ZakenApp.Aanmaker).SendJsonAsync(HttpMethod.Delete, path);
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "permission_denied");

        var (deleted, _) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Delete, path);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    /// <summary>Inserts a zaakinformatieobject as a crash would leave it: mirror not finished, long ago.</summary>
    private async Task<Guid> InsertHalfDoneAsync(string zaakUrl, string document, string mirror, string? oio)
    {
        var uuid = Guid.NewGuid();
        await app.QueryAsync<int>("""
            INSERT INTO zaakinformatieobject (uuid, zaak_id, informatieobject, gegevens, mirror, oio, mirror_since, mirror_actor)
            SELECT @uuid, z.id, @document, '{"titel": "Oud", "beschrijving": ""}'::jsonb, @mirror, @oio, now() - interval '1 hour',
                   '{"clientId": "behandelaar", "label": "Behandelaar", "toelichting": "Na een crash"}'::jsonb
            FROM zaak z WHERE z.uuid = @zaak
            """, new { uuid, document, mirror, oio, zaak = Guid.Parse(zaakUrl.Split('/')[^1]) });
        return uuid;
    }

    private async Task<string?> WaitForMirrorAsync(Guid uuid, Func<string?, bool> until)
    {
        string? state = null;
        for (var i = 0; i < 100; i++)
        {
            state = await app.QueryAsync<string?>("SELECT mirror FROM zaakinformatieobject WHERE uuid = @uuid", new { uuid });
            if (until(state))
                return state;
            await Task.Delay(100);
        }
        return state;
    }

    [Fact]
    public async Task Reconciler_FinishesAPendingRowWhoseOioExists()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var oio = _drc.AddOio(document, zaakUrl);
        var uuid = await InsertHalfDoneAsync(zaakUrl, document, "pending", null);

        Assert.Equal("done", await WaitForMirrorAsync(uuid, s => s == "done"));

        Assert.Equal(oio, await app.QueryAsync<string>("SELECT oio FROM zaakinformatieobject WHERE uuid = @uuid", new { uuid }));
        var notification = Assert.Single(await ZioNotificationsAsync(zaakUrl));
        Assert.Equal("create", notification["actie"]!.GetValue<string>());
        Assert.Equal("behandelaar", await app.QueryAsync<string>(
            "SELECT applicatie_id FROM audittrail WHERE hoofd_object = @zaakUrl AND resource = 'zaakinformatieobject' AND actie = 'create'", new { zaakUrl }));
        Assert.Single(_drc.Oios);
    }

    [Fact]
    public async Task Reconciler_UndoesAPendingRowWithoutOio()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var uuid = await InsertHalfDoneAsync(zaakUrl, document, "pending", null);

        Assert.Null(await WaitForMirrorAsync(uuid, s => s is null));

        Assert.Empty(await ZioNotificationsAsync(zaakUrl));
        Assert.Equal(0, await AuditCountAsync(zaakUrl, "create"));
    }

    [Fact]
    public async Task Reconciler_FinishesARemovingRow()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var oio = _drc.AddOio(document, zaakUrl);
        var uuid = await InsertHalfDoneAsync(zaakUrl, document, "removing", oio);

        Assert.Null(await WaitForMirrorAsync(uuid, s => s is null));

        Assert.Empty(_drc.Oios);
        Assert.Equal(1, await AuditCountAsync(zaakUrl, "destroy"));
    }

    [Fact]
    public async Task List_ShowsAPendingRowOnlyToTheLookupOfOnePair()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        _drc.Server.Reset(); // no Documenten API at all: the reconciler leaves the row alone while we look
        await InsertHalfDoneAsync(zaakUrl, document, "pending", null);

        var byZaak = await ListAsync($"?zaak={Uri.EscapeDataString(zaakUrl)}");
        var pair = await ListAsync($"?zaak={Uri.EscapeDataString(zaakUrl)}&informatieobject={Uri.EscapeDataString(document)}");

        Assert.Empty(byZaak);
        Assert.Single(pair);
    }

    private async Task<JsonArray> ListAsync(string query, string client = ZakenApp.Beheerder)
    {
        var response = await app.Client(client).GetAsync(Zios + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsArray();
    }

    [Fact]
    public async Task List_IsUnpaginated_Filtered_AndOnlyShowsAuthorisedZaken()
    {
        var (zaakA, documentA) = await ZaakMetDocumentAsync(app.A);
        var (zaakC, documentC) = await ZaakMetDocumentAsync(app.C);
        var (zaakGeheim, documentGeheim) = await ZaakMetDocumentAsync(app.A, "geheim");
        var a = await CreateAsync(zaakA, documentA);
        var c = await CreateAsync(zaakC, documentC);
        var geheim = await CreateAsync(zaakGeheim, documentGeheim);

        var byZaak = await ListAsync($"?zaak={Uri.EscapeDataString(zaakA)}");
        Assert.Equal(ZakenApp.Url(a), ZakenApp.Url(Assert.Single(byZaak)!.AsObject()));
        var byDocument = await ListAsync($"?informatieobject={Uri.EscapeDataString(documentC)}");
        Assert.Equal(ZakenApp.Url(c), ZakenApp.Url(Assert.Single(byDocument)!.AsObject()));

        var lezer = (await ListAsync("", ZakenApp.Lezer)).Select(z => ZakenApp.Url(z!.AsObject())).ToList();
        Assert.Contains(ZakenApp.Url(c), lezer);
        var behandelaar = (await ListAsync("", ZakenApp.Behandelaar)).Select(z => ZakenApp.Url(z!.AsObject())).ToList();
        Assert.Contains(ZakenApp.Url(a), behandelaar);
        Assert.DoesNotContain(ZakenApp.Url(c), behandelaar);
        var beperkt = (await ListAsync("", ZakenApp.Beperkt)).Select(z => ZakenApp.Url(z!.AsObject())).ToList();
        Assert.Contains(ZakenApp.Url(a), beperkt);
        Assert.DoesNotContain(ZakenApp.Url(geheim), beperkt);
        var heropener = (await ListAsync("", ZakenApp.Heropener)).Select(z => ZakenApp.Url(z!.AsObject())).ToList();
        Assert.DoesNotContain(ZakenApp.Url(c), heropener);
        var outsider = await app.Client(ZakenApp.Buitenstaander).GetAsync(Zios);
        await ProblemAssert.IsProblemAsync(outsider, HttpStatusCode.Forbidden, "permission_denied");

        var unknown = await app.Client().GetAsync(Zios + "?onbekend=1");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task Authorisation_ScopeAndObjectLevel_Are403()
    {
        var (zaakC, documentC) = await ZaakMetDocumentAsync(app.C);
        var c = await CreateAsync(zaakC, documentC);
        var (zaakA, documentA) = await ZaakMetDocumentAsync(app.A);

        var (noScope, _) = await PostAsync(new { zaak = zaakA, informatieobject = documentA }, ZakenApp.Lezer);
        await ProblemAssert.IsProblemAsync(noScope, HttpStatusCode.Forbidden, "permission_denied");
        var (otherZaaktype, _) = await PostAsync(new { zaak = zaakC, informatieobject = _drc.Document(app.C.Informatieobjecttype) }, ZakenApp.Behandelaar);
        await ProblemAssert.IsProblemAsync(otherZaaktype, HttpStatusCode.Forbidden, "permission_denied");
        var read = await app.Client(ZakenApp.Behandelaar).GetAsync(ZakenApp.PathOf(ZakenApp.Url(c)));
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Forbidden, "permission_denied");
        var (patch, _) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, ZakenApp.PathOf(ZakenApp.Url(c)), new { titel = "x" });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Forbidden, "permission_denied");
        var anonymous = await app.Anonymous().GetAsync(Zios);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.DoesNotContain(_drc.OioCalls("POST"), r => r.Body!.Contains(zaakA));
    }

    [Fact]
    public async Task Read_Missing_Is404()
    {
        var response = await app.Client().GetAsync($"{Zios}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        var (delete, _) = await app.Client().SendJsonAsync(HttpMethod.Delete, $"{Zios}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Zrc017_InformatieobjecttypeNotOfTheZaaktype_Is400()
    {
        var zaak = ZakenApp.Url(await app.CreateZaakAsync(app.A.Url));
        var (response, _) = await PostAsync(new { zaak, informatieobject = _drc.Document(app.B.Informatieobjecttype) });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "missing-zaaktype-informatieobjecttype-relation");
        Assert.Empty(_drc.OioCalls("POST"));
        Assert.Equal(0, await ZioCountAsync(zaak));
    }

    [Fact]
    public async Task Zrc003_InformatieobjectThatDoesNotResolve_Is400()
    {
        var zaak = ZakenApp.Url(await app.CreateZaakAsync(app.A.Url));
        var (missing, _) = await PostAsync(new { zaak, informatieobject = $"{_drc.Root}/enkelvoudiginformatieobjecten/{Guid.NewGuid()}" });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "informatieobject", "bad-url");
        var (noUrl, _) = await PostAsync(new { zaak, informatieobject = "geen url" });
        await ProblemAssert.IsProblemAsync(noUrl, HttpStatusCode.BadRequest, "invalid", "informatieobject", "invalid");
        var (noZaak, _) = await PostAsync(new { informatieobject = _drc.Document(app.A.Informatieobjecttype) });
        await ProblemAssert.IsProblemAsync(noZaak, HttpStatusCode.BadRequest, "invalid", "zaak", "required");
        var (unknownZaak, _) = await PostAsync(new { zaak = $"{ZakenApp.ApiRoot}/zaken/{Guid.NewGuid()}", informatieobject = _drc.Document(app.A.Informatieobjecttype) });
        await ProblemAssert.IsProblemAsync(unknownZaak, HttpStatusCode.BadRequest, "invalid", "zaak", "does_not_exist");
    }

    [Fact]
    public async Task Unique_SameDocumentTwiceOnAZaak_Is400()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        await CreateAsync(zaakUrl, document);
        // the first create's mirror call may have been retried by its resilience pipeline (a slow answer on a loaded
        // machine); what matters is that the refused duplicate makes no call at all
        var callsBefore = _drc.OioCalls("POST").Count;

        var (response, _) = await PostAsync(new { zaak = zaakUrl, informatieobject = document });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unique");
        Assert.Equal(callsBefore, _drc.OioCalls("POST").Count);
        Assert.Single(_drc.Oios, o => o["informatieobject"]!.GetValue<string>() == document);
    }

    [Fact]
    public async Task ArchiefstatusNotNogTeArchiveren_Is400()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        await app.QueryAsync<int>("UPDATE zaak SET archiefstatus = 'gearchiveerd' WHERE uuid = @u", new { u = Guid.Parse(zaakUrl.Split('/')[^1]) });

        var (response, _) = await PostAsync(new { zaak = zaakUrl, informatieobject = document });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "zaak-archiefstatus-invalid");
        Assert.Empty(_drc.OioCalls("POST"));
    }

    [Fact]
    public async Task Zrc004_ZaakAndInformatieobjectCannotChange_Is400WijzigenNietToegelaten()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var zio = await CreateAsync(zaakUrl, document);
        var otherZaak = ZakenApp.Url(await app.CreateZaakAsync(app.A.Url));
        var path = ZakenApp.PathOf(ZakenApp.Url(zio));

        var (put, _) = await app.Client().SendJsonAsync(HttpMethod.Put, path, new { zaak = otherZaak, informatieobject = document });
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.BadRequest, "invalid", "zaak", "wijzigen-niet-toegelaten");
        var (patch, _) = await app.Client().SendJsonAsync(HttpMethod.Patch, path, new { informatieobject = _drc.Document(app.A.Informatieobjecttype) });
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.BadRequest, "invalid", "informatieobject", "wijzigen-niet-toegelaten");
    }

    [Fact]
    public async Task Update_PutAndPatch_ChangeTheAttributes_AuditOnly()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var zio = await CreateAsync(zaakUrl, document);
        var path = ZakenApp.PathOf(ZakenApp.Url(zio));

        var (put, putBody) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Put, path,
            new { zaak = zaakUrl, informatieobject = document, titel = "Nieuw", vernietigingsdatum = "2030-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Nieuw", putBody!["titel"]!.GetValue<string>());
        Assert.Equal("", putBody["beschrijving"]!.GetValue<string>());
        Assert.StartsWith("2030-01-01T00:00:00", putBody["vernietigingsdatum"]!.GetValue<string>());
        Assert.Equal(zio["registratiedatum"]!.GetValue<string>(), putBody["registratiedatum"]!.GetValue<string>());

        var (patch, patchBody) = await app.Client(ZakenApp.Behandelaar).SendJsonAsync(HttpMethod.Patch, path, new { beschrijving = "Uitleg" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Nieuw", patchBody!["titel"]!.GetValue<string>());
        Assert.Equal("Uitleg", patchBody["beschrijving"]!.GetValue<string>());

        Assert.Equal(1, await AuditCountAsync(zaakUrl, "update"));
        Assert.Equal(1, await AuditCountAsync(zaakUrl, "partial_update"));
        Assert.Single(await ZioNotificationsAsync(zaakUrl)); // the create only
        Assert.Single(_drc.OioCalls("POST"));
    }

    [Fact]
    public async Task Status_MustBeAStatusOfTheSameZaak()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        var otherZaak = ZakenApp.Url(await app.CreateZaakAsync(app.A.Url));
        var own = await InsertStatusAsync(zaakUrl);
        var foreign = await InsertStatusAsync(otherZaak);

        var (mismatch, _) = await PostAsync(new { zaak = zaakUrl, informatieobject = document, status = foreign });
        await ProblemAssert.IsProblemAsync(mismatch, HttpStatusCode.BadRequest, "invalid", "status", "zaak-mismatch");
        var (missing, _) = await PostAsync(new { zaak = zaakUrl, informatieobject = document, status = $"{ZakenApp.ApiRoot}/statussen/{Guid.NewGuid()}" });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "status", "does_not_exist");
        Assert.Empty(_drc.OioCalls("POST"));

        var (ok, body) = await PostAsync(new { zaak = zaakUrl, informatieobject = document, status = own });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(own, body!["status"]!.GetValue<string>());
    }

    private async Task<string> InsertStatusAsync(string zaakUrl)
    {
        var uuid = Guid.NewGuid();
        await app.QueryAsync<int>("""
            INSERT INTO status (uuid, zaak_id, statustype, datum_status_gezet, gegevens)
            SELECT @uuid, z.id, @statustype, now(), '{}'::jsonb FROM zaak z WHERE z.uuid = @zaak
            """, new { uuid, statustype = app.A.Statustypen[0], zaak = Guid.Parse(zaakUrl.Split('/')[^1]) });
        return $"{ZakenApp.ApiRoot}/statussen/{uuid}";
    }

    [Fact]
    public async Task Zrc023_DeletingTheZaak_RemovesItsMirrors_AndADocumentenFailureKeepsTheZaak()
    {
        var (zaakUrl, document) = await ZaakMetDocumentAsync();
        await CreateAsync(zaakUrl, document);
        Assert.Single(_drc.Oios);

        _drc.DeleteFailure = 500;
        var (failed, _) = await app.Zaken().SendJsonAsync(HttpMethod.Delete, ZakenApp.PathOf(zaakUrl));
        await ProblemAssert.IsProblemAsync(failed, HttpStatusCode.BadRequest, "invalid", "informatieobject", "pending-relations");
        Assert.Equal(1, await ZioCountAsync(zaakUrl));
        Assert.Single(await ListAsync($"?zaak={Uri.EscapeDataString(zaakUrl)}"));

        _drc.DeleteFailure = null;
        var (deleted, _) = await app.Zaken().SendJsonAsync(HttpMethod.Delete, ZakenApp.PathOf(zaakUrl));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(_drc.Oios);
        Assert.Equal(0, await ZioCountAsync(zaakUrl));
    }

    private static byte[] Base64Url(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
