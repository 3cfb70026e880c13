namespace Gateway.Scopes;

/// <summary>The outcome of a lookup: the operation, or none (404), or none for this method but others (405).</summary>
public readonly record struct RouteLookup(RouteScope? Operation, IReadOnlyList<string> AllowedMethods)
{
    public bool PathExists => Operation is not null || AllowedMethods.Count > 0;
}

/// <summary>
/// Finds the operation for (method, path): literal segments match case-insensitively, <c>{param}</c> segments match
/// any non-empty segment, and a literal beats a parameter (<c>/applicaties/consumer</c> before
/// <c>/applicaties/{uuid}</c>), as ASP.NET routing in the services decides. HEAD without its own entry is the GET.
/// </summary>
public sealed class RouteScopeMatcher
{
    private static readonly string[] MethodOrder = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
    private readonly Dictionary<int, List<Template>> _bySegmentCount;

    public RouteScopeMatcher(IEnumerable<RouteScope> routes)
    {
        _bySegmentCount = routes
            .GroupBy(r => r.Path, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Template(g.Key.Split('/'), g.ToDictionary(r => r.Method, StringComparer.OrdinalIgnoreCase)))
            .GroupBy(t => t.Segments.Length)
            .ToDictionary(g => g.Key, g => g.Order(Template.MostSpecificFirst).ToList());
    }

    public RouteLookup Find(string method, string path)
    {
        var segments = path.Split('/');
        if (!_bySegmentCount.TryGetValue(segments.Length, out var templates))
            return new RouteLookup(null, []);
        var candidates = templates.Where(t => t.Matches(segments)).ToList();
        var operation = candidates.Select(t => t.For(method)).FirstOrDefault(o => o is not null);
        IReadOnlyList<string> allowed = operation is not null ? [] : candidates.SelectMany(t => t.Methods).Distinct()
            .OrderBy(m => Array.IndexOf(MethodOrder, m)).ToList();
        return new RouteLookup(operation, allowed);
    }

    private sealed record Template(string[] Segments, Dictionary<string, RouteScope> Operations)
    {
        public static readonly IComparer<Template> MostSpecificFirst = Comparer<Template>.Create((a, b) =>
        {
            for (var i = 0; i < a.Segments.Length; i++)
            {
                var byLiteral = IsParameter(a.Segments[i]).CompareTo(IsParameter(b.Segments[i]));
                if (byLiteral != 0)
                    return byLiteral;
            }
            return 0;
        });

        public IEnumerable<string> Methods => Operations.ContainsKey("GET") ? Operations.Keys.Append("HEAD") : Operations.Keys;

        public bool Matches(string[] path)
        {
            for (var i = 0; i < Segments.Length; i++)
            {
                var ok = IsParameter(Segments[i])
                    ? path[i].Length > 0
                    : string.Equals(Segments[i], path[i], StringComparison.OrdinalIgnoreCase);
                if (!ok)
                    return false;
            }
            return true;
        }

        public RouteScope? For(string method) =>
            Operations.GetValueOrDefault(method) ??
            (HttpMethods.IsHead(method) ? Operations.GetValueOrDefault("GET") : null);

        private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
    }
}
