using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>POST /enkelvoudiginformatieobjecten and its rules (zgw-rules §D: D1, D3, D4, D5, D7, D10; identificatie).</summary>
[Collection(DocumentenCollection.Name)]
public sealed class EnkelvoudiginformatieobjectTests(DocumentenApp app)
{
    private const string Documenten = "/documenten/api/v1/enkelvoudiginformatieobjecten";
    private static readonly byte[] Inhoud = Encoding.UTF8.GetBytes("Er ligt een stoeptegel los op de hoek.");
    private static readonly string InhoudBase64 = Convert.ToBase64String(Inhoud);

    /// <summary>Every property of the OAS EnkelvoudigInformatieObject schema (there is no uuid).</summary>
    public static readonly string[] OasVelden =
    [
        "url", "identificatie", "bronorganisatie", "creatiedatum", "titel", "vertrouwelijkheidaanduiding", "auteur", "status",
        "inhoudIsVervallen", "formaat", "taal", "versie", "beginRegistratie", "bestandsnaam", "inhoud", "bestandsomvang", "link",
        "beschrijving", "ontvangstdatum", "verzenddatum", "indicatieGebruiksrecht", "verschijningsvorm", "ondertekening", "integriteit",
        "informatieobjecttype", "locked", "bestandsdelen", "trefwoorden",
    ];

    [Fact]
    public async Task Create_Answers201_WithTheFullDocument_ContentInTheStore_AuditAndNotification()
    {
        var body = DocumentenApp.DocumentBody(app.A, InhoudBase64);
        body["trefwoorden"] = new[] { "stoep", "melding" };
        var (response, json) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, body, toelichting: "Aangemaakt door test");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = json!.AsObject();
        var url = DocumentenApp.Url(document);
        Assert.Equal(url, response.Headers.Location?.ToString());
        Assert.StartsWith(DocumentenApp.ApiRoot + "/enkelvoudiginformatieobjecten/", url);
        Assert.Equal([.. OasVelden, "lock"], document.Select(p => p.Key).ToArray());
        Assert.Equal(1, document["versie"]!.GetValue<int>());
        Assert.Equal(url + "/download?versie=1", document["inhoud"]!.GetValue<string>());
        Assert.Equal(Inhoud.Length, document["bestandsomvang"]!.GetValue<long>());
        Assert.False(document["locked"]!.GetValue<bool>());
        Assert.Equal("", document["lock"]!.GetValue<string>());
        Assert.Empty(document["bestandsdelen"]!.AsArray());
        Assert.Null(document["indicatieGebruiksrecht"]);
        Assert.Equal("", document["ondertekening"]!["soort"]!.GetValue<string>());
        Assert.Equal(["stoep", "melding"], document["trefwoorden"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(document["beginRegistratie"]!.GetValue<string>()) < TimeSpan.FromMinutes(1));

        var key = await app.QueryAsync<string>("SELECT v.inhoud FROM enkelvoudiginformatieobject_versie v JOIN enkelvoudiginformatieobject d ON d.id = v.document_id WHERE d.identificatie = @i",
            new { i = document["identificatie"]!.GetValue<string>() });
        Assert.Equal(Inhoud, await File.ReadAllBytesAsync(Path.Combine(app.StoragePath, key!)));

        var created = Assert.Single(await app.NotificationsAsync(url));
        Assert.Equal("documenten", created["kanaal"]!.GetValue<string>());
        Assert.Equal("enkelvoudiginformatieobject", created["resource"]!.GetValue<string>());
        Assert.Equal(url, created["resourceUrl"]!.GetValue<string>());
        Assert.Equal("create", created["actie"]!.GetValue<string>());
        var kenmerken = created["kenmerken"]!.AsObject();
        Assert.Equal(DocumentenApp.Bronorganisatie, kenmerken["bronorganisatie"]!.GetValue<string>());
        Assert.Equal(app.A, kenmerken["informatieobjecttype"]!.GetValue<string>());
        Assert.Equal("openbaar", kenmerken["vertrouwelijkheidaanduiding"]!.GetValue<string>());

        Assert.Equal("Aangemaakt door test",
            await app.QueryAsync<string>("SELECT toelichting FROM audittrail WHERE hoofd_object = @url AND actie = 'create' AND bron = 'drc'", new { url }));
    }

    [Fact]
    public async Task Identificatie_IsGeneratedAsDocumentYearNumber_UniquePerBronorganisatie_EvenConcurrently()
    {
        var documenten = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.CreateDocumentAsync(app.A)));
        var identificaties = documenten.Select(d => d["identificatie"]!.GetValue<string>()).ToList();
        Assert.All(identificaties, i => Assert.Matches(@"^DOCUMENT-2024-\d{10}$", i));
        Assert.Equal(identificaties.Count, identificaties.Distinct().Count());

        var body = DocumentenApp.DocumentBody(app.A);
        body["identificatie"] = identificaties[0];
        var files = app.StoredFiles().Count;
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "identificatie", "identificatie-niet-uniek");
        Assert.Equal(files, app.StoredFiles().Count); // the content written before the failed transaction is removed again

        body["bronorganisatie"] = "002220647"; // another organisation may use the same identificatie
        var (other, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, body);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Drc001_InformatieobjecttypeMustResolve_BeAnInformatieobjecttype_AndBePublished_NothingStored()
    {
        var files = app.StoredFiles().Count;
        var (unknown, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten,
            DocumentenApp.DocumentBody($"{DocumentenApp.PublicBase}/catalogi/api/v1/informatieobjecttypen/{Guid.NewGuid()}"));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid", "informatieobjecttype", "bad-url");

        var (elders, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, DocumentenApp.DocumentBody("https://elders.example.com/iot/1"));
        await ProblemAssert.IsProblemAsync(elders, HttpStatusCode.BadRequest, "invalid", "informatieobjecttype", "bad-url");

        var (catalogus, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, DocumentenApp.DocumentBody(app.Catalogus));
        await ProblemAssert.IsProblemAsync(catalogus, HttpStatusCode.BadRequest, "invalid", "informatieobjecttype", "invalid-resource");

        var concept = await app.Seed.InformatieobjecttypeAsync(app.Catalogus, publish: false);
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, DocumentenApp.DocumentBody(concept));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "informatieobjecttype", "not-published");
        Assert.Equal(0, await app.QueryAsync<long>("SELECT count(*) FROM enkelvoudiginformatieobject WHERE informatieobjecttype = @concept", new { concept }));
        Assert.Equal(files, app.StoredFiles().Count);
    }

    [Theory]
    [InlineData("in_bewerking")]
    [InlineData("ter_vaststelling")]
    public async Task Drc005_OntvangstdatumVerbiedtStatusInBewerkingEnTerVaststelling(string status)
    {
        var body = DocumentenApp.DocumentBody(app.A);
        body["ontvangstdatum"] = "2024-03-02";
        body["status"] = status;
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "status", "invalid_for_received");

        body["status"] = "definitief";
        var (ok, json) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, body);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal("2024-03-02", json!["ontvangstdatum"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drc006_IndicatieGebruiksrechtTrueOnCreate_Is400MissingGebruiksrechten_FalseIsKept()
    {
        var body = DocumentenApp.DocumentBody(app.A);
        body["indicatieGebruiksrecht"] = true;
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "indicatieGebruiksrecht", "missing-gebruiksrechten");

        var document = await app.CreateDocumentAsync(app.A, change: b => b["indicatieGebruiksrecht"] = false);
        Assert.False(document["indicatieGebruiksrecht"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Drc007_VertrouwelijkheidaanduidingDefaultsToTheInformatieobjecttypes(string? given)
    {
        var document = await app.CreateDocumentAsync(app.B, change: b => b["vertrouwelijkheidaanduiding"] = given);
        Assert.Equal("zaakvertrouwelijk", document["vertrouwelijkheidaanduiding"]!.GetValue<string>());
        var notification = Assert.Single(await app.NotificationsAsync(DocumentenApp.Url(document)));
        Assert.Equal("zaakvertrouwelijk", notification["kenmerken"]!["vertrouwelijkheidaanduiding"]!.GetValue<string>());

        var explicit_ = await app.CreateDocumentAsync(app.B, vertrouwelijkheid: "geheim");
        Assert.Equal("geheim", explicit_["vertrouwelijkheidaanduiding"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("aGFsbG8*d2VyZWxk", "invalid-base64")]
    [InlineData("aGFsbG8gd2VyZWx", "incorrect-base64-padding")]
    [InlineData("aGFsbG8=d2VyZWxk", "incorrect-base64-padding")]
    public async Task D7_InhoudMustBeValidBase64(string inhoud, string code)
    {
        var files = app.StoredFiles().Count;
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, DocumentenApp.DocumentBody(app.A, inhoud));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "inhoud", code);
        Assert.Equal(files, app.StoredFiles().Count);
    }

    [Fact]
    public async Task D7_DataUriPrefixIsAccepted()
    {
        var document = await app.CreateDocumentAsync(app.A, change: b => b["inhoud"] = "data:text/plain;base64," + InhoudBase64);
        Assert.Equal(Inhoud.Length, document["bestandsomvang"]!.GetValue<long>());
    }

    [Fact]
    public async Task D7_BestandsomvangIsDerived_AndAMismatchIs400FileSize_NothingStored()
    {
        var matching = await app.CreateDocumentAsync(app.A, change: b => { b["inhoud"] = InhoudBase64; b["bestandsomvang"] = Inhoud.Length; });
        Assert.Equal(Inhoud.Length, matching["bestandsomvang"]!.GetValue<long>());

        var files = app.StoredFiles().Count;
        var body = DocumentenApp.DocumentBody(app.A, InhoudBase64);
        body["bestandsomvang"] = Inhoud.Length + 1;
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "file-size");
        Assert.Equal(files, app.StoredFiles().Count);
    }

    [Fact]
    public async Task D7_WithoutInhoud_TheDocumentHasNoContent()
    {
        var document = await app.CreateDocumentAsync(app.A, change: b => b["inhoud"] = null);
        Assert.Null(document["inhoud"]);
        Assert.Null(document["bestandsomvang"]);
        Assert.False(document["locked"]!.GetValue<bool>());

        var zero = await app.CreateDocumentAsync(app.A, change: b => { b["inhoud"] = null; b["bestandsomvang"] = 0; });
        Assert.Null(zero["inhoud"]);
        Assert.Equal(0, zero["bestandsomvang"]!.GetValue<long>());
        Assert.Empty(zero["bestandsdelen"]!.AsArray());
    }

    [Fact]
    public async Task D10_BestandsomvangWithoutInhoud_LocksTheDocument_AndReturnsTheBestandsdelen()
    {
        var document = await app.CreateDocumentAsync(app.A, change: b => { b["inhoud"] = null; b["bestandsomvang"] = 25; });
        var lockId = document["lock"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", lockId);
        Assert.True(document["locked"]!.GetValue<bool>());
        Assert.Null(document["inhoud"]);
        Assert.Equal(25, document["bestandsomvang"]!.GetValue<long>());
        var delen = document["bestandsdelen"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal([1, 2, 3], delen.Select(d => d["volgnummer"]!.GetValue<int>()));
        Assert.Equal([10L, 10L, 5L], delen.Select(d => d["omvang"]!.GetValue<long>()));
        Assert.All(delen, d => Assert.False(d["voltooid"]!.GetValue<bool>()));
        Assert.All(delen, d => Assert.Equal(lockId, d["lock"]!.GetValue<string>()));
        Assert.All(delen, d => Assert.StartsWith(DocumentenApp.ApiRoot + "/bestandsdelen/", d["url"]!.GetValue<string>()));

        // The lock id is only in the create answer (D9); a read shows locked and the parts without it.
        var read = await app.GetAsync(DocumentenApp.Url(document));
        Assert.True(read["locked"]!.GetValue<bool>());
        Assert.False(read.ContainsKey("lock"));
        Assert.Equal(3, read["bestandsdelen"]!.AsArray().Count);
        Assert.DoesNotContain(lockId, read.ToJsonString());
    }

    [Fact]
    public async Task Create_RequiredFieldsAndFormats_Are400WithEveryField()
    {
        var (response, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten, new Dictionary<string, object?>
        {
            ["bronorganisatie"] = "123456789",
            ["taal"] = "nl",
            ["status"] = "klaar",
            ["bestandsomvang"] = -1,
            ["link"] = "geen url",
            ["ondertekening"] = new { soort = "stempel", datum = "2024-01-01" },
        });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid");
        var fouten = problem.GetProperty("invalidParams").EnumerateArray()
            .Select(p => $"{p.GetProperty("name").GetString()}:{p.GetProperty("code").GetString()}").ToHashSet();
        foreach (var expected in new[] { "bronorganisatie:invalid", "creatiedatum:required", "titel:required", "auteur:required", "taal:min_length",
                     "status:invalid_choice", "bestandsomvang:min_value", "link:invalid", "ondertekening.soort:invalid_choice", "informatieobjecttype:required" })
            Assert.Contains(expected, fouten);
    }

    [Fact]
    public async Task Create_WithoutScopeOrTypeOrAboveTheMaximumVertrouwelijkheid_Is403_AndWithoutTokenToo()
    {
        var (geenScope, _) = await app.Client(DocumentenApp.Buitenstaander).SendJsonAsync(HttpMethod.Post, Documenten, DocumentenApp.DocumentBody(app.A));
        await ProblemAssert.IsProblemAsync(geenScope, HttpStatusCode.Forbidden, "permission_denied");

        var (anderType, _) = await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Post, Documenten, DocumentenApp.DocumentBody(app.B));
        await ProblemAssert.IsProblemAsync(anderType, HttpStatusCode.Forbidden, "permission_denied");

        var (teGeheim, _) = await app.Client(DocumentenApp.Aanmaker).SendJsonAsync(HttpMethod.Post, Documenten,
            DocumentenApp.DocumentBody(app.A, vertrouwelijkheid: "vertrouwelijk"));
        await ProblemAssert.IsProblemAsync(teGeheim, HttpStatusCode.Forbidden, "permission_denied");

        var (anoniem, _) = await app.Anonymous().SendJsonAsync(HttpMethod.Post, Documenten, DocumentenApp.DocumentBody(app.A));
        await ProblemAssert.IsProblemAsync(anoniem, HttpStatusCode.Forbidden, "not_authenticated");

        var allowed = await app.CreateDocumentAsync(app.A, DocumentenApp.Aanmaker, vertrouwelijkheid: "zaakvertrouwelijk");
        Assert.Equal(app.A, allowed["informatieobjecttype"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithAQueryParameterOrAWrongContentType_IsRefused()
    {
        var (query, _) = await app.Client().SendJsonAsync(HttpMethod.Post, Documenten + "?foo=bar", DocumentenApp.DocumentBody(app.A));
        await ProblemAssert.IsProblemAsync(query, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");

        var response = await app.Client().PostAsync(Documenten, new StringContent("titel=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task OfficialOas_IsServedAsJson()
    {
        var response = await app.Anonymous().GetAsync("/documenten/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var oas = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("1.5.0", oas["info"]!["version"]!.GetValue<string>());
        Assert.Equal(DocumentenApp.ApiRoot, oas["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("1.5.0", response.Headers.GetValues("API-version").Single());
    }
}
