using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace Zgw.Testing;

/// <summary>HTTP caching of a resource with a HEAD operation (zgw-rules G7).</summary>
public static class ETagAssert
{
    /// <summary>
    /// HEAD of <paramref name="path"/> answers 200 with the GET's <paramref name="etag"/> and no body; a GET with
    /// <c>If-None-Match: etag</c> answers 304.
    /// </summary>
    public static async Task HeadAndNotModifiedAsync(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }
}
