using System.Net;
using System.Text.Json.Nodes;
using Besluiten.Api.Resources.Besluit;
using Besluiten.Api.Resources.Besluitinformatieobject;
using Zgw.Testing;

namespace Besluiten.Tests;

/// <summary>brc-006 (zaakbesluit mirror), brc-009 (destroy removes the mirrors), compensation and the reconciler.</summary>
[Collection(BesluitenCollection.Name)]
public sealed class BesluitMirrorTests(BesluitenApp app)
{
    private const string Path = "/besluiten/api/v1/besluiten";

    [Fact]
    public async Task Brc006_CreateWithZaak_MirrorsZaakbesluit_ZakenCouldReadTheBesluit_NotifiedOnce()
    {
        var stub = new BronnenStub(app);
        var zaak = stub.Zaak(app.Zaaktype);
        var besluit = await app.CreateBesluitAsync(zaak: zaak, clientId: BesluitenApp.Behandelaar);
        var url = BesluitenApp.Url(besluit);
        Assert.Equal(zaak, besluit["zaak"]!.GetValue<string>());
        var zaakbesluit = Assert.Single(stub.Zaakbesluiten);
        Assert.Equal(url, zaakbesluit["besluit"]!.GetValue<string>());
        Assert.Equal([200], stub.BesluitReadsByZaken.ToArray());
        Assert.Equal(zaakbesluit["url"]!.GetValue<string>(),
            await app.QueryAsync<string>("SELECT zaakbesluit FROM besluit WHERE uuid = @uuid", new { uuid = Guid.Parse(url[^36..]) }));
        var n = Assert.Single(await app.NotificationsAsync(url));
        Assert.Equal("create", n["actie"]!.GetValue<string>());
        await app.GetAsync(url);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    public async Task Brc006_ZakenFails_Is400PendingRelations_BesluitRemoved_NoNotification(int failure)
    {
        var stub = new BronnenStub(app) { ZaakbesluitCreateFailure = failure };
        var zaak = stub.Zaak(app.Zaaktype);
        var identificatie = BesluitenApp.Unique("M-");
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Path,
            new Dictionary<string, object?>(app.BesluitBody(zaak: zaak)) { ["identificatie"] = identificatie });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "zaak", "pending-relations");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM besluit WHERE identificatie = @identificatie", new { identificatie }));
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM outbox WHERE payload ->> 'hoofdObject' LIKE '%' || @zaak || '%' OR payload::text LIKE '%' || @identificatie || '%'",
            new { zaak, identificatie }));
        // the same identificatie can be used once the Zaken API is back
        stub.ZaakbesluitCreateFailure = null;
        await app.CreateBesluitAsync(zaak: zaak, change: b => b["identificatie"] = identificatie);
    }

    [Fact]
    public async Task Brc006_PendingBesluit_IsHiddenFromListsAndWrites_ButReadableForTheZakenCheck()
    {
        new BronnenStub(app);
        var besluit = await app.CreateBesluitAsync();
        var url = BesluitenApp.Url(besluit);
        var uuid = Guid.Parse(url[^36..]);
        await app.ExecuteAsync("UPDATE besluit SET mirror = 'pending' WHERE uuid = @uuid", new { uuid });
        await app.GetAsync(url);
        var list = JsonNode.Parse(await (await app.Client().GetAsync(Path + "?identificatie=" + besluit["identificatie"]!.GetValue<string>()))
            .Content.ReadAsStringAsync())!;
        Assert.Equal(0, list["count"]!.GetValue<int>());
        await ProblemAssert.IsProblemAsync((await app.Client().SendJsonAsync(HttpMethod.Patch, BesluitenApp.PathOf(url), new { toelichting = "x" })).Response,
            HttpStatusCode.NotFound, "not_found");
        await app.ExecuteAsync("UPDATE besluit SET mirror = 'done' WHERE uuid = @uuid", new { uuid });
    }

    [Fact]
    public async Task Brc009_Delete_RemovesBiosTheirOiosAndTheZaakbesluit()
    {
        var stub = new BronnenStub(app);
        var zaak = stub.Zaak(app.Zaaktype);
        var url = BesluitenApp.Url(await app.CreateBesluitAsync(zaak: zaak));
        var bio1 = BesluitenApp.Url(await app.CreateBioAsync(url, stub.Document(app.Iot)));
        await app.CreateBioAsync(url, stub.Document(app.Iot));
        Assert.Equal(2, stub.Oios.Count);
        Assert.Single(stub.Zaakbesluiten);

        var response = await app.Client(BesluitenApp.Behandelaar).DeleteAsync(BesluitenApp.PathOf(url));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(stub.Oios);
        Assert.Empty(stub.Zaakbesluiten);
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM besluitinformatieobject b JOIN besluit s ON s.id = b.besluit_id WHERE s.uuid = @uuid",
            new { uuid = Guid.Parse(url[^36..]) }));
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE hoofd_object = @url", new { url }));
        await ProblemAssert.IsProblemAsync(await app.Client().GetAsync(BesluitenApp.PathOf(bio1)), HttpStatusCode.NotFound, "not_found");
        var last = (await app.NotificationsAsync(url)).Last();
        Assert.Equal(("besluit", "destroy"), (last["resource"]!.GetValue<string>(), last["actie"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Brc009_ZaakbesluitDeleteFails_Is400PendingRelations_BesluitKept()
    {
        var stub = new BronnenStub(app);
        var url = BesluitenApp.Url(await app.CreateBesluitAsync(zaak: stub.Zaak(app.Zaaktype)));
        stub.ZaakbesluitDeleteFailure = 500;
        await ProblemAssert.IsProblemAsync(await app.Client().DeleteAsync(BesluitenApp.PathOf(url)), HttpStatusCode.BadRequest, "invalid",
            "nonFieldErrors", "pending-relations");
        await app.GetAsync(url);
        Assert.Single(stub.Zaakbesluiten);
        Assert.DoesNotContain(await app.NotificationsAsync(url), n => n["actie"]!.GetValue<string>() == "destroy");
        stub.ZaakbesluitDeleteFailure = null;
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client().DeleteAsync(BesluitenApp.PathOf(url))).StatusCode);
    }

    [Fact]
    public async Task Brc009_OioDeleteFails_Is400PendingRelations_BesluitAndBioKept()
    {
        var stub = new BronnenStub(app);
        var url = BesluitenApp.Url(await app.CreateBesluitAsync());
        var bio = BesluitenApp.Url(await app.CreateBioAsync(url, stub.Document(app.Iot)));
        stub.OioDeleteFailure = 500;
        await ProblemAssert.IsProblemAsync(await app.Client().DeleteAsync(BesluitenApp.PathOf(url)), HttpStatusCode.BadRequest, "invalid",
            "nonFieldErrors", "pending-relations");
        await app.GetAsync(url);
        await app.GetAsync(bio);
    }

    [Fact]
    public async Task Reconciler_FinishesOrUndoesHalfDoneBesluitenAndBios()
    {
        var stub = new BronnenStub(app);
        // a besluit whose zaakbesluit was made but whose 'done' was lost (crash): finished, with audit + notification
        var made = BesluitenApp.Url(await app.CreateBesluitAsync(zaak: stub.Zaak(app.Zaaktype)));
        await app.ExecuteAsync("UPDATE besluit SET mirror = 'pending', zaakbesluit = NULL WHERE uuid = @u", new { u = Uuid(made) });
        // a besluit whose zaakbesluit never came: undone
        var lost = BesluitenApp.Url(await app.CreateBesluitAsync());
        await app.ExecuteAsync("UPDATE besluit SET mirror = 'pending', zaak = @zaak WHERE uuid = @u", new { u = Uuid(lost), zaak = stub.Zaak(app.Zaaktype) });
        // a besluit whose destroy was interrupted: finished (zaakbesluit removed)
        var removing = BesluitenApp.Url(await app.CreateBesluitAsync(zaak: stub.Zaak(app.Zaaktype)));
        await app.ExecuteAsync("UPDATE besluit SET mirror = 'removing' WHERE uuid = @u", new { u = Uuid(removing) });
        // a besluitinformatieobject whose OIO never came: undone; one whose delete was interrupted: finished
        var besluit = BesluitenApp.Url(await app.CreateBesluitAsync());
        var pendingBio = Guid.NewGuid();
        await app.ExecuteAsync("""
            INSERT INTO besluitinformatieobject (uuid, besluit_id, informatieobject, mirror)
            SELECT @pendingBio, id, @document, 'pending' FROM besluit WHERE uuid = @u
            """, new { pendingBio, document = stub.Document(app.Iot), u = Uuid(besluit) });
        var removingBio = BesluitenApp.Url(await app.CreateBioAsync(besluit, stub.Document(app.Iot)));
        await app.ExecuteAsync("UPDATE besluitinformatieobject SET mirror = 'removing' WHERE uuid = @u", new { u = Uuid(removingBio) });
        Assert.Equal(2, stub.Zaakbesluiten.Count);

        Assert.True(await app.Service<BesluitinformatieobjectMirror>().ReconcileAsync(CancellationToken.None) >= 2);
        Assert.True(await app.Service<BesluitMirror>().ReconcileAsync(CancellationToken.None) >= 3);

        Assert.Equal("done", await app.QueryAsync<string>("SELECT mirror FROM besluit WHERE uuid = @u", new { u = Uuid(made) }));
        Assert.NotNull(await app.QueryAsync<string>("SELECT zaakbesluit FROM besluit WHERE uuid = @u", new { u = Uuid(made) }));
        Assert.Equal(2, (await app.NotificationsAsync(made)).Count(n => n["actie"]!.GetValue<string>() == "create"));
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM besluit WHERE uuid = ANY(@u)", new { u = new[] { Uuid(lost), Uuid(removing) } }));
        Assert.Equal(made, Assert.Single(stub.Zaakbesluiten)["besluit"]!.GetValue<string>());
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM besluitinformatieobject WHERE uuid = ANY(@u)",
            new { u = new[] { pendingBio, Uuid(removingBio) } }));
        Assert.Empty(stub.Oios);
    }

    private static Guid Uuid(string url) => Guid.Parse(url[^36..]);
}
