using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Zgw.ServiceDefaults;

namespace Zgw.Api.Http;

/// <summary>
/// ZGW HTTP caching (G7): the detail GET and HEAD of a resource carry an <c>ETag</c> computed over the
/// JSON representation; <c>If-None-Match</c> with the current tag answers 304; HEAD has no body.
/// </summary>
public static class HttpCaching
{
    /// <summary>Maps GET and HEAD on one handler.</summary>
    public static RouteHandlerBuilder MapGetWithHead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    /// <summary>A 200 JSON result with an ETag, honouring If-None-Match and HEAD.</summary>
    public static IResult JsonWithETag<T>(T value) => new ETagJsonResult<T>(value);

    public static string ComputeETag(ReadOnlySpan<byte> representation)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(representation, hash);
        return $"\"{Convert.ToHexStringLower(hash[..16])}\"";
    }

    internal static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
            return false;
        if (!EntityTagHeaderValue.TryParseList(header.ToArray()!, out var tags))
            return false;
        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    private sealed class ETagJsonResult<T>(T value) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(value, ZgwJson.Options);
            var etag = ComputeETag(bytes);
            var response = context.Response;
            response.Headers.ETag = etag;
            if (Matches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            response.ContentLength = bytes.Length;
            if (HttpMethods.IsHead(context.Request.Method))
                return;
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }
}
