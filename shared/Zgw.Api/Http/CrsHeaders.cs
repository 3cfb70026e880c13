using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Zgw.Api.Problems;

namespace Zgw.Api.Http;

/// <summary>
/// <c>Accept-Crs</c> / <c>Content-Crs</c> as Open Zaak applies them (ARCHITECTURE §11.7): writes must send
/// <c>Content-Crs</c>, every operation but DELETE must send <c>Accept-Crs</c>; missing → 412, a CRS other
/// than EPSG:4326 → 406. Responses carry <c>Content-Crs: EPSG:4326</c>.
/// </summary>
public static class CrsHeaders
{
    public const string Supported = "EPSG:4326";
    public const string AcceptCrs = "Accept-Crs";
    public const string ContentCrs = "Content-Crs";

    public static TBuilder RequireCrs<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            Check(ctx.HttpContext.Request);
            ctx.HttpContext.Response.Headers[ContentCrs] = Supported;
            return await next(ctx);
        });

    public static void Check(HttpRequest request)
    {
        var method = request.Method;
        if (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))
            CheckHeader(request, ContentCrs);
        if (!HttpMethods.IsDelete(method))
            CheckHeader(request, AcceptCrs);
    }

    private static void CheckHeader(HttpRequest request, string header)
    {
        var value = request.Headers[header].ToString();
        if (string.IsNullOrWhiteSpace(value))
            throw ZgwException.PreconditionFailed($"'{header}' header ontbreekt");
        if (!string.Equals(value.Trim(), Supported, StringComparison.OrdinalIgnoreCase))
            throw ZgwException.NotAcceptable($"CRS '{value}' is niet ondersteund");
    }
}
