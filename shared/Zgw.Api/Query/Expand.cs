using Zgw.Api.Problems;

namespace Zgw.Api.Query;

/// <summary>
/// A parsed <c>expand</c> parameter: a tree of relation names (<c>zaaktype,status.statustype</c>).
/// Paths deeper than <see cref="MaxDepth"/> are cut (zrc-026/drc-012); a name the resource does not
/// have is a 404 (drc-013).
/// </summary>
public sealed class ExpandTree
{
    public const int MaxDepth = 3;
    public static readonly ExpandTree Empty = new();

    public Dictionary<string, ExpandTree> Children { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Children.Count == 0;

    public bool Has(string name) => Children.ContainsKey(name);

    public ExpandTree this[string name] => Children.TryGetValue(name, out var child) ? child : Empty;

    /// <summary>
    /// Parses <paramref name="expand"/> against the relation names each level allows:
    /// <paramref name="allowed"/> maps a dotted path prefix ("" for the root) to the names valid there.
    /// </summary>
    public static ExpandTree Parse(string? expand, IReadOnlyDictionary<string, IReadOnlyCollection<string>> allowed)
    {
        var root = new ExpandTree();
        if (string.IsNullOrWhiteSpace(expand))
            return root;
        foreach (var path in expand.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var node = root;
            var prefix = "";
            foreach (var name in path.Split('.').Take(MaxDepth))
            {
                if (!allowed.TryGetValue(prefix, out var names) || !names.Contains(name))
                    throw ZgwException.NotFound($"Het veld \"{(prefix.Length == 0 ? name : prefix + "." + name)}\" kan niet uitgebreid worden (expand).");
                if (!node.Children.TryGetValue(name, out var child))
                    node.Children[name] = child = new ExpandTree();
                node = child;
                prefix = prefix.Length == 0 ? name : prefix + "." + name;
            }
        }
        return root;
    }
}
