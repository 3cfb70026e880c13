using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Zgw.Api.Query;

/// <summary>The ZGW paginated list body: <c>{count, next, previous, results}</c> with absolute links.</summary>
public sealed record Page<T>(int Count, string? Next, string? Previous, IReadOnlyList<T> Results);

/// <summary>The requested page: number (from 1) and size (100; <c>pageSize</c> up to 500 as a documented extension).</summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 500;
    public static readonly string[] Parameters = ["page", "pageSize"];

    public int Offset => (Number - 1) * Size;

    public static PageRequest From(IQueryCollection query)
    {
        var number = ParsePositive(query, "page", 1);
        var size = Math.Min(ParsePositive(query, "pageSize", DefaultSize), MaxSize);
        return new PageRequest(number, size);
    }

    private static int ParsePositive(IQueryCollection query, string name, int fallback)
    {
        if (!query.TryGetValue(name, out var values) || string.IsNullOrEmpty(values[^1]))
            return fallback;
        if (int.TryParse(values[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            return n;
        throw ZgwException.Validation(name, ZgwCodes.Invalid, "Voer een geheel getal groter dan 0 in.");
    }
}

public static class Paging
{
    /// <summary>
    /// Builds the page body. Links keep every other query parameter and are absolute under the
    /// configured public base URL. A page past the last one is a 404 (ZGW G4).
    /// </summary>
    public static Page<T> Create<T>(HttpContext context, PageRequest page, int count, IReadOnlyList<T> results)
    {
        var lastPage = Math.Max(1, (int)Math.Ceiling(count / (double)page.Size));
        if (page.Number > lastPage)
            throw ZgwException.NotFound("Ongeldige pagina.");
        var next = page.Number < lastPage ? Link(context, page.Number + 1) : null;
        var previous = page.Number > 1 ? Link(context, page.Number - 1) : null;
        return new Page<T>(count, next, previous, results);
    }

    private static string Link(HttpContext context, int number)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ZgwOptions>>().Value;
        var query = QueryHelpers.ParseQuery(context.Request.QueryString.Value);
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (key == "page")
                continue;
            foreach (var v in values)
                builder.Add(key, v ?? "");
        }
        if (number > 1)
            builder.Add("page", number.ToString(CultureInfo.InvariantCulture));
        return options.PublicBase + context.Request.PathBase + context.Request.Path + builder.ToQueryString();
    }
}
