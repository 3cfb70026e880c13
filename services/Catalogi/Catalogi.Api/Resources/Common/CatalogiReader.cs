using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zgw.Api.Query;
using Zgw.Data;

namespace Catalogi.Api.Resources.Common;

/// <summary>A relation that <c>expand</c> can follow: the kind it points at, one object or a list.</summary>
public sealed record Relation(CatalogiKind Kind, bool Many);

/// <summary>One resource as the API shows it, with the uuids behind each expandable relation.</summary>
public sealed record Rendered(CatalogiKind Kind, Guid Uuid, JsonObject Json, IReadOnlyDictionary<string, IReadOnlyList<Guid>> Links);

/// <summary>
/// The read side of one resource: one SELECT (alias <c>t</c> for its own table) whose columns compute every
/// relation for the reference date <c>@datum</c> (history model, T9) and URL filters against <c>@root</c>,
/// so a detail read or a page is one query.
/// </summary>
public interface ITypeSource
{
    CatalogiKind Kind { get; }

    /// <summary>The FROM clause; the resource's own table is aliased <c>t</c>.</summary>
    string From { get; }

    string Columns { get; }

    /// <summary>The relations <c>expand</c> may follow, by field name (the OAS <c>*Embedded</c> schema).</summary>
    IReadOnlyDictionary<string, Relation> Relations { get; }

    Task<IReadOnlyList<Rendered>> QueryAsync(NpgsqlConnection connection, string sql, DynamicParameters parameters);
}

/// <summary>Reads resources of any kind for lists, detail reads and <c>expand</c> (G10): one query per level.</summary>
public sealed class CatalogiReader(ZgwDatabase database, CatalogiUrls urls, IEnumerable<ITypeSource> sources)
{
    private readonly Dictionary<CatalogiKind, ITypeSource> _sources = sources.ToDictionary(s => s.Kind);
    private readonly ConcurrentDictionary<CatalogiKind, IReadOnlyDictionary<string, IReadOnlyCollection<string>>> _expandable = new();

    public async Task<(int Count, IReadOnlyList<JsonObject> Results)> ListAsync(CatalogiKind kind, ListQuery query)
    {
        var source = _sources[kind];
        await using var connection = await database.OpenAsync();
        var parameters = Parameters(query.Where.Parameters, query.Datum);
        parameters.Add("limit", query.Page.Size);
        parameters.Add("offset", query.Page.Offset);
        var count = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM {source.From} WHERE {query.Where.Sql}", parameters);
        var items = await source.QueryAsync(connection, $"""
            SELECT {source.Columns}
            FROM {source.From}
            WHERE {query.Where.Sql}
            ORDER BY t.id DESC
            LIMIT @limit OFFSET @offset
            """, parameters);
        await ExpandAsync(connection, items, query.Expand, query.Datum);
        return (count, items.Select(i => i.Json).ToList());
    }

    /// <summary>One resource, or null; <paramref name="condition"/> narrows it further (e.g. valid on the date).</summary>
    public async Task<JsonObject?> FindAsync(CatalogiKind kind, Guid uuid, DateOnly datum, ExpandTree expand, string? condition = null)
    {
        await using var connection = await database.OpenAsync();
        var items = await LoadAsync(connection, kind, [uuid], datum, condition);
        if (items.Count == 0)
            return null;
        await ExpandAsync(connection, items, expand, datum);
        return items[0].Json;
    }

    /// <summary>The names <c>expand</c> accepts for <paramref name="kind"/>, per dotted prefix, three levels deep.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Expandable(CatalogiKind kind) =>
        _expandable.GetOrAdd(kind, k =>
        {
            var allowed = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
            Fill(allowed, "", k, 0);
            return allowed;
        });

    private void Fill(Dictionary<string, IReadOnlyCollection<string>> allowed, string prefix, CatalogiKind kind, int depth)
    {
        if (depth >= ExpandTree.MaxDepth)
            return;
        var relations = _sources[kind].Relations;
        allowed[prefix] = relations.Keys.ToList();
        foreach (var (name, relation) in relations)
            Fill(allowed, prefix.Length == 0 ? name : $"{prefix}.{name}", relation.Kind, depth + 1);
    }

    private Task<IReadOnlyList<Rendered>> LoadAsync(NpgsqlConnection connection, CatalogiKind kind, IReadOnlyCollection<Guid> uuids,
        DateOnly datum, string? condition = null)
    {
        var source = _sources[kind];
        var parameters = Parameters(null, datum);
        parameters.Add("uuids", uuids.ToArray());
        return source.QueryAsync(connection, $"""
            SELECT {source.Columns}
            FROM {source.From}
            WHERE t.uuid = ANY(@uuids) {(condition is null ? "" : "AND " + condition)}
            """, parameters);
    }

    /// <summary>Puts the related resources under <c>_expand</c>: a list as an array, one as an object or <c>{}</c>.</summary>
    private async Task ExpandAsync(NpgsqlConnection connection, IReadOnlyList<Rendered> items, ExpandTree tree, DateOnly datum)
    {
        if (tree.IsEmpty || items.Count == 0)
            return;
        foreach (var (name, subtree) in tree.Children)
        {
            var relation = _sources[items[0].Kind].Relations[name];
            var wanted = items.SelectMany(i => i.Links.GetValueOrDefault(name) ?? []).Distinct().ToList();
            var targets = wanted.Count == 0 ? [] : await LoadAsync(connection, relation.Kind, wanted, datum);
            await ExpandAsync(connection, targets, subtree, datum);
            var byUuid = targets.ToDictionary(t => t.Uuid);
            foreach (var item in items)
            {
                var found = (item.Links.GetValueOrDefault(name) ?? [])
                    .Where(byUuid.ContainsKey)
                    .Select(u => byUuid[u].Json.DeepClone())
                    .ToArray();
                if (item.Json["_expand"] is not JsonObject expand)
                    item.Json["_expand"] = expand = new JsonObject();
                expand[name] = relation.Many ? new JsonArray(found) : found.FirstOrDefault() ?? new JsonObject();
            }
        }
    }

    private DynamicParameters Parameters(IDictionary<string, object?>? where, DateOnly datum)
    {
        var parameters = where is null ? new DynamicParameters() : new DynamicParameters(where);
        parameters.Add("root", urls.Root);
        parameters.Add("datum", datum);
        return parameters;
    }
}
