using System.Net;
using System.Net.Http.Json;
using Zgw.Testing;

namespace Autorisaties.Tests;

/// <summary>The rules of zgw-rules §A with their official ids and Open Zaak's codes; a refused write writes nothing.</summary>
[Collection(AutorisatiesCollection.Name)]
public sealed class ApplicatieRulesTests(AutorisatiesApp app)
{
    private const string Applicaties = "/autorisaties/api/v1/applicaties";

    private async Task AssertRefused(object body, string name, string code)
    {
        var before = await app.QueryAsync<long>("SELECT count(*) FROM applicatie");
        var response = await app.Client().PostAsJsonAsync(Applicaties, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", name, code);
        Assert.Equal(before, await app.QueryAsync<long>("SELECT count(*) FROM applicatie"));
    }

    [Fact]
    public async Task Ac001_ClientIdOfAnotherApplicatie_IsClientIdExists()
    {
        var clientId = AutorisatiesApp.NewClientId();
        await app.CreateApplicatieAsync(new { clientIds = new[] { clientId }, label = "eerste", heeftAlleAutorisaties = true });
        await AssertRefused(new { clientIds = new[] { "nieuw-" + clientId, clientId }, label = "tweede", heeftAlleAutorisaties = true },
            "clientIds", "clientId-exists");
    }

    [Fact]
    public async Task Ac001_UpdateMayKeepItsOwnClientIds_ButNotTakeAnothers()
    {
        var mine = AutorisatiesApp.NewClientId();
        var theirs = AutorisatiesApp.NewClientId();
        var created = await app.CreateApplicatieAsync(new { clientIds = new[] { mine }, label = "mijn", heeftAlleAutorisaties = true });
        await app.CreateApplicatieAsync(new { clientIds = new[] { theirs }, label = "hun", heeftAlleAutorisaties = true });
        var path = new Uri(created["url"]!.GetValue<string>()).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await app.Client().PatchAsJsonAsync(path, new { label = "nog steeds mijn" })).StatusCode);
        var response = await app.Client().PatchAsJsonAsync(path, new { clientIds = new[] { mine, theirs } });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "clientIds", "clientId-exists");
    }

    [Fact]
    public async Task Ac001_ConcurrentClaimsOfOneClientId_OnlyOneWins()
    {
        var clientId = AutorisatiesApp.NewClientId();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            app.Client().PostAsJsonAsync(Applicaties, new { clientIds = new[] { clientId }, label = $"race {i}", heeftAlleAutorisaties = true })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "invalid", "clientIds", "clientId-exists");
        Assert.Equal(1, await app.QueryAsync<long>("SELECT count(*) FROM applicatie WHERE @clientId = ANY(client_ids)", new { clientId }));
    }

    [Fact]
    public Task Ac002_BothAlleAutorisatiesAndAutorisaties_IsAmbiguous() =>
        AssertRefused(new { clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x", heeftAlleAutorisaties = true, autorisaties = new[] { AutorisatiesApp.Zrc() } },
            "nonFieldErrors", "ambiguous-authorizations-specified");

    [Fact]
    public Task Ac002_NeitherAlleAutorisatiesNorAutorisaties_IsMissing() =>
        AssertRefused(new { clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x", autorisaties = Array.Empty<object>() },
            "nonFieldErrors", "missing-authorizations");

    [Fact]
    public async Task Ac002_PatchThatEmptiesTheAutorisaties_IsMissing()
    {
        var created = await app.CreateApplicatieAsync(new { clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x", autorisaties = new[] { AutorisatiesApp.Zrc() } });
        var response = await app.Client().PatchAsJsonAsync(new Uri(created["url"]!.GetValue<string>()).AbsolutePath, new { autorisaties = Array.Empty<object>() });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "missing-authorizations");
    }

    [Fact]
    public Task Ac003_ZrcWithZakenScopes_NeedsZaaktype() =>
        AssertRefused(new
        {
            clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x",
            autorisaties = new[] { new { component = "zrc", scopes = new[] { "zaken.lezen" }, maxVertrouwelijkheidaanduiding = "openbaar" } },
        }, "autorisaties.0.zaaktype", "required");

    [Fact]
    public Task Ac003_ZrcWithZakenScopes_NeedsMaxVertrouwelijkheidaanduiding() =>
        AssertRefused(new
        {
            clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x",
            autorisaties = new[] { new { component = "zrc", scopes = new[] { "zaken.aanmaken" }, zaaktype = "https://x.nl/zt/1" } },
        }, "autorisaties.0.maxVertrouwelijkheidaanduiding", "required");

    [Fact]
    public Task Ac003_DrcWithDocumentenScopes_NeedsInformatieobjecttype() =>
        AssertRefused(new
        {
            clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x",
            autorisaties = new object[]
            {
                new { component = "ztc", scopes = new[] { "catalogi.lezen" } },
                new { component = "drc", scopes = new[] { "documenten.lezen" }, maxVertrouwelijkheidaanduiding = "openbaar" },
            },
        }, "autorisaties.1.informatieobjecttype", "required");

    [Fact]
    public Task Ac003_BrcWithBesluitenScopes_NeedsBesluittype() =>
        AssertRefused(new
        {
            clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x",
            autorisaties = new[] { new { component = "brc", scopes = new[] { "besluiten.lezen" } } },
        }, "autorisaties.0.besluittype", "required");

    [Fact]
    public async Task Ac003_ComponentWideAutorisaties_NeedNoType()
    {
        var created = await app.CreateApplicatieAsync(new
        {
            clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x",
            autorisaties = new object[]
            {
                new { component = "ztc", scopes = new[] { "catalogi.lezen" } },
                new { component = "nrc", scopes = new[] { "notificaties.consumeren" } },
                new { component = "zrc", scopes = new[] { "audittrails.lezen" } },
            },
        });
        Assert.Equal(3, created["autorisaties"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("component", "xyz", "autorisaties.0.component", "invalid_choice")]
    [InlineData("maxVertrouwelijkheidaanduiding", "supergeheim", "autorisaties.0.maxVertrouwelijkheidaanduiding", "invalid_choice")]
    [InlineData("zaaktype", "geen-url", "autorisaties.0.zaaktype", "invalid")]
    public Task InvalidAutorisatieField_IsRefused(string field, string value, string name, string code)
    {
        var autorisatie = new Dictionary<string, object>
        {
            ["component"] = "zrc", ["scopes"] = new[] { "zaken.lezen" }, ["zaaktype"] = "https://x.nl/zt/1", ["maxVertrouwelijkheidaanduiding"] = "openbaar",
        };
        autorisatie[field] = value;
        return AssertRefused(new { clientIds = new[] { AutorisatiesApp.NewClientId() }, label = "x", autorisaties = new[] { autorisatie } }, name, code);
    }

    [Fact]
    public Task RequiredFields_ClientIdsAndLabel() =>
        AssertRefused(new { heeftAlleAutorisaties = true }, "label", "required");

    [Fact]
    public Task ClientIdTooLong_IsMaxLength() =>
        AssertRefused(new { clientIds = new[] { new string('x', 51) }, label = "x", heeftAlleAutorisaties = true }, "clientIds.0", "max_length");

    [Fact]
    public Task DuplicateClientIdInOneList_IsRefused() =>
        AssertRefused(new { clientIds = new[] { "dubbel", "dubbel" }, label = "x", heeftAlleAutorisaties = true }, "clientIds", "unique");
}
