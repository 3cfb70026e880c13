using Catalogi.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Catalogi.Api.Resources.Eigenschap;

/// <summary>The rules of the eigenschap (zgw-rules §T).</summary>
public static class EigenschapRules
{
    private static readonly string[] Formaten = ["tekst", "getal", "datum", "datum_tijd"];

    public static void ValidateFields(EigenschapRequest r, Validator v)
    {
        v.RequiredText("naam", r.Naam, 20);
        v.RequiredText("definitie", r.Definitie, 255);
        if (v.Required("specificatie", r.Specificatie))
        {
            var s = r.Specificatie!;
            v.MaxLength("specificatie.groep", s.Groep, 32);
            if (v.Required("specificatie.formaat", s.Formaat))
                v.OneOf("specificatie.formaat", s.Formaat, Formaten);
            v.RequiredText("specificatie.lengte", s.Lengte, 14);
            v.RequiredText("specificatie.kardinaliteit", s.Kardinaliteit, 3);
            v.Items("specificatie.waardenverzameling", s.Waardenverzameling, 100);
            Ztc015_DatumLengte(s, v);
        }
        v.MaxLength("toelichting", r.Toelichting, 1000);
        if (v.Required("zaaktype", r.Zaaktype))
            v.Url("zaaktype", r.Zaaktype);
        v.Url("statustype", r.Statustype);
    }

    /// <summary>
    /// ztc-015: an eigenschap with <c>formaat</c> <c>datum</c> has <c>lengte</c> 8 (values <c>YYYYMMDD</c>), one with
    /// <c>datum_tijd</c> has <c>lengte</c> 14 (<c>YYYYMMDDhhmmss</c>). 400 <c>invalid</c> on <c>specificatie.lengte</c>.
    /// </summary>
    public static void Ztc015_DatumLengte(EigenschapSpecificatie s, Validator v)
    {
        var expected = s.Formaat switch { "datum" => "8", "datum_tijd" => "14", _ => null };
        if (expected is not null && s.Lengte is not null && s.Lengte != expected)
            v.Add("specificatie.lengte", ZgwCodes.Invalid, $"De lengte van formaat {s.Formaat} is {expected}.");
    }
}
