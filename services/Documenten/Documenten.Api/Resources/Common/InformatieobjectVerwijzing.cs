using System.Text.Json.Nodes;
using Documenten.Api.Resources.Enkelvoudiginformatieobject;
using Npgsql;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Documenten.Api.Resources.Common;

/// <summary>
/// What the resources that point at a document (gebruiksrechten, objectinformatieobjecten, verzendingen) share: the
/// <c>informatieobject</c> list filter and <c>expand=informatieobject</c> (OAS <c>…Embedded.informatieobject</c>: the
/// <c>EnkelvoudigInformatieObject</c>, its latest version), nested <c>informatieobject.informatieobjecttype</c> through
/// <see cref="DocumentExpander"/>.
/// </summary>
public static class InformatieobjectVerwijzing
{
    public const string Parameter = "informatieobject";

    /// <summary>The names <c>expand</c> allows on these resources: <c>informatieobject</c> and below it what a document allows.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> ExpandNamen =
        new Dictionary<string, IReadOnlyCollection<string>>
        {
            [""] = [Parameter],
            [Parameter] = DocumentExpander.Allowed[""],
        };

    /// <summary>Parses <c>expand</c> (404 for a name the resource does not have, drc-013).</summary>
    public static ExpandTree ParseExpand(IQueryCollection query) =>
        ExpandTree.Parse(query.TryGetValue("expand", out var v) ? v[^1] : null, ExpandNamen);

    /// <summary>
    /// Adds <c>?informatieobject=</c> to <paramref name="where"/> as a match on the document's uuid (an index lookup): declare
    /// the parameter with <c>FilterSet.Allow(Parameter)</c>. A value that is no URL is a 400; a URL that is not one of our
    /// documents matches nothing.
    /// </summary>
    public static void AddFilter(SqlWhere where, IQueryCollection query, DocumentenUrls urls, string documentAlias = "d")
    {
        if (!query.TryGetValue(Parameter, out var values))
            return;
        var raw = values[^1] ?? "";
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw ZgwException.Validation(Parameter, ZgwCodes.Invalid, "Voer een geldige URL in.");
        if (urls.UuidOf(DocumentenUrls.Documenten, raw) is { } uuid)
            where.Add(p => $"{documentAlias}.uuid = {p}", uuid);
        else
            where.AddRaw("FALSE");
    }

    /// <summary>
    /// Adds <c>_expand.informatieobject</c> (the latest version of the document, as GET /enkelvoudiginformatieobjecten/{uuid}
    /// renders it) to every object in <paramref name="items"/>, with one query for all their documents. The caller may read
    /// these documents: the objects are authorised through them. The subtree (<c>informatieobject.informatieobjecttype</c>) is
    /// expanded on the documents by <paramref name="expander"/>.
    /// </summary>
    public static async Task ExpandAsync(NpgsqlConnection c, IReadOnlyList<(JsonObject Json, long DocumentId)> items, ExpandTree tree,
        DocumentenUrls urls, DocumentExpander expander, CancellationToken ct)
    {
        if (!tree.Has(Parameter) || items.Count == 0)
            return;
        var ids = items.Select(i => i.DocumentId).Distinct().ToArray();
        var rows = await EnkelvoudiginformatieobjectRepository.LatestOfAsync(c, ids, ct);
        var documenten = rows.ToDictionary(r => r.Id, r => r.Render(urls));
        await expander.ExpandAsync(documenten.Values.ToList(), tree[Parameter], ct);
        foreach (var (json, documentId) in items)
            Expansion.Of(json)[Parameter] = documenten.TryGetValue(documentId, out var d) ? d.DeepClone() : null;
    }

    /// <summary>Locks the rows of several documents in one order (uuid), so two writers that need the same pair never deadlock.</summary>
    public static async Task<IReadOnlyList<DocumentRef>> LockAllAsync(NpgsqlConnection c, NpgsqlTransaction tx, params Guid[] uuids)
    {
        var locked = new List<DocumentRef>();
        foreach (var uuid in uuids.Distinct().Order())
            if (await DocumentRef.LockAsync(c, tx, uuid) is { } d)
                locked.Add(d);
        return locked;
    }
}
