using Zgw.Api.References;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Zaken.Api.Resources.Zaakeigenschap;

/// <summary>The body of POST/PUT/PATCH <c>/zaken/{zaak_uuid}/zaakeigenschappen</c> (OAS <c>ZaakEigenschap</c> without read-only fields).</summary>
public sealed record ZaakeigenschapRequest(string? Zaak, string? Eigenschap, string? Waarde) : IValidatable
{
    public void Validate(Validator v)
    {
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        if (v.Required("eigenschap", Eigenschap))
            v.Url("eigenschap", Eigenschap);
        v.Required("waarde", Waarde);
    }
}

/// <summary>The rules of zaakeigenschappen (zgw-rules Z3, Z16–Z20; Open Zaak waarde validation).</summary>
public static class ZaakeigenschapRules
{
    public const string WaardeIncorrectFormat = "waarde-incorrect-format";
    public static readonly string[] EigenschapProperties = ["url", "naam", "specificatie"];

    /// <summary>The zaak in the body must be the zaak of the path (the resource is nested under it).</summary>
    public static void ZaakIsZaakVanPad(ZaakeigenschapRequest body, ZakenUrls urls, Guid zaakUuid)
    {
        if (body.Zaak != urls.Zaak(zaakUuid))
            throw ZgwException.Validation("zaak", ZakenCodes.ZaakMismatch, "De zaak moet de zaak uit het pad zijn.");
    }

    /// <summary>Open Zaak: on update neither the zaak nor the eigenschap may change (<c>wijzigen-niet-toegelaten</c>).</summary>
    public static void ZaakEnEigenschapOnveranderlijk(string eigenschap, ZaakeigenschapRequest body, ZakenUrls urls, Guid zaakUuid)
    {
        var v = new Validator();
        if (body.Zaak != urls.Zaak(zaakUuid))
            v.Add("zaak", ZakenCodes.WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.");
        if (body.Eigenschap != eigenschap)
            v.Add("eigenschap", ZakenCodes.WijzigenNietToegelaten, "Dit veld mag niet gewijzigd worden.");
        v.ThrowIfInvalid();
    }

    /// <summary>zrc-018: the eigenschap must be one of the zaaktype's eigenschappen (Open Zaak <c>zaaktype-mismatch</c>).</summary>
    public static void Zrc018_EigenschapHoortBijZaaktype(string eigenschap, Zaaktype zaaktype)
    {
        if (!zaaktype.Eigenschappen.Contains(eigenschap))
            throw ZgwException.Validation("nonFieldErrors", ZakenCodes.ZaaktypeMismatch, "De eigenschap hoort niet bij het zaaktype van de zaak.");
    }

    /// <summary>Open Zaak: the waarde must match the eigenschap's specificatie (400 <c>waarde-incorrect-format</c>).</summary>
    public static void WaardeVolgensSpecificatie(JsonElement eigenschap, string waarde)
    {
        if (eigenschap.TryGetProperty("specificatie", out var spec) && spec.ValueKind == JsonValueKind.Object && !Matches(spec, waarde))
            throw ZgwException.Validation("nonFieldErrors", WaardeIncorrectFormat,
                $"De waarde voldoet niet aan de specificatie van de eigenschap ({spec.GetRawText()}).");
    }

    /// <summary>
    /// As Open Zaak's <c>match_eigenschap_specificatie</c>: a non-empty waardenverzameling lists the allowed values;
    /// else by formaat: <c>tekst</c> at most <c>lengte</c> characters, <c>getal</c> digits (lengte <c>"n"</c> or
    /// <c>"n,d"</c>, comma as decimal separator), <c>datum</c> <c>jjjjmmdd</c>, <c>datum_tijd</c> <c>jjjjmmdduummss</c>.
    /// </summary>
    public static bool Matches(JsonElement spec, string waarde)
    {
        if (spec.TryGetProperty("waardenverzameling", out var set) && set.ValueKind == JsonValueKind.Array && set.GetArrayLength() > 0)
            return set.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == waarde);
        var formaat = JsonFields.Text(spec, "formaat");
        var lengte = JsonFields.Text(spec, "lengte") ?? "";
        switch (formaat)
        {
            case "tekst":
                return !int.TryParse(lengte, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || waarde.Length <= max;
            case "getal":
            {
                var parts = lengte.Split(',');
                if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
                    return true;
                var pattern = $@"\d{{0,{whole}}}";
                if (parts.Length > 1 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var fraction))
                    pattern += $@",?\d{{0,{fraction}}}";
                return Regex.IsMatch(waarde, $"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) && waarde.All(ch => ch == ',' || char.IsAsciiDigit(ch));
            }
            case "datum":
                return DateOnly.TryParseExact(waarde, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            case "datum_tijd":
                return DateTime.TryParseExact(waarde, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            default:
                return true;
        }
    }
}
