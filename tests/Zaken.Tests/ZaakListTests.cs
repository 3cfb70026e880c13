using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>GET /zaken and POST /zaken/_zoek: filters, ordering, paging, autorisatie inside the query, expand.</summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakListTests(ZakenApp app)
{
    private const string Zaken = "/zaken/api/v1/zaken";

    /// <summary>A valid RSIN (elfproef) nobody else uses, so a test can filter on its own zaken in the shared database.</summary>
    public static string NieuweBronorganisatie()
    {
        while (true)
        {
            var digits = Guid.NewGuid().ToByteArray().Take(8).Select(b => b % 10).ToArray();
            var sum = digits.Select((d, i) => d * (9 - i)).Sum();
            var check = sum % 11;
            if (check < 10)
                return string.Concat(digits) + check;
        }
    }

    private async Task<JsonObject> ZaakAsync(string bron, string zaaktype, string vertrouwelijkheid = "openbaar", string startdatum = "2024-03-01",
        Action<Dictionary<string, object?>>? change = null) =>
        await app.CreateZaakAsync(zaaktype, vertrouwelijkheid: vertrouwelijkheid, change: b =>
        {
            b["bronorganisatie"] = bron;
            b["startdatum"] = startdatum;
            change?.Invoke(b);
        });

    private async Task<JsonObject> ListAsync(string query, string clientId = ZakenApp.Beheerder)
    {
        var response = await app.Zaken(clientId).GetAsync($"{Zaken}?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static List<string> Urls(JsonObject page) => page["results"]!.AsArray().Select(z => z!["url"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task AutorisatieFilter_ClientLimitedToZaaktypenAndCeiling_SeesTheRightCountNextAndContents_AcrossPages()
    {
        var bron = NieuweBronorganisatie();
        var visible = new List<string>();
        foreach (var (type, level, seen) in new[]
                 {
                     (app.A.Url, "openbaar", true), (app.A.Url, "openbaar", true), (app.A.Url, "openbaar", true),
                     (app.A.Url, "zaakvertrouwelijk", true), (app.A.Url, "zaakvertrouwelijk", true),
                     (app.A.Url, "geheim", false), (app.A.Url, "geheim", false),
                     (app.B.Url, "openbaar", true), (app.B.Url, "openbaar", true),
                     (app.B.Url, "intern", false), (app.B.Url, "intern", false),
                     (app.C.Url, "openbaar", false), (app.C.Url, "openbaar", false),
                 })
        {
            var zaak = await ZaakAsync(bron, type, level);
            if (seen)
                visible.Add(ZakenApp.Url(zaak));
        }

        var collected = new List<string>();
        string? next = $"{ZakenApp.ApiRoot}/zaken?bronorganisatie={bron}&pageSize=2";
        var pages = 0;
        while (next is not null)
        {
            var page = await ListAsync(new Uri(next).Query.TrimStart('?'), ZakenApp.Beperkt);
            Assert.Equal(7, page["count"]!.GetValue<int>());
            collected.AddRange(Urls(page));
            next = page["next"]?.GetValue<string>();
            Assert.True(next is null || next.StartsWith(ZakenApp.ApiRoot + "/zaken?"), next);
            pages++;
        }
        Assert.Equal(4, pages);
        Assert.Equal(visible.Order(), collected.Order());
        Assert.Equal(13, (await ListAsync($"bronorganisatie={bron}", ZakenApp.Beheerder))["count"]!.GetValue<int>());
        var aanmaker = await ListAsync($"bronorganisatie={bron}", ZakenApp.Aanmaker); // lezen on A only, no ceiling below zeer_geheim
        Assert.Equal(7, aanmaker["count"]!.GetValue<int>());
        Assert.All(aanmaker["results"]!.AsArray(), z => Assert.Equal(app.A.Url, z!["zaaktype"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ZakenZoek_AppliesTheSameAutorisatieFilter()
    {
        var bron = NieuweBronorganisatie();
        await ZaakAsync(bron, app.A.Url, "geheim");
        var zichtbaar = await ZaakAsync(bron, app.A.Url, "openbaar");
        var (response, body) = await app.Zaken(ZakenApp.Beperkt).SendJsonAsync(HttpMethod.Post, Zaken + "/_zoek", new { bronorganisatie = bron });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body!["count"]!.GetValue<int>());
        Assert.Equal(ZakenApp.Url(zichtbaar), body["results"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Filters_DatesChoicesAndIn_SelectExactlyTheMatchingZaken()
    {
        var bron = NieuweBronorganisatie();
        var maart = await ZaakAsync(bron, app.A.Url, startdatum: "2024-03-01");
        var april = await ZaakAsync(bron, app.B.Url, startdatum: "2024-04-01", change: b => b["identificatie"] = "EIGEN-" + bron);
        var mei = await ZaakAsync(bron, app.A.Url, "vertrouwelijk", startdatum: "2024-05-01",
            change: b => b["archiefnominatie"] = "blijvend_bewaren");

        Assert.Equal([ZakenApp.Url(april), ZakenApp.Url(mei)], Urls(await ListAsync($"bronorganisatie={bron}&startdatum__gte=2024-04-01&ordering=startdatum")));
        Assert.Equal([ZakenApp.Url(maart)], Urls(await ListAsync($"bronorganisatie={bron}&startdatum__lt=2024-04-01")));
        Assert.Equal([ZakenApp.Url(april)], Urls(await ListAsync($"bronorganisatie={bron}&identificatie=EIGEN-{bron}")));
        Assert.Equal([ZakenApp.Url(mei)], Urls(await ListAsync($"bronorganisatie={bron}&archiefnominatie=blijvend_bewaren")));
        Assert.Equal([ZakenApp.Url(april)], Urls(await ListAsync($"bronorganisatie={bron}&zaaktype={app.B.Url}")));
        Assert.Equal(3, (await ListAsync($"bronorganisatie__in={bron},{ZakenApp.Bronorganisatie}&einddatum__isnull=true&startdatum__gte=2024-03-01&startdatum__lte=2024-05-01&bronorganisatie={bron}"))["count"]!.GetValue<int>());
        Assert.Equal([ZakenApp.Url(maart), ZakenApp.Url(april)],
            Urls(await ListAsync($"bronorganisatie={bron}&maximaleVertrouwelijkheidaanduiding=zaakvertrouwelijk&ordering=startdatum")));
        Assert.Equal([ZakenApp.Url(mei), ZakenApp.Url(april), ZakenApp.Url(maart)], Urls(await ListAsync($"bronorganisatie={bron}&ordering=-startdatum")));
    }

    [Fact]
    public async Task RolFilters_OnZaken_MatchTheBetrokkeneIdentificatie()
    {
        var bron = NieuweBronorganisatie();
        var met = await ZaakAsync(bron, app.A.Url);
        var zonder = await ZaakAsync(bron, app.A.Url);
        await InsertRolAsync(met, "natuurlijk_persoon", "initiator", new JsonObject { ["inpBsn"] = "123456782" });
        await InsertRolAsync(zonder, "medewerker", "behandelaar", new JsonObject { ["identificatie"] = "mw-1" });

        var gevonden = await ListAsync($"bronorganisatie={bron}&rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=123456782");
        Assert.Equal([ZakenApp.Url(met)], Urls(gevonden));
        // a page renders the related resources of each zaak (loaded for the whole page at once)
        var rolUrl = Assert.Single(gevonden["results"]![0]!["rollen"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith(ZakenApp.ApiRoot + "/rollen/", rolUrl);
        Assert.Equal((await app.GetAsync(ZakenApp.Url(met)))["rollen"]!.ToJsonString(), gevonden["results"]![0]!["rollen"]!.ToJsonString());
        Assert.Equal([ZakenApp.Url(zonder)], Urls(await ListAsync($"bronorganisatie={bron}&rol__betrokkeneIdentificatie__medewerker__identificatie=mw-1")));
        Assert.Empty(Urls(await ListAsync($"bronorganisatie={bron}&rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie=mw-1")));
        Assert.Equal([ZakenApp.Url(met)], Urls(await ListAsync($"bronorganisatie={bron}&rol__omschrijvingGeneriek=initiator")));
        Assert.Equal([ZakenApp.Url(zonder)], Urls(await ListAsync($"bronorganisatie={bron}&rol__betrokkeneType=medewerker")));
    }

    private async Task InsertRolAsync(JsonObject zaak, string type, string generiek, JsonObject identificatie) =>
        await app.QueryAsync<int>("""
            INSERT INTO rol (uuid, zaak_id, betrokkene_type, roltype, omschrijving, omschrijving_generiek, betrokkene_identificatie, gegevens)
            SELECT gen_random_uuid(), id, @type, @roltype, 'Rol', @generiek, CAST(@identificatie AS jsonb), '{}' FROM zaak WHERE uuid = @uuid
            RETURNING 1
            """, new { type, roltype = app.A.RoltypeInitiator, generiek, identificatie = identificatie.ToJsonString(), uuid = Guid.Parse(zaak["uuid"]!.GetValue<string>()) });

    [Fact]
    public async Task BadListQueries_Are400()
    {
        foreach (var (query, param) in new[]
                 {
                     ("onbekend=1", "nonFieldErrors"), ("startdatum__gte=gisteren", "startdatum__gte"), ("archiefstatus=weg", "archiefstatus"),
                     ("ordering=omschrijving", "ordering"), ("maximaleVertrouwelijkheidaanduiding=top", "maximaleVertrouwelijkheidaanduiding"),
                     ("page=0", "page"), ("einddatum__isnull=misschien", "einddatum__isnull"),
                 })
            await ProblemAssert.IsProblemAsync(await app.Zaken().GetAsync($"{Zaken}?{query}"), HttpStatusCode.BadRequest, "invalid", param);
        await ProblemAssert.IsProblemAsync(await app.Zaken().GetAsync($"{Zaken}?page=9999"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Z28_ZakenZoek_ZaakgeometrieWithin_UuidInAndZaaktypeIn()
    {
        var bron = NieuweBronorganisatie();
        var binnen = await ZaakAsync(bron, app.A.Url, change: b => b["zaakgeometrie"] = new { type = "Point", coordinates = new[] { 5.12, 52.09 } });
        var buiten = await ZaakAsync(bron, app.B.Url, change: b => b["zaakgeometrie"] = new { type = "Point", coordinates = new[] { 4.0, 51.0 } });
        var utrecht = new { type = "Polygon", coordinates = new[] { new[] { new[] { 5.0, 52.0 }, new[] { 5.3, 52.0 }, new[] { 5.3, 52.2 }, new[] { 5.0, 52.2 }, new[] { 5.0, 52.0 } } } };

        var (response, body) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken + "/_zoek",
            new { bronorganisatie = bron, zaakgeometrie = new { within = utrecht } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([ZakenApp.Url(binnen)], Urls(body!.AsObject()));

        var (byUuid, uuidBody) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken + "/_zoek",
            new { uuid__in = new[] { buiten["uuid"]!.GetValue<string>() }, zaaktype__in = new[] { app.A.Url, app.B.Url } });
        Assert.Equal(HttpStatusCode.OK, byUuid.StatusCode);
        Assert.Equal([ZakenApp.Url(buiten)], Urls(uuidBody!.AsObject()));

        var (unknown, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken + "/_zoek", new { onbekend = "x" });
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        var (badGeo, _) = await app.Zaken().SendJsonAsync(HttpMethod.Post, Zaken + "/_zoek", new { zaakgeometrie = new { within = new { type = "Polygon" } } });
        await ProblemAssert.IsProblemAsync(badGeo, HttpStatusCode.BadRequest, "invalid", "zaakgeometrie", "invalid");
    }

    [Fact]
    public async Task Expand_AddsZaaktypeHoofdzaakAndDeelzaken_InOneResponse()
    {
        var deeltype = await app.Seed.ZaaktypeAsync(app.A.Catalogus);
        var hoofdtype = await app.Seed.ZaaktypeAsync(app.A.Catalogus, change: b => b["deelzaaktypen"] = new[] { deeltype.Identificatie });
        var bron = NieuweBronorganisatie();
        var hoofdzaak = await ZaakAsync(bron, hoofdtype.Url);
        var deelzaak = await ZaakAsync(bron, deeltype.Url, change: b => b["hoofdzaak"] = ZakenApp.Url(hoofdzaak));

        var detail = await app.Zaken().GetAsync($"{ZakenApp.PathOf(ZakenApp.Url(deelzaak))}?expand=zaaktype,hoofdzaak.deelzaken");
        var json = JsonNode.Parse(await detail.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(deeltype.Url, json["_expand"]!["zaaktype"]!["url"]!.GetValue<string>());
        var expandedHoofdzaak = json["_expand"]!["hoofdzaak"]!;
        Assert.Equal(ZakenApp.Url(hoofdzaak), expandedHoofdzaak["url"]!.GetValue<string>());
        Assert.Equal(ZakenApp.Url(deelzaak), expandedHoofdzaak["_expand"]!["deelzaken"]![0]!["url"]!.GetValue<string>());

        var list = await ListAsync($"bronorganisatie={bron}&expand=zaaktype");
        Assert.All(list["results"]!.AsArray(), z => Assert.Equal(z!["zaaktype"]!.GetValue<string>(), z["_expand"]!["zaaktype"]!["url"]!.GetValue<string>()));

        await ProblemAssert.IsProblemAsync(await app.Zaken().GetAsync($"{Zaken}?expand=onbekend"), HttpStatusCode.NotFound, "not_found");
    }
}
