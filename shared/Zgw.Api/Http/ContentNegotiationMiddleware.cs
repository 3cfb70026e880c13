using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Zgw.Api.Problems;

namespace Zgw.Api.Http;

/// <summary>Marks an endpoint that answers with something other than JSON (e.g. a download).</summary>
public sealed record ZgwProducesMetadata(params string[] MediaTypes);

/// <summary>
/// 406 when the client's <c>Accept</c> header admits none of the media types the endpoint produces
/// (JSON unless <see cref="ZgwProducesMetadata"/> says otherwise). Errors are problem+json, which a
/// client accepting JSON also gets.
/// </summary>
internal sealed class ContentNegotiationMiddleware(RequestDelegate next)
{
    private static readonly string[] Json = ["application/json", "application/problem+json"];

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var accept = context.Request.Headers.Accept;
        if (endpoint is not null && accept.Count > 0 && endpoint.Metadata.GetMetadata<ZgwApiEndpoint>() is not null)
        {
            var produces = endpoint.Metadata.GetMetadata<ZgwProducesMetadata>()?.MediaTypes ?? Json;
            if (!Accepts(accept, produces))
                throw ZgwException.NotAcceptable($"Kan niet voldoen aan de opgegeven Accept header \"{accept}\"; beschikbaar: {string.Join(", ", produces)}.");
        }
        return next(context);
    }

    internal static bool Accepts(IEnumerable<string?> acceptHeaders, IReadOnlyList<string> produces)
    {
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders.Where(h => h is not null).Select(h => h!).ToList(), out var accepted) || accepted.Count == 0)
            return true; // an unparsable Accept is treated as absent, as browsers and curl send odd ones
        foreach (var range in accepted)
        {
            if (range.Quality is 0)
                continue;
            foreach (var type in produces)
            {
                if (new MediaTypeHeaderValue(type).IsSubsetOf(range))
                    return true;
            }
        }
        return false;
    }
}

/// <summary>Present on every endpoint that belongs to a ZGW API (added by <c>MapZgwApi</c>).</summary>
public sealed class ZgwApiEndpoint
{
    public static readonly ZgwApiEndpoint Instance = new();
}
