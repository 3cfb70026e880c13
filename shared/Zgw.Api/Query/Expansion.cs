using System.Text.Json;
using System.Text.Json.Nodes;
using Zgw.Api.Problems;
using Zgw.Api.References;

namespace Zgw.Api.Query;

/// <summary>
/// What the expanders of the services share (G10): the <c>_expand</c> object of a rendered resource, and the objects of
/// other APIs behind the URLs of one page, each fetched once.
/// </summary>
public static class Expansion
{
    /// <summary>The <c>_expand</c> object of <paramref name="resource"/>; added when it has none yet.</summary>
    public static JsonObject Of(JsonObject resource)
    {
        if (resource["_expand"] is JsonObject existing)
            return existing;
        var expand = new JsonObject();
        resource["_expand"] = expand;
        return expand;
    }

    /// <summary>
    /// The objects behind <paramref name="urls"/> (distinct), fetched in parallel through the cached <see cref="UrlResolver"/>
    /// with this service's token; <paramref name="field"/> names the field in the resolver's errors. An object of another
    /// API that cannot be fetched now is left out: its URL stays in the body and its <c>_expand</c> entry is null.
    /// </summary>
    public static async Task<Dictionary<string, JsonObject>> FetchAsync(UrlResolver resolver, string field, IEnumerable<string> urls,
        CancellationToken ct)
    {
        var results = await Task.WhenAll(urls.Select(async url =>
        {
            try
            {
                var json = await resolver.ResolveAsync(field, url, [], ct);
                return (Url: url, Object: JsonNode.Parse(json.GetRawText()) as JsonObject);
            }
            catch (Exception e) when (e is ZgwException or JsonException)
            {
                return (Url: url, Object: null);
            }
        }));
        return results.Where(r => r.Object is not null).ToDictionary(r => r.Url, r => r.Object!);
    }
}
