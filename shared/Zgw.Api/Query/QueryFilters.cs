using System.Globalization;
using Microsoft.AspNetCore.Http;
using Zgw.Api.Problems;

namespace Zgw.Api.Query;

/// <summary>The ZGW filter suffixes (<c>zaaktype__in</c>, <c>startdatum__gte</c> ...).</summary>
[Flags]
public enum FilterOps
{
    Exact = 1,
    In = 2,
    Gt = 4,
    Gte = 8,
    Lt = 16,
    Lte = 32,
    IsNull = 64,
    IContains = 128,
    Comparisons = Gt | Gte | Lt | Lte,
}

/// <summary>How a filter value is parsed and validated.</summary>
public enum FilterKind
{
    Text, Url, Date, DateTime, Bool, Int, Uuid, Choice,

    /// <summary>A comma-separated list matched against an array column: any overlap (<c>&amp;&amp;</c>).</summary>
    CommaListOverlap,
}

/// <summary>
/// The filters of one list operation, declared once as data, and the parser that turns a query string
/// into a SQL <c>WHERE</c> fragment with parameters. Unknown parameters and badly formatted values are a
/// 400 <c>ValidatieFout</c> (ZGW G3), never ignored.
/// </summary>
public sealed class FilterSet
{
    /// <summary>No query parameters at all: detail reads and writes refuse any (ZGW G3).</summary>
    public static readonly FilterSet None = new();

    private readonly Dictionary<string, (FilterDefinition Def, FilterOps Op)> _byParameter = new(StringComparer.Ordinal);
    private readonly HashSet<string> _otherParameters = new(StringComparer.Ordinal);

    /// <summary>
    /// Declares a filter. <paramref name="sql"/> is a column (<c>z.zaaktype</c>) or, for filters that
    /// need a subquery, a template in which <c>{column}</c> stands for the compared expression:
    /// <c>EXISTS (SELECT 1 FROM rol r WHERE r.zaak_id = z.id AND {column})</c> with <paramref name="column"/>.
    /// </summary>
    public FilterSet Add(string name, FilterKind kind, string sql, FilterOps ops = FilterOps.Exact,
        IReadOnlyCollection<string>? choices = null, string? column = null)
    {
        var def = new FilterDefinition(name, kind, sql, column, choices);
        foreach (var op in Enum.GetValues<FilterOps>())
        {
            if (op is FilterOps.Comparisons || !ops.HasFlag(op))
                continue;
            _byParameter[name + Suffix(op)] = (def, op);
        }
        return this;
    }

    /// <summary>Query parameters the operation accepts that are not filters (<c>page</c>, <c>expand</c> ...).</summary>
    public FilterSet Allow(params string[] parameters)
    {
        foreach (var p in parameters)
            _otherParameters.Add(p);
        return this;
    }

    public IEnumerable<string> ParameterNames => _byParameter.Keys.Concat(_otherParameters);

    public SqlWhere Parse(IQueryCollection query)
    {
        var where = new SqlWhere();
        var errors = new List<InvalidParam>();
        var unknown = query.Keys.Where(k => !_byParameter.ContainsKey(k) && !_otherParameters.Contains(k)).Order().ToList();
        if (unknown.Count > 0)
            errors.Add(new InvalidParam(InvalidParam.NonFieldErrors, ZgwCodes.UnknownParameters,
                $"Onbekende query parameters: {string.Join(", ", unknown)}"));

        foreach (var (parameter, values) in query)
        {
            if (!_byParameter.TryGetValue(parameter, out var entry))
                continue;
            var raw = values.Count > 0 ? values[^1] ?? "" : "";
            try
            {
                Apply(where, entry.Def, entry.Op, raw);
            }
            catch (FormatException e)
            {
                errors.Add(new InvalidParam(parameter, ZgwCodes.Invalid, e.Message));
            }
        }
        if (errors.Count > 0)
            throw ZgwException.Validation(errors);
        return where;
    }

    private static void Apply(SqlWhere where, FilterDefinition def, FilterOps op, string raw)
    {
        if (def.Kind == FilterKind.CommaListOverlap)
        {
            var values = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            where.Add(p => def.Compare($"&& {p}"), values);
            return;
        }
        switch (op)
        {
            case FilterOps.IsNull:
                var isNull = ParseBool(raw);
                where.AddRaw(def.Compare(isNull ? "IS NULL" : "IS NOT NULL"));
                break;
            case FilterOps.In:
                var items = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var array = def.Kind switch
                {
                    FilterKind.Uuid => (object)items.Select(i => (Guid)ParseValue(def, i)).ToArray(),
                    FilterKind.Int => items.Select(i => (int)ParseValue(def, i)).ToArray(),
                    FilterKind.Date => items.Select(i => (DateOnly)ParseValue(def, i)).ToArray(),
                    _ => items.Select(i => (string)ParseValue(def, i)).ToArray(),
                };
                where.Add(p => def.Compare($"= ANY({p})"), array);
                break;
            case FilterOps.IContains:
                where.Add(p => def.Compare($"ILIKE '%' || {p} || '%'"), EscapeLike(raw));
                break;
            default:
                var value = ParseValue(def, raw);
                var sqlOp = op switch
                {
                    FilterOps.Gt => ">",
                    FilterOps.Gte => ">=",
                    FilterOps.Lt => "<",
                    FilterOps.Lte => "<=",
                    _ => "=",
                };
                where.Add(p => def.Compare($"{sqlOp} {p}"), value);
                break;
        }
    }

    private static object ParseValue(FilterDefinition def, string raw)
    {
        switch (def.Kind)
        {
            case FilterKind.Date:
                if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return d;
                throw new FormatException("Voer een geldige datum in (JJJJ-MM-DD).");
            case FilterKind.DateTime:
                if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
                    return dt.ToUniversalTime();
                throw new FormatException("Voer een geldige datum/tijd in (ISO-8601).");
            case FilterKind.Bool:
                return ParseBool(raw);
            case FilterKind.Int:
                if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
                    return i;
                throw new FormatException("Voer een geheel getal in.");
            case FilterKind.Uuid:
                if (Guid.TryParse(raw, out var g))
                    return g;
                throw new FormatException("Voer een geldige UUID in.");
            case FilterKind.Url:
                if (Uri.TryCreate(raw, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                    return raw;
                throw new FormatException("Voer een geldige URL in.");
            case FilterKind.Choice:
                if (def.Choices is null || def.Choices.Contains(raw))
                    return raw;
                throw new FormatException($"Selecteer een geldige keuze. {raw} is geen beschikbare keuze.");
            default:
                return raw;
        }
    }

    private static bool ParseBool(string raw) => raw.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new FormatException("Voer true of false in."),
    };

    private static string EscapeLike(string raw) => raw.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private static string Suffix(FilterOps op) => op switch
    {
        FilterOps.Exact => "",
        FilterOps.In => "__in",
        FilterOps.Gt => "__gt",
        FilterOps.Gte => "__gte",
        FilterOps.Lt => "__lt",
        FilterOps.Lte => "__lte",
        FilterOps.IsNull => "__isnull",
        FilterOps.IContains => "__icontains",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private sealed record FilterDefinition(string Name, FilterKind Kind, string Sql, string? Column, IReadOnlyCollection<string>? Choices)
    {
        /// <summary>Builds "<c>column OP</c>", inside the template when the filter has one.</summary>
        public string Compare(string comparison) =>
            Column is null ? $"{Sql} {comparison}" : Sql.Replace("{column}", $"{Column} {comparison}");
    }
}

/// <summary>A SQL <c>WHERE</c> fragment with its parameters (names <c>@f0</c>, <c>@f1</c> ...), for Dapper.</summary>
public sealed class SqlWhere
{
    private readonly List<string> _clauses = [];

    public Dictionary<string, object?> Parameters { get; } = [];

    /// <summary>True when no clause was added.</summary>
    public bool IsEmpty => _clauses.Count == 0;

    /// <summary>The clauses joined with AND; <c>TRUE</c> when there are none.</summary>
    public string Sql => _clauses.Count == 0 ? "TRUE" : string.Join(" AND ", _clauses);

    public void Add(Func<string, string> clause, object? value)
    {
        var name = $"f{Parameters.Count}";
        Parameters[name] = value;
        _clauses.Add(clause("@" + name));
    }

    public void AddRaw(string clause) => _clauses.Add(clause);

    /// <summary>Registers a parameter value and returns its placeholder (<c>@f3</c>), for clauses built with <see cref="AddRaw"/>.</summary>
    public string Parameter(object? value)
    {
        var name = $"f{Parameters.Count}";
        Parameters[name] = value;
        return "@" + name;
    }
}
