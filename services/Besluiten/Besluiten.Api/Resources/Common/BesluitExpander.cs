using System.Text.Json.Nodes;
using Zgw.Api.Auth;
using Zgw.Api.Query;
using Zgw.Api.References;

namespace Besluiten.Api.Resources.Common;

/// <summary>
/// <c>expand</c> on besluiten and besluitinformatieobjecten (G10; OAS <c>BesluitEmbedded</c>: besluittype, zaak;
/// <c>BesluitInformatieObjectEmbedded</c>: informatieobject, besluit — and the besluit's besluittype/zaak one level deeper).
/// Objects of other APIs are fetched once per distinct URL of a page, in parallel, through the cached
/// <see cref="UrlResolver"/> with this service's token (no request per item); besluiten are rendered by the caller in one
/// query. An unknown name is a 404 (drc-013, <see cref="ExpandTree.Parse"/>); an object that cannot be fetched now, and a
/// zaak or document the caller has no <c>.lezen</c> autorisatie for (its type and vertrouwelijkheid), is <c>null</c> under
/// <c>_expand</c>, as in the Zaken and Documenten services.
/// </summary>
public sealed class BesluitExpander(UrlResolver resolver)
{
    public const string Besluittype = "besluittype";
    public const string Zaak = "zaak";
    public const string Informatieobject = "informatieobject";
    public const string Besluit = "besluit";

    public static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> BesluitAllowed =
        new Dictionary<string, IReadOnlyCollection<string>> { [""] = [Besluittype, Zaak] };

    public static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> BesluitinformatieobjectAllowed =
        new Dictionary<string, IReadOnlyCollection<string>> { [""] = [Informatieobject, Besluit], [Besluit] = [Besluittype, Zaak] };

    public static ExpandTree ParseBesluit(string? expand) => ExpandTree.Parse(expand, BesluitAllowed);

    public static ExpandTree ParseBesluitinformatieobject(string? expand) => ExpandTree.Parse(expand, BesluitinformatieobjectAllowed);

    /// <summary>Adds <c>_expand</c> (besluittype, zaak) to each rendered besluit as <paramref name="tree"/> asks.</summary>
    public async Task ExpandBesluitenAsync(HttpContext ctx, IReadOnlyList<JsonObject> besluiten, ExpandTree tree)
    {
        if (tree.IsEmpty || besluiten.Count == 0)
            return;
        var caller = ctx.GetZgwCaller();
        if (tree.Has(Besluittype))
            await ExpandRemoteAsync(besluiten, Besluittype, _ => true, ctx.RequestAborted);
        if (tree.Has(Zaak))
            await ExpandRemoteAsync(besluiten, Zaak, zaak => caller.IsAllowed(ZgwScopes.Zrc, "zaken.lezen",
                SiblingJson.Text(zaak, "zaaktype"), SiblingJson.Text(zaak, "vertrouwelijkheidaanduiding")), ctx.RequestAborted);
    }

    /// <summary>
    /// Adds <c>_expand</c> (informatieobject, besluit) to each rendered besluitinformatieobject; <paramref name="besluiten"/>
    /// are the besluiten of the page by URL, rendered for this expansion (their own <c>_expand</c> is added in place; the caller
    /// may read all of them: the list is filtered on their besluittype).
    /// </summary>
    public async Task ExpandBesluitinformatieobjectenAsync(HttpContext ctx, IReadOnlyList<JsonObject> items, ExpandTree tree,
        IReadOnlyDictionary<string, JsonObject> besluiten)
    {
        if (tree.IsEmpty || items.Count == 0)
            return;
        var caller = ctx.GetZgwCaller();
        if (tree.Has(Informatieobject))
            await ExpandRemoteAsync(items, Informatieobject, document => caller.IsAllowed(ZgwScopes.Drc, "documenten.lezen",
                SiblingJson.Text(document, "informatieobjecttype"), SiblingJson.Text(document, "vertrouwelijkheidaanduiding")),
                ctx.RequestAborted);
        if (tree.Has(Besluit))
        {
            await ExpandBesluitenAsync(ctx, besluiten.Values.ToList(), tree[Besluit]);
            foreach (var item in items)
            {
                var url = item[Besluit]?.GetValue<string>();
                Expansion.Of(item)[Besluit] = url is not null && besluiten.TryGetValue(url, out var b) ? b.DeepClone() : new JsonObject();
            }
        }
    }

    private async Task ExpandRemoteAsync(IReadOnlyList<JsonObject> objects, string field, Func<JsonObject, bool> mayRead, CancellationToken ct)
    {
        var urls = objects.Select(o => SiblingJson.Text(o, field)).OfType<string>().Where(u => u.Length > 0).Distinct().ToList();
        var fetched = await Expansion.FetchAsync(resolver, field, urls, ct);
        foreach (var o in objects)
        {
            var url = SiblingJson.Text(o, field);
            Expansion.Of(o)[field] = url is not null && fetched.TryGetValue(url, out var value) && mayRead(value) ? value.DeepClone() : null;
        }
    }
}
