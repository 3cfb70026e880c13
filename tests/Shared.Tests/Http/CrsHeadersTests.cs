using System.Net;
using System.Text;
using Zgw.Testing;

namespace Shared.Tests.Http;

/// <summary>Accept-Crs / Content-Crs as Open Zaak applies them (ARCHITECTURE §11.7).</summary>
public sealed class CrsHeadersTests() : ZgwTestApiTests
{
    private static HttpRequestMessage Request(HttpMethod method, string? acceptCrs, string? contentCrs)
    {
        var request = new HttpRequestMessage(method, "/zaken/api/v1/geo");
        if (acceptCrs is not null)
            request.Headers.Add("Accept-Crs", acceptCrs);
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            if (contentCrs is not null)
                request.Content.Headers.Add("Content-Crs", contentCrs);
        }
        return request;
    }

    [Fact]
    public async Task MissingAcceptCrs_Is412()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Get, null, null));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task UnsupportedAcceptCrs_Is406()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Get, "EPSG:28992", null));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotAcceptable, "not_acceptable");
    }

    [Fact]
    public async Task SupportedAcceptCrs_Is200WithContentCrs()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Get, "EPSG:4326", null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("EPSG:4326", Assert.Single(response.Headers.GetValues("Content-Crs")));
    }

    [Fact]
    public async Task WriteWithoutContentCrs_Is412()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Post, "EPSG:4326", null));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task WriteWithUnsupportedContentCrs_Is406()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Post, "EPSG:4326", "EPSG:28992"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotAcceptable, "not_acceptable");
    }

    [Fact]
    public async Task DeleteNeedsNoAcceptCrs()
    {
        var response = await Client.SendAsync(Request(HttpMethod.Delete, null, null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
