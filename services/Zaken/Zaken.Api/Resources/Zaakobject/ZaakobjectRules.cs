using System.Text.Json.Nodes;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Zaken.Api.Resources.Zaakobject;

/// <summary>The rules of ZAAKOBJECT (zgw-rules Z27), each with the code the reference implementation answers.</summary>
public static class ZaakobjectRules
{
    /// <summary>
    /// Z27: a new zaakobject names its object by URL (<c>object</c>) or by <c>objectIdentificatie</c>; neither →
    /// <c>nonFieldErrors</c> <c>invalid-zaakobject</c> (create only, as the reference implementation).
    /// </summary>
    public static void InvalidZaakobject_ObjectOfIdentificatie(ZaakobjectRequest r)
    {
        var heeftIdentificatie = r.ObjectIdentificatie is JsonObject { Count: > 0 } && r.IdentificatieShape is not null;
        if (string.IsNullOrEmpty(r.Object) && !heeftIdentificatie)
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, "invalid-zaakobject", "object or objectIdentificatie must be provided");
    }

    /// <summary>
    /// OAS <c>objectTypeOverige</c>: required (or <c>objectTypeOverigeDefinitie</c>) when <c>objectType</c> is
    /// <c>overige</c> (<c>missing-object-type-overige</c>), not allowed otherwise (<c>invalid-object-type-overige-usage</c>).
    /// </summary>
    public static void ObjectTypeOverige_AlleenBijOverige(ZaakobjectRequest r, Validator v)
    {
        var overige = !string.IsNullOrEmpty(r.ObjectTypeOverige);
        if (r.ObjectType == "overige" && !overige && r.ObjectTypeOverigeDefinitie is null)
            v.Add(InvalidParam.NonFieldErrors, "missing-object-type-overige",
                "Als `objectType` de waarde \"overige\" heeft, moet `objectTypeOverige` of `objectTypeOverigeDefinitie` van een waarde voorzien zijn.");
        else if (r.ObjectType is not null && r.ObjectType != "overige" && overige)
            v.Add(InvalidParam.NonFieldErrors, "invalid-object-type-overige-usage",
                "Als `objectType` niet de waarde \"overige\" heeft, mag `objectTypeOverige` niet van een waarde voorzien zijn.");
    }

    /// <summary>OAS <c>objectTypeOverigeDefinitie</c>: only together with an <c>object</c> URL (<c>object</c> <c>required</c>).</summary>
    public static void ObjectTypeOverigeDefinitie_VereistObject(ZaakobjectRequest r, Validator v)
    {
        if (r.ObjectTypeOverigeDefinitie is not null && string.IsNullOrEmpty(r.Object))
            v.Add("object", ZgwCodes.Required, "Indien je `objectTypeOverigeDefinitie` gebruikt, dan moet je een OBJECT url opgeven.");
    }

    /// <summary>
    /// The <c>zaakobjecttype</c>, when given, must be one of the zaakobjecttypen of the zaak's zaaktype
    /// (<c>nonFieldErrors</c> <c>zaaktype-mismatch</c>, as zrc-016..020 for the other types).
    /// </summary>
    public static void ZaakobjecttypeHoortBijZaaktype(Zaaktype zaaktype, string zaakobjecttype)
    {
        if (!zaaktype.Zaakobjecttypen.Contains(zaakobjecttype))
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, ZakenCodes.ZaaktypeMismatch,
                "De referentie hoort niet bij het zaaktype van de zaak.");
    }

    /// <summary>
    /// On update <c>zaak</c>, <c>object</c>, <c>objectType</c> and <c>zaakobjecttype</c> stay as they are
    /// (<c>wijzigen-niet-toegelaten</c>; Open Zaak marks all four immutable).
    /// </summary>
    public static void WijzigenNietToegelaten(ZaakobjectRequest current, ZaakobjectRequest r)
    {
        var v = new Validator();
        Check(v, "zaak", current.Zaak, r.Zaak);
        Check(v, "object", current.Object, r.Object);
        Check(v, "objectType", current.ObjectType, r.ObjectType);
        Check(v, "zaakobjecttype", current.Zaakobjecttype, r.Zaakobjecttype);
        v.ThrowIfInvalid();
    }

    private static void Check(Validator v, string field, string? current, string? value)
    {
        if ((current ?? "") != (value ?? ""))
            v.Add(field, ZakenCodes.WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.");
    }
}
