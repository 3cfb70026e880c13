using System.Text.Json.Nodes;
using Zgw.Api.Query;
using Zgw.Api.References;

namespace Documenten.Api.Resources.Common;

/// <summary>
/// <c>expand</c> on enkelvoudiginformatieobjecten (G10, drc-011..014; OAS <c>EnkelvoudigInformatieObjectExpanded</c>): adds
/// <c>_expand</c> with the objects behind the named URL fields. The only expandable field of a document is
/// <c>informatieobjecttype</c>, an object of the Catalogi API; each distinct URL of a page is fetched once, in parallel,
/// through the cached <see cref="UrlResolver"/> (no request per document). As in the Zaken service, an unknown name is a
/// 404 (drc-013, <see cref="ExpandTree.Parse"/>) and a type that cannot be fetched now is <c>null</c> under <c>_expand</c>.
/// Resources that expand their <c>informatieobject</c> (gebruiksrechten, verzendingen) render the documents and pass the
/// subtree (<c>tree["informatieobject"]</c>) here.
/// </summary>
public sealed class DocumentExpander(UrlResolver resolver)
{
    public const string Informatieobjecttype = "informatieobjecttype";

    /// <summary>The names allowed at each dotted prefix of a document's expand.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> Allowed =
        new Dictionary<string, IReadOnlyCollection<string>> { [""] = [Informatieobjecttype] };

    public static ExpandTree Parse(string? expand) => ExpandTree.Parse(expand, Allowed);

    /// <summary>Adds <c>_expand</c> to each rendered document in <paramref name="documenten"/> as <paramref name="tree"/> asks.</summary>
    public async Task ExpandAsync(IReadOnlyList<JsonObject> documenten, ExpandTree tree, CancellationToken ct)
    {
        if (tree.IsEmpty || documenten.Count == 0)
            return;
        if (tree.Has(Informatieobjecttype))
        {
            var urls = documenten.Select(d => d[Informatieobjecttype]?.GetValue<string>()).OfType<string>().Distinct().ToList();
            var fetched = await Expansion.FetchAsync(resolver, Informatieobjecttype, urls, ct);
            foreach (var document in documenten)
            {
                var url = document[Informatieobjecttype]?.GetValue<string>();
                Expansion.Of(document)[Informatieobjecttype] = url is not null && fetched.TryGetValue(url, out var type) ? type.DeepClone() : null;
            }
        }
    }
}
