using Zgw.Api.Query;

namespace Zgw.Api.Auth;

/// <summary>
/// The object-level autorisatie of a list, inside its SQL (so count and paging only see allowed rows): the caller's
/// types for <c>component</c> and <c>scope</c>, and per type its maxVertrouwelijkheidaanduiding.
/// </summary>
public static class AutorisatieFilter
{
    /// <param name="typeColumn">The row's type URL column, e.g. <c>z.zaaktype</c>.</param>
    /// <param name="rankColumn">
    /// The row's vertrouwelijkheid rank column (<see cref="Vertrouwelijkheid.Rank"/>), e.g. <c>z.vertrouwelijkheid_rang</c>;
    /// null for a component without vertrouwelijkheid (Besluiten).
    /// </param>
    public static void Add(SqlWhere where, ZgwCaller caller, string component, string scope, string typeColumn, string? rankColumn)
    {
        if (caller.Applicatie.HeeftAlleAutorisaties)
            return;
        var grants = caller.Grants(component, scope).Where(g => g.TypeUrl is not null).ToList();
        if (grants.Count == 0)
        {
            where.AddRaw("FALSE");
            return;
        }
        var typesParameter = where.Parameter(grants.Select(g => g.TypeUrl!).ToArray());
        if (rankColumn is null)
        {
            where.AddRaw($"{typeColumn} = ANY({typesParameter}::text[])");
            return;
        }
        var ranksParameter = where.Parameter(grants
            .Select(g => (short)(g.MaxVertrouwelijkheidaanduiding is null ? 7 : Vertrouwelijkheid.Rank(g.MaxVertrouwelijkheidaanduiding))).ToArray());
        // The ANY narrows on the leading column of the component's autorisatie index (type, rank, id), so a count is an
        // index-only scan over the allowed types; the EXISTS applies each type's own ceiling.
        where.AddRaw($"""
            {typeColumn} = ANY({typesParameter}::text[])
            AND EXISTS (SELECT 1 FROM unnest({typesParameter}::text[], {ranksParameter}::smallint[]) AS g(type, rang)
                        WHERE g.type = {typeColumn} AND {rankColumn} <= g.rang)
            """);
    }
}
