using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Besluiten.Api.Resources.Common;

/// <summary>
/// The object-level checks of the Besluiten API (ZGW A5/A8): brc autorisaties name a besluittype and carry no
/// vertrouwelijkheid, so a caller may touch a besluit (and its besluitinformatieobjecten and audit trail) when one of
/// its autorisaties grants the scope for the besluit's besluittype. A forbidden single object is 403; lists are filtered.
/// </summary>
public static class BesluitGuard
{
    private const string Brc = BesluitenService.Brc;

    public static bool Allows(ZgwCaller caller, string scope, string besluittype) => caller.IsAllowed(Brc, scope, besluittype);

    public static void EnsureAllowed(HttpContext ctx, string besluittype, string scope)
    {
        if (!Allows(ctx.GetZgwCaller(), scope, besluittype))
            throw ZgwException.PermissionDenied();
    }

    public static void EnsureCanRead(HttpContext ctx, BesluitRef besluit, string scope = BesluitenScopes.Lezen) =>
        EnsureAllowed(ctx, besluit.Besluittype, scope);

    /// <summary>
    /// Adds the list authorisation to <paramref name="where"/>: only besluiten whose besluittype is named by one of the
    /// caller's brc autorisaties for <paramref name="scope"/> (index <c>besluit_autorisatie</c>), so <c>count</c> and paging
    /// see exactly what the caller may see. <paramref name="alias"/> is the alias of the besluit table in the query.
    /// </summary>
    public static void AddAutorisatieFilter(SqlWhere where, ZgwCaller caller, string alias = "b", string scope = BesluitenScopes.Lezen)
        => AutorisatieFilter.Add(where, caller, Brc, scope, $"{alias}.besluittype", rankColumn: null);
}
