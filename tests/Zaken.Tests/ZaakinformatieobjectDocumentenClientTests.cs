using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.Server;
using Zgw.Api.References;
using Zgw.Service.Mirrors;
using Zgw.ServiceDefaults;
using WmResponse = WireMock.ResponseBuilders.Response;

namespace Zaken.Tests;

/// <summary>
/// The zrc-005 calls on their own: the Documenten root derived from the document URL, our own public URLs sent to the
/// internal address, the service token, and how the sibling's answers are read.
/// </summary>
public sealed class ZaakinformatieobjectDocumentenClientTests : IDisposable
{
    private const string PublicBase = "https://zgw.example.nl";
    private const string ZaakUrl = PublicBase + "/zaken/api/v1/zaken/6f0b0a52-3c1e-4c4e-9d39-1f2a3b4c5d6e";
    private readonly WireMockServer _drc = WireMockServer.Start();

    public void Dispose() => _drc.Stop();

    private ObjectinformatieobjectClient Client() => new(new SiblingJson(
        new Factory(),
        new SiblingCalls(
            Options.Create(new ZgwOptions
            {
                PublicBaseUrl = PublicBase,
                Services = new(StringComparer.OrdinalIgnoreCase) { ["documenten"] = new ZgwServiceEndpoint { InternalUrl = _drc.Url } },
            }),
            Options.Create(new ServiceIdentityOptions { ClientId = "openzaak-zaken", Secret = "geheim" }),
            TimeProvider.System),
        NullLogger<SiblingJson>.Instance, "test"));

    private sealed class Factory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    [Theory]
    [InlineData("https://drc.example.nl/documenten/api/v1/enkelvoudiginformatieobjecten/1", "https://drc.example.nl/documenten/api/v1")]
    [InlineData("https://drc.example.nl/api/enkelvoudiginformatieobjecten/1", "https://drc.example.nl/api")]
    [InlineData("https://drc.example.nl/api/besluiten/1", null)]
    public void Zrc005_TheDocumentenRoot_IsEverythingBeforeEnkelvoudiginformatieobjecten(string document, string? root) =>
        Assert.Equal(root, ObjectinformatieobjectClient.RootOf(document));

    [Fact]
    public async Task Zrc005_OurOwnDocumentenUrls_GoToTheInternalAddress_WithTheServiceToken()
    {
        var document = PublicBase + "/documenten/api/v1/enkelvoudiginformatieobjecten/1";
        _drc.Given(Request.Create().WithPath("/documenten/api/v1/objectinformatieobjecten").UsingPost())
            .RespondWith(WmResponse.Create().WithStatusCode(201).WithBodyAsJson(new { url = PublicBase + "/documenten/api/v1/objectinformatieobjecten/9" }));

        var outcome = await Client().CreateAsync(document, ZaakUrl, "zaak", CancellationToken.None);

        Assert.True(outcome.Ok, outcome.Reason);
        Assert.Equal(PublicBase + "/documenten/api/v1/objectinformatieobjecten/9", outcome.Url);
        var request = Assert.Single(_drc.LogEntries).RequestMessage;
        Assert.StartsWith("Bearer ", request.Headers!["Authorization"].Single());
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal(document, body["informatieobject"]!.GetValue<string>());
        Assert.Equal(ZaakUrl, body["object"]!.GetValue<string>());
        Assert.Equal("zaak", body["objectType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Zrc005_ARefusal_CarriesTheSiblingsReason_UnlessTheRelationExistsAlready()
    {
        var document = _drc.Url + "/api/enkelvoudiginformatieobjecten/1";
        _drc.Given(Request.Create().WithPath("/api/objectinformatieobjecten").UsingPost())
            .RespondWith(WmResponse.Create().WithStatusCode(400).WithBodyAsJson(new
            {
                invalidParams = new[] { new { name = "object", code = "inconsistent-relation", reason = "Geen relatie in de bron." } },
            }));
        _drc.Given(Request.Create().WithPath("/api/objectinformatieobjecten").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBodyAsJson(Array.Empty<object>()));

        var refused = await Client().CreateAsync(document, ZaakUrl, "zaak", CancellationToken.None);
        Assert.False(refused.Ok);
        Assert.Contains("inconsistent-relation", refused.Reason);
        Assert.Contains("Geen relatie in de bron.", refused.Reason);

        _drc.Reset();
        _drc.Given(Request.Create().WithPath("/api/objectinformatieobjecten").UsingPost())
            .RespondWith(WmResponse.Create().WithStatusCode(400).WithBodyAsJson(new { invalidParams = new[] { new { name = "nonFieldErrors", code = "unique", reason = "Bestaat al." } } }));
        _drc.Given(Request.Create().WithPath("/api/objectinformatieobjecten").UsingGet())
            .RespondWith(WmResponse.Create().WithStatusCode(200).WithBodyAsJson(new[]
            {
                new { url = _drc.Url + "/api/objectinformatieobjecten/7", informatieobject = document, @object = ZaakUrl, objectType = "zaak" },
            }));

        var existing = await Client().CreateAsync(document, ZaakUrl, "zaak", CancellationToken.None);
        Assert.True(existing.Ok, existing.Reason);
        Assert.Equal(_drc.Url + "/api/objectinformatieobjecten/7", existing.Url);
    }

    [Fact]
    public async Task Zrc005_DeletingAnOioThatIsGone_CountsAsDone_AFailureDoesNot()
    {
        _drc.Given(Request.Create().WithPath("/api/objectinformatieobjecten/gone").UsingDelete()).RespondWith(WmResponse.Create().WithStatusCode(404));
        _drc.Given(Request.Create().WithPath("/api/objectinformatieobjecten/stuck").UsingDelete()).RespondWith(WmResponse.Create().WithStatusCode(409));

        Assert.True((await Client().DeleteAsync(_drc.Url + "/api/objectinformatieobjecten/gone", CancellationToken.None)).Ok);
        var stuck = await Client().DeleteAsync(_drc.Url + "/api/objectinformatieobjecten/stuck", CancellationToken.None);
        Assert.False(stuck.Ok);
        Assert.Contains("409", stuck.Reason);
    }
}
