using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Query;
using Zgw.Api.References;

namespace Zaken.Api.Resources.Common;

/// <summary>
/// <c>expand</c> on zaken (zrc-026 depth, OAS <c>ZaakExpanded</c>): adds <c>_expand</c> with the objects behind the named
/// URL fields. Our own resources are rendered in batches, one query per collection per level (no N+1); Catalogi types come
/// through the cached <see cref="UrlResolver"/>. Expanded zaken the caller may not read are left out.
/// </summary>
public sealed class ZaakExpander(IEnumerable<IZaakResourceRenderer> renderers, UrlResolver resolver, ZakenUrls urls)
{
    /// <summary>The relations of each kind of object: field name → kind of the target (null = an object of another API).</summary>
    private static readonly Dictionary<string, Dictionary<string, string?>> Graph = new()
    {
        ["zaken"] = new()
        {
            ["zaaktype"] = null, ["hoofdzaak"] = "zaken", ["deelzaken"] = "zaken", ["relevanteAndereZaken"] = "zaken",
            ["eigenschappen"] = "zaakeigenschappen", ["rollen"] = "rollen", ["status"] = "statussen",
            ["zaakobjecten"] = "zaakobjecten", ["resultaat"] = "resultaten",
        },
        ["statussen"] = new() { ["statustype"] = null, ["gezetdoor"] = "rollen", ["zaakinformatieobjecten"] = "zaakinformatieobjecten" },
        ["rollen"] = new() { ["zaak"] = "zaken", ["roltype"] = null, ["statussen"] = "statussen" },
        ["resultaten"] = new() { ["zaak"] = "zaken", ["resultaattype"] = null },
        ["zaakobjecten"] = new() { ["zaakobjecttype"] = null },
        ["zaakinformatieobjecten"] = new() { ["status"] = "statussen" },
        ["zaakeigenschappen"] = new(),
    };

    /// <summary>Every dotted prefix (up to <see cref="ExpandTree.MaxDepth"/>) and the names allowed after it, for <see cref="ExpandTree.Parse"/>.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> Allowed = BuildAllowed();

    public static ExpandTree Parse(string? expand) => ExpandTree.Parse(expand, Allowed);

    /// <summary>Adds <c>_expand</c> to each zaak in <paramref name="zaken"/> as <paramref name="tree"/> asks.</summary>
    public async Task ExpandAsync(NpgsqlConnection c, HttpContext ctx, IReadOnlyList<JsonObject> zaken, ExpandTree tree)
    {
        if (!tree.IsEmpty && zaken.Count > 0)
            await ExpandLevelAsync(c, ctx, "zaken", zaken, tree);
    }

    private async Task ExpandLevelAsync(NpgsqlConnection c, HttpContext ctx, string kind, IReadOnlyList<JsonObject> objects, ExpandTree tree)
    {
        foreach (var (name, subtree) in tree.Children)
        {
            var target = Graph[kind][name];
            var perObject = objects.Select(o => (Object: o, Urls: UrlsOf(o[name]))).ToList();
            var all = perObject.SelectMany(p => p.Urls).Distinct().ToList();
            var fetched = target is null
                ? await Expansion.FetchAsync(resolver, name, all, ctx.RequestAborted)
                : await RenderLocalAsync(c, ctx, target, all);
            if (target is not null && !subtree.IsEmpty)
                await ExpandLevelAsync(c, ctx, target, fetched.Values.ToList(), subtree);
            foreach (var (o, list) in perObject)
            {
                var expand = Expansion.Of(o);
                var isArray = o[name] is JsonArray;
                if (isArray)
                    expand[name] = new JsonArray(list.Where(fetched.ContainsKey).Select(u => (JsonNode)fetched[u].DeepClone()).ToArray());
                else
                    expand[name] = list.Count == 1 && fetched.TryGetValue(list[0], out var one) ? one.DeepClone() : null;
            }
        }
    }

    /// <summary>The URLs in a field: a string, an array of strings, or objects with <c>url</c> (relevanteAndereZaken).</summary>
    private static List<string> UrlsOf(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => [s],
        JsonArray a => a.SelectMany(UrlsOf).ToList(),
        JsonObject o when o["url"] is JsonValue u && u.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private async Task<Dictionary<string, JsonObject>> RenderLocalAsync(NpgsqlConnection c, HttpContext ctx, string collection, List<string> all)
    {
        var renderer = renderers.FirstOrDefault(r => r.Collection == collection);
        if (renderer is null || all.Count == 0)
            return [];
        var uuids = all.Select(LastSegment).OfType<Guid>().Distinct().ToList();
        var rendered = await renderer.RenderManyAsync(c, uuids, ctx.RequestAborted);
        var caller = ctx.FindZgwCaller();
        return rendered
            .Where(o => collection != "zaken" || caller is null || MayRead(caller, o))
            .Where(o => o["url"] is not null)
            .ToDictionary(o => o["url"]!.GetValue<string>());
    }

    private static bool MayRead(ZgwCaller caller, JsonObject zaak) =>
        caller.IsAllowed(ZakenService.Zrc, ZakenScopes.Lezen, zaak["zaaktype"]?.GetValue<string>(),
            zaak["vertrouwelijkheidaanduiding"]?.GetValue<string>());

    private Guid? LastSegment(string url)
    {
        if (!url.StartsWith(urls.Root + "/", StringComparison.Ordinal))
            return null;
        var last = url.TrimEnd('/').Split('/')[^1];
        return Guid.TryParse(last, out var uuid) ? uuid : null;
    }

    private static Dictionary<string, IReadOnlyCollection<string>> BuildAllowed()
    {
        var allowed = new Dictionary<string, IReadOnlyCollection<string>>();
        void Walk(string prefix, string kind, int depth)
        {
            if (depth >= ExpandTree.MaxDepth)
                return;
            allowed[prefix] = Graph[kind].Keys.ToList();
            foreach (var (name, target) in Graph[kind])
                if (target is not null)
                    Walk(prefix.Length == 0 ? name : prefix + "." + name, target, depth + 1);
        }
        Walk("", "zaken", 0);
        return allowed;
    }
}
