using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Documenten.Api.Resources.Common;

/// <summary>
/// The object-level checks of the Documenten API (ZGW A8): a caller may only touch a document (and its gebruiksrechten,
/// objectinformatieobjecten, verzendingen, bestandsdelen, audittrail) whose informatieobjecttype it is authorised for up
/// to the document's vertrouwelijkheidaanduiding. A forbidden single object is 403; lists are filtered silently.
/// </summary>
public static class DocumentGuard
{
    private const string Drc = DocumentenService.Drc;

    /// <summary>True when the caller holds <paramref name="scope"/> for this informatieobjecttype at this vertrouwelijkheid.</summary>
    public static bool Allows(ZgwCaller caller, string scope, string informatieobjecttype, string vertrouwelijkheidaanduiding) =>
        caller.IsAllowed(Drc, scope, informatieobjecttype, vertrouwelijkheidaanduiding);

    public static bool Allows(ZgwCaller caller, string scope, DocumentRef document) =>
        Allows(caller, scope, document.Informatieobjecttype, document.Vertrouwelijkheidaanduiding);

    /// <summary>Reads of the document (or of one of its versions, with that version's type and vertrouwelijkheid).</summary>
    public static void EnsureCanRead(HttpContext ctx, string informatieobjecttype, string vertrouwelijkheidaanduiding,
        string scope = DocumentenScopes.Lezen)
    {
        if (!Allows(ctx.GetZgwCaller(), scope, informatieobjecttype, vertrouwelijkheidaanduiding))
            throw ZgwException.PermissionDenied();
    }

    public static void EnsureCanRead(HttpContext ctx, DocumentRef document, string scope = DocumentenScopes.Lezen) =>
        EnsureCanRead(ctx, document.Informatieobjecttype, document.Vertrouwelijkheidaanduiding, scope);

    /// <summary>Writes to a document or its related data with one of <paramref name="scopes"/> (the operation's OAS security list).</summary>
    public static void EnsureCanWrite(HttpContext ctx, DocumentRef document, IReadOnlyCollection<string> scopes) =>
        EnsureCanWrite(ctx, document.Informatieobjecttype, document.Vertrouwelijkheidaanduiding, scopes);

    /// <summary>
    /// Writes that set the type and vertrouwelijkheid themselves (a create, or an update that changes them): the caller
    /// must hold one of <paramref name="scopes"/> for the resulting pair.
    /// </summary>
    public static void EnsureCanWrite(HttpContext ctx, string informatieobjecttype, string vertrouwelijkheidaanduiding,
        IReadOnlyCollection<string> scopes)
    {
        var caller = ctx.GetZgwCaller();
        if (!scopes.Any(s => Allows(caller, s, informatieobjecttype, vertrouwelijkheidaanduiding)))
            throw ZgwException.PermissionDenied(
                "Je mag geen documenten van dit informatieobjecttype (met deze vertrouwelijkheidaanduiding) wijzigen of aanmaken.");
    }

    /// <summary>
    /// Adds the list authorisation to <paramref name="where"/>: only documents whose (informatieobjecttype, vertrouwelijkheid)
    /// is covered by one of the caller's autorisaties for <paramref name="scope"/>. The pairs are arrays joined with
    /// <c>unnest</c> inside the SQL, so <c>count</c>, paging and <c>_zoek</c> see exactly what the caller may see.
    /// <paramref name="documentAlias"/> is the alias of the <c>enkelvoudiginformatieobject</c> table in the query (for
    /// gebruiksrechten, objectinformatieobjecten and verzendingen: join it and pass its alias).
    /// </summary>
    public static void AddAutorisatieFilter(SqlWhere where, ZgwCaller caller, string documentAlias = "d", string scope = DocumentenScopes.Lezen)
        => AutorisatieFilter.Add(where, caller, Drc, scope, $"{documentAlias}.informatieobjecttype", $"{documentAlias}.vertrouwelijkheid_rang");
}
