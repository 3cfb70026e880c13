using System.Net;
using Zgw.Api.Http;
using Zgw.Testing;

namespace Shared.Tests.Http;

/// <summary>ZGW G7: ETag on GET and HEAD, HEAD without body, If-None-Match → 304.</summary>
public sealed class HttpCachingTests() : ZgwTestApiTests
{
    [Fact]
    public async Task Get_HasETagOverTheJsonRepresentation()
    {
        var response = await Client.GetAsync("/zaken/api/v1/voorbeelden/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpCaching.ComputeETag(body), response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Head_HasTheSameHeadersAndNoBody()
    {
        var get = await Client.GetAsync("/zaken/api/v1/voorbeelden/1");
        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/zaken/api/v1/voorbeelden/1"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfNoneMatch_WithCurrentETag_Is304()
    {
        var etag = (await Client.GetAsync("/zaken/api/v1/voorbeelden/1")).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Get, "/zaken/api/v1/voorbeelden/1");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfNoneMatch_WithOtherETag_Is200()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/zaken/api/v1/voorbeelden/1");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"iets-anders\"");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task DifferentRepresentations_HaveDifferentETags()
    {
        var one = await Client.GetAsync("/zaken/api/v1/voorbeelden/1");
        var two = await Client.GetAsync("/zaken/api/v1/voorbeelden/2");
        Assert.NotEqual(one.Headers.ETag, two.Headers.ETag);
    }
}
