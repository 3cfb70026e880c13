using Microsoft.AspNetCore.Http;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Zaken.Api.Resources.Common;

/// <summary>
/// The object-level checks of the Zaken API: a caller may only touch a zaak (and its related data) whose zaaktype it is
/// authorised for up to the zaak's vertrouwelijkheidaanduiding (ZGW A8); a closed zaak is read-only without
/// <c>zaken.geforceerd-bijwerken</c> (zrc-007); related data can only be written while the zaak is
/// <c>nog_te_archiveren</c> (OAS, Open Zaak <c>zaak-archiefstatus-invalid</c>).
/// </summary>
public static class ZaakGuard
{
    private const string Zrc = ZakenService.Zrc;

    /// <summary>True when the caller holds <paramref name="scope"/> for this zaak's zaaktype and vertrouwelijkheid.</summary>
    public static bool Allows(ZgwCaller caller, string scope, ZaakRef zaak) =>
        caller.IsAllowed(Zrc, scope, zaak.Zaaktype, zaak.Vertrouwelijkheidaanduiding);

    /// <summary>Reads: a forbidden single object is 403 (A8), not 404.</summary>
    public static void EnsureCanRead(HttpContext ctx, ZaakRef zaak, string scope = ZakenScopes.Lezen)
    {
        if (!Allows(ctx.GetZgwCaller(), scope, zaak))
            throw ZgwException.PermissionDenied();
    }

    /// <summary>
    /// Writes to a zaak or its related data with one of <paramref name="scopes"/>. On a closed zaak only
    /// <c>zaken.geforceerd-bijwerken</c> counts (zrc-007 / Z6).
    /// </summary>
    public static void EnsureCanWrite(HttpContext ctx, ZaakRef zaak, IReadOnlyCollection<string> scopes, bool closedRule = true)
    {
        var caller = ctx.GetZgwCaller();
        if (!scopes.Any(s => caller.HasAnyScope([s], Zrc) && Allows(caller, s, zaak)))
            throw ZgwException.PermissionDenied();
        if (closedRule)
            Zrc007_GeslotenZaakAlleenGeforceerd(caller, zaak);
    }

    /// <summary>zrc-007: after the eindstatus, changing the zaak or its related data needs <c>zaken.geforceerd-bijwerken</c>.</summary>
    public static void Zrc007_GeslotenZaakAlleenGeforceerd(ZgwCaller caller, ZaakRef zaak)
    {
        if (zaak.IsGesloten && !Allows(caller, ZakenScopes.GeforceerdBijwerken, zaak))
            throw ZgwException.PermissionDenied("You are not allowed to modify closed zaak data.");
    }

    /// <summary>Related data may only be written while the zaak is <c>nog_te_archiveren</c> (Open Zaak applies this to every write).</summary>
    public static void EnsureNogTeArchiveren(ZaakRef zaak, string field = "nonFieldErrors")
    {
        if (zaak.Archiefstatus != "nog_te_archiveren")
            throw ZgwException.Validation(field, ZakenCodes.ArchiefstatusInvalid,
                "Deze gegevens kunnen niet gewijzigd worden: de archiefstatus van de zaak is niet 'nog_te_archiveren'.");
    }

    /// <summary>
    /// Adds the list authorisation to <paramref name="where"/>: only zaken whose (zaaktype, vertrouwelijkheid) is covered
    /// by one of the caller's autorisaties for <paramref name="scope"/>. The pairs are arrays joined with <c>unnest</c> inside
    /// the SQL, so <c>count</c>, paging and <c>_zoek</c> see exactly what the caller may see. <paramref name="zaakAlias"/>
    /// is the alias of the zaak table in the query.
    /// </summary>
    public static void AddAutorisatieFilter(SqlWhere where, ZgwCaller caller, string zaakAlias = "z", string scope = ZakenScopes.Lezen)
        => AutorisatieFilter.Add(where, caller, Zrc, scope, $"{zaakAlias}.zaaktype", $"{zaakAlias}.vertrouwelijkheid_rang");
}
