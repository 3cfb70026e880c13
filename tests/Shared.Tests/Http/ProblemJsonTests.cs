using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Zgw.Testing;

namespace Shared.Tests.Http;

/// <summary>Every failure path answers ZGW problem+json with the right status and code (ARCHITECTURE §8).</summary>
public sealed class ProblemJsonTests() : ZgwTestApiTests(maxBody: 4096)
{
    private static StringContent Json(string body, string contentType = "application/json") => new(body, Encoding.UTF8, contentType);

    [Fact]
    public async Task ValidBody_IsAccepted()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden",
            Json("""{"omschrijving":"kort","startdatum":"2024-01-31","aantal":3,"zaaktype":"https://x.nl/zt/1"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("\"startdatum\":\"2024-01-31\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedJson_Is400ParseError()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden", Json("""{"omschrijving": "kort", """));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "parse_error");
    }

    [Fact]
    public async Task WrongType_Is400NamingTheField()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden",
            Json("""{"omschrijving":"kort","startdatum":"2024-01-31","aantal":"drie"}"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "aantal", "invalid");
    }

    [Fact]
    public async Task InvalidDate_Is400NamingTheField()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden", Json("""{"omschrijving":"kort","startdatum":"2024-13-45"}"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "startdatum", "invalid");
    }

    [Fact]
    public async Task WrongTypeInArray_NamesTheIndex()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden",
            Json("""{"omschrijving":"kort","startdatum":"2024-01-31","trefwoorden":["a", 5]}"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "trefwoorden.1", "invalid");
    }

    [Fact]
    public async Task MissingRequiredFields_AreAllReportedAtOnce()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden", Json("""{"zaaktype":"geen url"}"""));
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "omschrijving", "required");
        var names = body.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["omschrijving", "startdatum", "zaaktype"], names);
    }

    [Fact]
    public async Task TooLongField_IsMaxLength()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden",
            Json("""{"omschrijving":"veel te lange omschrijving","startdatum":"2024-01-31"}"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "omschrijving", "max_length");
    }

    [Fact]
    public async Task JsonArrayInsteadOfObject_Is400()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden", Json("[1,2]"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "parse_error");
    }

    [Fact]
    public async Task WrongContentType_Is415()
    {
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden", Json("omschrijving=kort", "application/x-www-form-urlencoded"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task MissingContentType_Is415()
    {
        var content = new ByteArrayContent("{}"u8.ToArray());
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task OversizeBody_Is413()
    {
        var big = new string('x', 10_000);
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden", Json($$"""{"omschrijving":"{{big}}","startdatum":"2024-01-31"}"""));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    [Fact]
    public async Task OversizeBodyWithoutContentLength_Is413()
    {
        var big = Encoding.UTF8.GetBytes($$"""{"omschrijving":"{{new string('x', 10_000)}}","startdatum":"2024-01-31"}""");
        var content = new StreamContent(new NoLengthStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await Client.PostAsync("/zaken/api/v1/voorbeelden", content);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    [Fact]
    public async Task UnsupportedAccept_Is406()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/zaken/api/v1/getallen");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await Client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotAcceptable, "not_acceptable");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData("application/*")]
    [InlineData("text/html, application/json;q=0.5")]
    public async Task AcceptableAccept_Is200(string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/zaken/api/v1/getallen");
        request.Headers.Accept.ParseAdd(accept);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task DownloadEndpoint_NegotiatesItsOwnMediaType()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/zaken/api/v1/download");
        request.Headers.Accept.ParseAdd("application/octet-stream");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task UnknownQueryParameter_Is400UnknownParameters()
    {
        var response = await Client.GetAsync("/zaken/api/v1/getallen?nummer=3&onbekend=1");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "unknown-parameters");
    }

    [Fact]
    public async Task BadlyFormattedFilter_Is400NamingTheParameter()
    {
        var response = await Client.GetAsync("/zaken/api/v1/getallen?nummer__gt=veel");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nummer__gt", "invalid");
    }

    [Fact]
    public async Task UnexpectedException_Is500ProblemWithoutDetails()
    {
        var response = await Client.GetAsync("/zaken/api/v1/kapot");
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "error");
        Assert.DoesNotContain("secret internal detail", body.GetRawText());
        Assert.DoesNotContain("InvalidOperationException", body.GetRawText());
    }

    [Fact]
    public async Task UnknownRoute_Is404Problem()
    {
        var response = await Client.GetAsync("/zaken/api/v1/bestaatniet");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        var response = await Client.DeleteAsync("/zaken/api/v1/getallen");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task ApiVersionHeader_IsOnEverySuccessAndError()
    {
        var ok = await Client.GetAsync("/zaken/api/v1/getallen");
        var error = await Client.GetAsync("/zaken/api/v1/getallen?x=1");
        var missing = await Client.GetAsync("/nergens");
        foreach (var response in new[] { ok, error, missing })
            Assert.Equal("1.5.1", Assert.Single(response.Headers.GetValues("API-version")));
    }

    [Fact]
    public async Task ProblemType_UsesThePublicBaseUrl()
    {
        var response = await Client.GetAsync("/zaken/api/v1/getallen?x=1");
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid");
        Assert.StartsWith("https://zgw.example.nl/ref/fouten/", body.GetProperty("type").GetString());
        Assert.StartsWith("urn:uuid:", body.GetProperty("instance").GetString());
    }

    /// <summary>A body stream of unknown length, so the size is only known while reading (chunked upload).</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
