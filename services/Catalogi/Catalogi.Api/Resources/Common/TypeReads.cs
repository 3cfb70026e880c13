using System.Globalization;
using Microsoft.AspNetCore.Http;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Catalogi.Api.Resources.Common;

/// <summary>A parsed list request: SQL filters, page, reference date (T9) and <c>expand</c>.</summary>
public sealed record ListQuery(SqlWhere Where, PageRequest Page, DateOnly Datum, ExpandTree Expand);

/// <summary>
/// How a list filters on <c>status</c> (<see cref="ConceptColumn"/>: the type's own <c>concept</c>, or its zaaktype's for
/// the parts, T14) and on <c>datumGeldigheid</c> (<see cref="GeldigheidAlias"/>: the alias whose begin/eindeGeldigheid
/// count; <see cref="DatumParameters"/>: <c>/resultaattypen</c> also takes <c>datum_geldigheid</c>). Null: no such filter.
/// <see cref="Extra"/> adds filters the shared <see cref="FilterSet"/> cannot express.
/// </summary>
public sealed record ListShape
{
    public string? ConceptColumn { get; init; }
    public string? GeldigheidAlias { get; init; }
    public string[] DatumParameters { get; init; } = ["datumGeldigheid"];
    public Action<IQueryCollection, SqlWhere>? Extra { get; init; }
}

/// <summary>The list and detail reads every resource shares: filters, status, geldigheid, paging, expand, ETag.</summary>
public static class TypeReads
{
    public static readonly IReadOnlyCollection<string> StatusWaarden = ["alles", "concept", "definitief"];

    /// <summary>The reference date when none is asked: today (local time of the service).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>SQL: the row aliased <paramref name="alias"/> is valid on <paramref name="date"/>, both ends inclusive (T10).</summary>
    public static string Geldig(string alias, string date = "@datum") =>
        $"({alias}.begin_geldigheid <= {date} AND ({alias}.einde_geldigheid IS NULL OR {alias}.einde_geldigheid >= {date}))";

    public static async Task<IResult> ListAsync(HttpContext context, CatalogiReader reader, CatalogiKind kind, FilterSet filters, ListShape shape)
    {
        var query = ParseList(context.Request.Query, reader, kind, filters, shape);
        var (count, results) = await reader.ListAsync(kind, query);
        return Results.Ok(Paging.Create(context, query.Page, count, results));
    }

    /// <summary>
    /// GET and HEAD of one resource with its ETag (G7). With <paramref name="geldigheidAlias"/> the detail accepts
    /// <c>datumGeldigheid</c>: the resource must be valid on that date (else 404) and its relations are rendered for it.
    /// </summary>
    public static async Task<IResult> DetailAsync(HttpContext context, CatalogiReader reader, CatalogiKind kind, Guid uuid,
        string? geldigheidAlias = null)
    {
        var query = context.Request.Query;
        var allowed = new FilterSet().Allow("expand");
        if (geldigheidAlias is not null)
            allowed.Allow("datumGeldigheid");
        allowed.Parse(query);
        var v = new Validator();
        var datum = ParseDate(query, ["datumGeldigheid"], v);
        v.ThrowIfInvalid();
        var expand = ExpandTree.Parse(query["expand"].ToString(), reader.Expandable(kind));
        var condition = datum is not null && geldigheidAlias is not null ? Geldig(geldigheidAlias) : null;
        var json = await reader.FindAsync(kind, uuid, datum ?? Today, expand, condition) ?? throw ZgwException.NotFound();
        return HttpCaching.JsonWithETag(json);
    }

    public static ListQuery ParseList(IQueryCollection query, CatalogiReader reader, CatalogiKind kind, FilterSet filters, ListShape shape)
    {
        var where = filters.Parse(query);
        var v = new Validator();
        if (shape.ConceptColumn is not null)
            ApplyStatus(query, shape.ConceptColumn, where, v);
        var datum = shape.GeldigheidAlias is null ? null : ParseDate(query, shape.DatumParameters, v);
        v.ThrowIfInvalid();
        shape.Extra?.Invoke(query, where);
        if (datum is { } d && shape.GeldigheidAlias is not null)
            where.Add(p => Geldig(shape.GeldigheidAlias, p), d);
        return new ListQuery(where, PageRequest.From(query), datum ?? Today,
            ExpandTree.Parse(query["expand"].ToString(), reader.Expandable(kind)));
    }

    /// <summary><c>status</c>: <c>alles</c>, <c>concept</c>, or <c>definitief</c> (the default, per the OAS parameter text).</summary>
    private static void ApplyStatus(IQueryCollection query, string conceptColumn, SqlWhere where, Validator v)
    {
        var status = query.TryGetValue("status", out var values) ? values[^1] ?? "" : "definitief";
        if (!StatusWaarden.Contains(status))
        {
            v.Add("status", ZgwCodes.InvalidChoice, $"Selecteer een geldige keuze. {status} is geen beschikbare keuze.");
            return;
        }
        if (status == "definitief")
            where.AddRaw($"NOT {conceptColumn}");
        else if (status == "concept")
            where.AddRaw(conceptColumn);
    }

    private static DateOnly? ParseDate(IQueryCollection query, IEnumerable<string> names, Validator v)
    {
        DateOnly? result = null;
        foreach (var name in names)
        {
            if (!query.TryGetValue(name, out var values))
                continue;
            if (DateOnly.TryParseExact(values[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                result = date;
            else
                v.Add(name, ZgwCodes.Invalid, "Voer een geldige datum in (JJJJ-MM-DD).");
        }
        return result;
    }
}
