using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// GET/HEAD /enkelvoudiginformatieobjecten[/{uuid}] and …/download: the latest version in lists, any version on detail and
/// download (D6), content streamed (D7), HTTP caching (G7), list filters (G3/G4) and object-level autorisatie (A8).
/// Versions other than 1 are added in the database here (PUT/PATCH come in a later stage).
/// </summary>
[Collection(DocumentenCollection.Name)]
public sealed class EnkelvoudiginformatieobjectLezenTests(DocumentenApp app)
{
    private const string Documenten = "/documenten/api/v1/enkelvoudiginformatieobjecten";

    [Fact]
    public async Task Detail_IsTheLatestVersion_WithETag_HeadHasNoBody_IfNoneMatchIs304()
    {
        var created = await app.CreateDocumentAsync(app.A);
        var path = DocumentenApp.PathOf(DocumentenApp.Url(created));
        var response = await app.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(EnkelvoudiginformatieobjectTests.OasVelden, document.Select(p => p.Key).ToArray());
        created.Remove("lock");
        Assert.True(JsonNode.DeepEquals(created, document), $"{created}\n{document}");
        await ETagAssert.HeadAndNotModifiedAsync(app.Client(), path, response.Headers.ETag!);
    }

    [Fact]
    public async Task Detail_UnknownIs404_ForbiddenIs403_UnknownParameterIs400()
    {
        var (missing, _) = await app.Client().SendJsonAsync(HttpMethod.Get, $"{Documenten}/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");

        // beperkt reads B only up to openbaar; B's documents are zaakvertrouwelijk.
        var geheim = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk");
        var (forbidden, _) = await app.Client(DocumentenApp.Beperkt).SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(geheim)));
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "permission_denied");
        var (otherType, _) = await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(geheim)));
        await ProblemAssert.IsProblemAsync(otherType, HttpStatusCode.Forbidden, "permission_denied");
        var (noScope, _) = await app.Client(DocumentenApp.Buitenstaander).SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(geheim)));
        await ProblemAssert.IsProblemAsync(noScope, HttpStatusCode.Forbidden, "permission_denied");

        var (unknown, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(geheim)) + "?foo=1");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
        var (badVersie, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(geheim)) + "?versie=een");
        await ProblemAssert.IsProblemAsync(badVersie, HttpStatusCode.BadRequest, "invalid", "versie", "invalid");
        var (badMoment, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(geheim)) + "?registratieOp=gisteren");
        await ProblemAssert.IsProblemAsync(badMoment, HttpStatusCode.BadRequest, "invalid", "registratieOp", "invalid");
    }

    [Fact]
    public async Task D6_VersieAndRegistratieOp_SelectAVersion_OnDetailAndDownload_TheListShowsTheLatest()
    {
        var created = await app.CreateDocumentAsync(app.A, change: b => b["titel"] = "Versie een");
        var url = DocumentenApp.Url(created);
        var path = DocumentenApp.PathOf(url);
        var identificatie = created["identificatie"]!.GetValue<string>();
        var eersteRegistratie = created["beginRegistratie"]!.GetValue<string>();
        await AddVersion2Async(identificatie, "Versie twee");

        var latest = await app.GetAsync(url);
        Assert.Equal(2, latest["versie"]!.GetValue<int>());
        Assert.Equal("Versie twee", latest["titel"]!.GetValue<string>());
        Assert.Null(latest["inhoud"]);
        Assert.Equal(url, DocumentenApp.Url(latest));

        var first = await app.GetAsync(url + "?versie=1");
        Assert.Equal("Versie een", first["titel"]!.GetValue<string>());
        Assert.Equal(url + "/download?versie=1", first["inhoud"]!.GetValue<string>());

        var atFirst = await app.GetAsync(url + "?registratieOp=" + Uri.EscapeDataString(eersteRegistratie));
        Assert.Equal(1, atFirst["versie"]!.GetValue<int>());
        var now = await app.GetAsync(url + "?registratieOp=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O")));
        Assert.Equal(2, now["versie"]!.GetValue<int>());

        var (before, _) = await app.Client().SendJsonAsync(HttpMethod.Get, path + "?registratieOp=2000-01-01T00:00:00Z");
        await ProblemAssert.IsProblemAsync(before, HttpStatusCode.NotFound, "not_found");
        var (noSuchVersion, _) = await app.Client().SendJsonAsync(HttpMethod.Get, path + "?versie=3");
        await ProblemAssert.IsProblemAsync(noSuchVersion, HttpStatusCode.NotFound, "not_found");

        var download = await app.Client().GetAsync(path + "/download?versie=1");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Convert.FromBase64String((string)DocumentenApp.DocumentBody(app.A)["inhoud"]!), await download.Content.ReadAsByteArrayAsync());
        var (noContent, _) = await app.Client().SendJsonAsync(HttpMethod.Get, path + "/download");
        await ProblemAssert.IsProblemAsync(noContent, HttpStatusCode.NotFound, "not_found");

        var list = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?identificatie={identificatie}");
        var only = Assert.Single(list["results"]!.AsArray())!;
        Assert.Equal(2, only["versie"]!.GetValue<int>());
    }

    [Fact]
    public async Task Download_StreamsTheContent_AsOctetStream_WithTheBestandsnaam()
    {
        var bytes = new byte[200_000];
        Random.Shared.NextBytes(bytes);
        var document = await app.CreateDocumentAsync(app.A, change: b => { b["inhoud"] = Convert.ToBase64String(bytes); b["bestandsnaam"] = "foto.bin"; });
        var response = await app.Client().GetAsync(DocumentenApp.PathOf(document["inhoud"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("foto.bin", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());

        using var json = new HttpRequestMessage(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(document)) + "/download");
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
        Assert.Equal(HttpStatusCode.OK, (await app.Client().SendAsync(json)).StatusCode);
    }

    [Fact]
    public async Task Download_UnknownIs404_ForbiddenIs403_NoContentIs404()
    {
        var (missing, _) = await app.Client().SendJsonAsync(HttpMethod.Get, $"{Documenten}/{Guid.NewGuid()}/download");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");

        var geheim = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "zaakvertrouwelijk");
        var (forbidden, _) = await app.Client(DocumentenApp.Beperkt).SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(geheim)) + "/download");
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "permission_denied");

        var upload = await app.CreateDocumentAsync(app.A, change: b => { b["inhoud"] = null; b["bestandsomvang"] = 5; });
        var (empty, _) = await app.Client().SendJsonAsync(HttpMethod.Get, DocumentenApp.PathOf(DocumentenApp.Url(upload)) + "/download");
        await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task List_FiltersOnIdentificatieBronorganisatieAndTrefwoorden_NewestFirst()
    {
        var woord = CatalogiSeeder.Unique("woord-");
        var eerste = await app.CreateDocumentAsync(app.A, change: b => b["trefwoorden"] = new[] { woord, "a" });
        var tweede = await app.CreateDocumentAsync(app.A, change: b => b["trefwoorden"] = new[] { "b", woord });
        var derde = await app.CreateDocumentAsync(app.A, change: b => { b["trefwoorden"] = new[] { woord + "-x" }; b["bronorganisatie"] = "002220647"; });

        var byWoord = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?trefwoorden={woord},andere");
        Assert.Equal(2, byWoord["count"]!.GetValue<int>());
        Assert.Equal([DocumentenApp.Url(tweede), DocumentenApp.Url(eerste)], byWoord["results"]!.AsArray().Select(r => DocumentenApp.Url(r!.AsObject())));
        Assert.Null(byWoord["next"]);
        Assert.Null(byWoord["previous"]);

        var identificatie = eerste["identificatie"]!.GetValue<string>();
        var byIdentificatie = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?identificatie={identificatie}");
        Assert.Equal(DocumentenApp.Url(eerste), DocumentenApp.Url(Assert.Single(byIdentificatie["results"]!.AsArray())!.AsObject()));

        var byBron = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?bronorganisatie=002220647&trefwoorden={woord}-x");
        Assert.Equal(DocumentenApp.Url(derde), DocumentenApp.Url(Assert.Single(byBron["results"]!.AsArray())!.AsObject()));
    }

    [Fact]
    public async Task List_ShowsOnlyAuthorisedTypesUpToTheirMaximumVertrouwelijkheid_CountIncluded()
    {
        var woord = CatalogiSeeder.Unique("autorisatie-");
        void Tag(Dictionary<string, object?> b) => b["trefwoorden"] = new[] { woord };
        var aOpenbaar = await app.CreateDocumentAsync(app.A, change: Tag, vertrouwelijkheid: "openbaar");
        var aZaakvertrouwelijk = await app.CreateDocumentAsync(app.A, change: Tag, vertrouwelijkheid: "zaakvertrouwelijk");
        await app.CreateDocumentAsync(app.A, change: Tag, vertrouwelijkheid: "geheim");
        var bOpenbaar = await app.CreateDocumentAsync(app.B, change: Tag, vertrouwelijkheid: "openbaar");
        await app.CreateDocumentAsync(app.B, change: Tag, vertrouwelijkheid: "intern");
        await app.CreateDocumentAsync(app.C, change: Tag);

        var beperkt = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?trefwoorden={woord}", DocumentenApp.Beperkt);
        Assert.Equal(3, beperkt["count"]!.GetValue<int>());
        Assert.Equal([DocumentenApp.Url(bOpenbaar), DocumentenApp.Url(aZaakvertrouwelijk), DocumentenApp.Url(aOpenbaar)],
            beperkt["results"]!.AsArray().Select(r => DocumentenApp.Url(r!.AsObject())));

        var beheerder = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?trefwoorden={woord}");
        Assert.Equal(6, beheerder["count"]!.GetValue<int>());

        var (noScope, _) = await app.Client(DocumentenApp.Buitenstaander).SendJsonAsync(HttpMethod.Get, $"{Documenten}?trefwoorden={woord}");
        await ProblemAssert.IsProblemAsync(noScope, HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task List_UnknownParameterIs400_PageBeyondTheLastIs404_PagesLinkAbsolute()
    {
        var (unknown, _) = await app.Client().SendJsonAsync(HttpMethod.Get, $"{Documenten}?titel=x");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");

        var woord = CatalogiSeeder.Unique("pagina-");
        for (var i = 0; i < 3; i++)
            await app.CreateDocumentAsync(app.A, change: b => b["trefwoorden"] = new[] { woord });
        var first = await app.GetAsync($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?trefwoorden={woord}&pageSize=2");
        Assert.Equal(3, first["count"]!.GetValue<int>());
        Assert.Equal($"{DocumentenApp.ApiRoot}/enkelvoudiginformatieobjecten?trefwoorden={woord}&pageSize=2&page=2", first["next"]!.GetValue<string>());
        var (beyond, _) = await app.Client().SendJsonAsync(HttpMethod.Get, $"{Documenten}?trefwoorden={woord}&pageSize=2&page=3");
        await ProblemAssert.IsProblemAsync(beyond, HttpStatusCode.NotFound, "not_found");
    }

    /// <summary>Adds version 2 (without content) as an update will, through the shared version table.</summary>
    private async Task AddVersion2Async(string identificatie, string titel)
    {
        await Task.Delay(5);
        await app.QueryAsync<int>("""
            WITH d AS (UPDATE enkelvoudiginformatieobject SET versie = 2 WHERE identificatie = @identificatie RETURNING id)
            INSERT INTO enkelvoudiginformatieobject_versie (document_id, versie, begin_registratie, gegevens)
            SELECT v.document_id, 2, now(), jsonb_set(v.gegevens, '{titel}', to_jsonb(@titel::text))
            FROM enkelvoudiginformatieobject_versie v JOIN d ON d.id = v.document_id WHERE v.versie = 1
            """, new { identificatie, titel });
    }
}
