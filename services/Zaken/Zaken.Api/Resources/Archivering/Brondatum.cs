using System.Globalization;
using System.Text.Json;
using Zgw.Api.Http;

namespace Zaken.Api.Resources.Archivering;

/// <summary>The nine <c>brondatumArchiefprocedure.afleidingswijze</c> values (Catalogi <c>AfleidingswijzeEnum</c>).</summary>
public static class Afleidingswijze
{
    public const string Afgehandeld = "afgehandeld";
    public const string Hoofdzaak = "hoofdzaak";
    public const string Eigenschap = "eigenschap";
    public const string AnderDatumkenmerk = "ander_datumkenmerk";
    public const string Zaakobject = "zaakobject";
    public const string Termijn = "termijn";
    public const string GerelateerdeZaak = "gerelateerde_zaak";
    public const string IngangsdatumBesluit = "ingangsdatum_besluit";
    public const string VervaldatumBesluit = "vervaldatum_besluit";

    public static readonly IReadOnlyList<string> Alle =
        [Afgehandeld, Hoofdzaak, Eigenschap, AnderDatumkenmerk, Zaakobject, Termijn, GerelateerdeZaak, IngangsdatumBesluit, VervaldatumBesluit];

    /// <summary>
    /// Afleidingswijzen whose source may legitimately be unknown when the zaak closes (Open Zaak): the zaak closes without an
    /// archiefactiedatum and the date is filled in later. <c>hoofdzaak</c> counts only while the hoofdzaak is still open
    /// (a deelzaak must close before its hoofdzaak, Z5); without any hoofdzaak it is an error.
    /// </summary>
    public static readonly IReadOnlySet<string> Uitstelbaar =
        new HashSet<string> { Eigenschap, AnderDatumkenmerk, VervaldatumBesluit, Hoofdzaak };
}

/// <summary>A brondatum that cannot be determined from the data (400 <c>archiefactiedatum-error</c>).</summary>
public sealed class BrondatumException(string message) : Exception(message);

/// <summary>
/// zrc-021 step 2: the brondatum per afleidingswijze, each a pure function of the data it reads. A null result means
/// "not known (yet)"; data that makes the derivation impossible throws <see cref="BrondatumException"/>.
/// </summary>
public static class Brondatum
{
    /// <summary><c>afgehandeld</c>: the zaak's einddatum (the date of the eindstatus being set).</summary>
    public static DateOnly Afgehandeld(DateOnly einddatum) => einddatum;

    /// <summary><c>hoofdzaak</c>: the einddatum of the hoofdzaak; null while it is open; a zaak without hoofdzaak is an error.</summary>
    public static DateOnly? Hoofdzaak(bool heeftHoofdzaak, DateOnly? hoofdzaakEinddatum) =>
        heeftHoofdzaak ? hoofdzaakEinddatum : throw new BrondatumException("De zaak heeft geen hoofdzaak om de brondatum uit af te leiden.");

    /// <summary>
    /// <c>eigenschap</c>: the value of the zaakeigenschap named <paramref name="datumkenmerk"/> (<paramref name="waarde"/> null:
    /// there is none yet). An unreadable date is an error.
    /// </summary>
    public static DateOnly? Eigenschap(string? datumkenmerk, string? waarde)
    {
        if (string.IsNullOrEmpty(datumkenmerk))
            throw new BrondatumException("Geen datumkenmerk aanwezig om de eigenschap te achterhalen voor het bepalen van de brondatum.");
        if (string.IsNullOrWhiteSpace(waarde))
            return null;
        return ParseDatum(waarde) ?? throw new BrondatumException($"Geen geldige datumwaarde in eigenschap \"{datumkenmerk}\": {waarde}");
    }

    /// <summary><c>ander_datumkenmerk</c>: kept in another registration, not derivable; the client sets archiefactiedatum.</summary>
    public static DateOnly? AnderDatumkenmerk() => null;

    /// <summary>
    /// <c>zaakobject</c>: the latest value of attribute <paramref name="datumkenmerk"/> (a <c>/</c>-separated path) in the
    /// <c>objectIdentificatie</c> of the zaakobjecten of type <paramref name="objecttype"/>. No such zaakobject, or one
    /// without a readable date, is an error.
    /// </summary>
    public static DateOnly Zaakobject(string? objecttype, string? datumkenmerk, IReadOnlyList<JsonElement> objectIdentificaties)
    {
        if (string.IsNullOrEmpty(objecttype))
            throw new BrondatumException("Geen objecttype aanwezig om het zaakobject te achterhalen voor het bepalen van de brondatum.");
        if (string.IsNullOrEmpty(datumkenmerk))
            throw new BrondatumException("Geen datumkenmerk aanwezig om het attribuut van het zaakobject te achterhalen.");
        if (objectIdentificaties.Count == 0)
            throw new BrondatumException($"Geen zaakobject van type \"{objecttype}\" om de brondatum uit af te leiden.");
        DateOnly? max = null;
        foreach (var identificatie in objectIdentificaties)
        {
            var value = Follow(identificatie, datumkenmerk);
            var datum = value is { ValueKind: JsonValueKind.String } ? ParseDatum(value.Value.GetString()!) : null;
            if (datum is null)
                throw new BrondatumException($"\"{datumkenmerk}\" is geen geldig datumattribuut van het zaakobject van type \"{objecttype}\".");
            max = max is null || datum > max ? datum : max;
        }
        return max!.Value;
    }

    /// <summary><c>termijn</c>: einddatum + <c>procestermijn</c>; without a (valid) procestermijn it is an error.</summary>
    public static DateOnly Termijn(DateOnly einddatum, string? procestermijn)
    {
        if (string.IsNullOrEmpty(procestermijn))
            throw new BrondatumException("Geen procestermijn aanwezig voor het bepalen van de brondatum.");
        if (!IsoDuration.TryParse(procestermijn, out var duur))
            throw new BrondatumException($"Geen geldige periode in procestermijn: {procestermijn}");
        return duur.AddTo(einddatum);
    }

    /// <summary>
    /// <c>gerelateerde_zaak</c>: the latest einddatum of the <c>relevanteAndereZaken</c>; none at all is an error, all still
    /// open gives null.
    /// </summary>
    public static DateOnly? GerelateerdeZaak(IReadOnlyList<DateOnly?> einddatums)
    {
        if (einddatums.Count == 0)
            throw new BrondatumException("Geen gerelateerde zaken aan zaak gekoppeld om brondatum uit af te leiden.");
        return einddatums.Max();
    }

    /// <summary><c>ingangsdatum_besluit</c>: the latest ingangsdatum of the zaak's besluiten; no besluiten is an error.</summary>
    public static DateOnly? IngangsdatumBesluit(IReadOnlyList<DateOnly?> ingangsdatums)
    {
        if (ingangsdatums.Count == 0)
            throw new BrondatumException("Geen besluiten aan zaak gekoppeld om brondatum uit af te leiden.");
        return ingangsdatums.Max();
    }

    /// <summary><c>vervaldatum_besluit</c>: the latest vervaldatum of the zaak's besluiten; null while none has one.</summary>
    public static DateOnly? VervaldatumBesluit(IReadOnlyList<DateOnly?> vervaldatums) =>
        vervaldatums.Count == 0 ? null : vervaldatums.Max();

    /// <summary>A date (<c>YYYY-MM-DD</c>, <c>YYYYMMDD</c> as eigenschappen of formaat datum hold it) or a date-time (its date).</summary>
    public static DateOnly? ParseDatum(string text)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt))
            return DateOnly.FromDateTime(dt.DateTime);
        return null;
    }

    private static JsonElement? Follow(JsonElement element, string path)
    {
        var current = element;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out var next))
                return null;
            current = next;
        }
        return current;
    }
}
