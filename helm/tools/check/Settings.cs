using System.Text.RegularExpressions;

/// <summary>
/// `ChartCheck --settings REPO_ROOT CHART_README`: every configuration setting the code reads must appear in the
/// chart README's table "Every configuration setting, and how to set it" (first column). Settings are found as a
/// reviewer would grep for them in services/*/*.Api, shared/ (not Zgw.Testing) and gateway/: the properties of the
/// options classes bound with Configure&lt;T&gt;(…GetSection(S)) or GetSection(S).Get&lt;T&gt;() (nested classes and
/// dictionaries included), every GetSection(S) (documented as S, S:* or a setting below S), Configuration["K"],
/// GetValue&lt;T&gt;("K") and GetConnectionString("X"). Section names given as constants are resolved.
/// </summary>
static partial class Settings
{
    [GeneratedRegex(@"\b(?:class|record)\s+(\w+)")] private static partial Regex ClassDecl();
    [GeneratedRegex(@"const\s+string\s+(\w+)\s*=\s*""([^""]+)""")] private static partial Regex ConstDecl();
    [GeneratedRegex(@"public\s+([\w<>,\s\[\]?]+?)\s+(\w+)\s*\{\s*get;\s*set;\s*\}")] private static partial Regex Property();
    [GeneratedRegex(@"Configure<(\w+)>\([^;]*?GetSection\(([^()]+)\)\)")] private static partial Regex ConfigureBinding();
    [GeneratedRegex(@"GetSection\(([^()]+)\)\s*\.Get<(\w+)>\(\)")] private static partial Regex GetBinding();
    [GeneratedRegex(@"GetSection\(([^()]+)\)")] private static partial Regex AnySection();
    [GeneratedRegex(@"[cC]onfiguration(?:\(\))?\[([^\]]+)\]")] private static partial Regex Indexer();
    [GeneratedRegex(@"GetValue<[\w?]+>\(""([^""]+)""\)")] private static partial Regex GetValue();
    [GeneratedRegex(@"GetConnectionString\(""(\w+)""\)")] private static partial Regex ConnectionString();
    [GeneratedRegex(@"`([^`]+)`")] private static partial Regex Code();

    public static int Run(string root, string readme)
    {
        var files = new[] { "services", "shared", "gateway" }
            .Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !Regex.IsMatch(f, @"[/\\](bin|obj|Zgw\.Testing|[^/\\]*\.Tests)[/\\]"))
            .ToDictionary(f => f, File.ReadAllText);

        // Constants (Class.Name and Name) and the properties of every class.
        var consts = new Dictionary<string, string>(StringComparer.Ordinal);
        var fileConsts = files.Keys.ToDictionary(f => f, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        var props = new Dictionary<string, List<(string Type, string Name)>>(StringComparer.Ordinal);
        foreach (var (file, text) in files)
        {
            var classes = ClassDecl().Matches(text).Select(m => (m.Index, Name: m.Groups[1].Value)).ToList();
            string Owner(int at) => classes.LastOrDefault(c => c.Index < at).Name ?? "";
            foreach (Match m in ConstDecl().Matches(text))
            {
                consts[$"{Owner(m.Index)}.{m.Groups[1].Value}"] = m.Groups[2].Value;
                consts.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
                fileConsts[file].TryAdd(m.Groups[1].Value, m.Groups[2].Value);
            }
            foreach (Match m in Property().Matches(text))
            {
                var owner = Owner(m.Index);
                if (!props.TryGetValue(owner, out var list))
                    props[owner] = list = [];
                list.Add((m.Groups[1].Value.Trim(), m.Groups[2].Value));
            }
        }
        // A literal, Class.Name, or a bare Name (this file's constant first).
        string? Resolve(string file, string expr)
        {
            expr = expr.Trim();
            if (expr.StartsWith('"'))
                return expr.Trim('"');
            if (fileConsts[file].TryGetValue(expr, out var v) || consts.TryGetValue(expr, out v))
                return v;
            return consts.GetValueOrDefault(expr.Split('.')[^1]);
        }

        var found = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase); // setting → where
        void Add(string setting, string file) => found.TryAdd(setting, Path.GetRelativePath(root, file));
        void AddClass(string prefix, string type, string file, int depth)
        {
            if (depth > 4 || !props.TryGetValue(type, out var list))
                return;
            foreach (var (t, name) in list)
            {
                var dict = Regex.Match(t, @"^Dictionary<string,\s*(\w+)>$");
                var inner = dict.Success ? dict.Groups[1].Value : t.TrimEnd('?');
                var path = dict.Success ? $"{prefix}:{name}:{{key}}" : $"{prefix}:{name}";
                if (props.ContainsKey(inner))
                    AddClass(path, inner, file, depth + 1);
                else
                    Add(path, file);
            }
        }
        foreach (var (file, text) in files)
        {
            foreach (Match m in ConfigureBinding().Matches(text))
                if (Resolve(file, m.Groups[2].Value) is { } s) AddClass(s, m.Groups[1].Value, file, 0);
            foreach (Match m in GetBinding().Matches(text))
                if (Resolve(file, m.Groups[1].Value) is { } s) AddClass(s, m.Groups[2].Value, file, 0);
            foreach (Match m in AnySection().Matches(text))
                if (Resolve(file, m.Groups[1].Value) is { } s) Add(s + ":*", file);
            foreach (Match m in Indexer().Matches(text))
                if (Resolve(file, m.Groups[1].Value) is { } s) Add(s, file);
            foreach (Match m in GetValue().Matches(text))
                Add(m.Groups[1].Value, file);
            foreach (Match m in ConnectionString().Matches(text))
                Add($"ConnectionStrings:{m.Groups[1].Value}", file);
        }

        // The table's first column: `A:B:C`, `:D` (= A:B:D), `X:*`, `Zgw:Services:{component}:InternalUrl`.
        var documented = new List<string>();
        var inTable = false;
        foreach (var line in File.ReadLines(readme))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
                inTable = line.Contains("Every configuration setting", StringComparison.Ordinal);
            if (!inTable || !line.StartsWith("| `", StringComparison.Ordinal))
                continue;
            var previous = "";
            foreach (Match m in Code().Matches(line.Split('|')[1]))
            {
                var s = m.Groups[1].Value.Split(' ')[0];
                if (s.StartsWith(':') && previous.Contains(':'))
                    s = previous[..previous.LastIndexOf(':')] + s;
                documented.Add(s);
                previous = s;
            }
        }
        static Regex Rx(string s, string tail) =>
            new("^" + Regex.Escape(s).Replace(@"\{key}", "[^:]+").Replace(@"\{component}", "[^:]+") + tail, RegexOptions.IgnoreCase);
        bool IsDocumented(string setting)
        {
            var section = setting.EndsWith(":*", StringComparison.Ordinal) ? setting[..^2] : null;
            foreach (var d in documented)
            {
                var wild = d.EndsWith(":*", StringComparison.Ordinal);
                var doc = wild ? d[..^2] : d;
                if (section is null ? Rx(doc, "$").IsMatch(setting) || (wild && Rx(doc, ":.+$").IsMatch(setting))
                        // a section: something at or below it is documented, or it lies below a documented X:*
                        : Rx(section, "(:.*)?$").IsMatch(doc) || (wild && Rx(doc, "(:.*)?$").IsMatch(section)))
                    return true;
            }
            return false;
        }
        var missing = found.Where(kv => !IsDocumented(kv.Key)).ToList();
        foreach (var (setting, where) in found.Where(kv => IsDocumented(kv.Key)))
            Console.WriteLine($"  ok   setting {setting} ({where})");
        foreach (var (setting, where) in missing)
            Console.WriteLine($"  FAIL setting {setting} (read in {where}) is not in the table of {Path.GetFileName(readme)}");
        Console.WriteLine($"settings: {found.Count - missing.Count} of {found.Count} settings the code reads are in the chart README's table, {missing.Count} missing");
        return missing.Count == 0 && found.Count > 0 ? 0 : 1;
    }
}
