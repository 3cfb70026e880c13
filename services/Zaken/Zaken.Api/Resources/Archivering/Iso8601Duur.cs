using System.Globalization;
using System.Text.RegularExpressions;

namespace Zaken.Api.Resources.Archivering;

/// <summary>
/// An ISO-8601 duration as the Catalogi API writes terms (<c>P10Y</c>, <c>P1M</c>, <c>P14D</c>, <c>P1Y6M</c>, <c>P2W</c>,
/// G6), added to a date calendar-wise: years and months first (clamped to the month's last day), then days.
/// </summary>
public readonly partial record struct Iso8601Duur(int Jaren, int Maanden, int Dagen, TimeSpan Tijd)
{
    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<m>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out Iso8601Duur duur)
    {
        duur = default;
        if (string.IsNullOrEmpty(text) || text == "P" || text.EndsWith('T'))
            return false;
        var m = Pattern().Match(text);
        if (!m.Success)
            return false;
        try
        {
            int Int(string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
            var seconds = m.Groups["s"].Success ? double.Parse(m.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
            duur = new Iso8601Duur(Int("y"), Int("m"), checked(Int("w") * 7 + Int("d")),
                TimeSpan.FromHours(Int("h")) + TimeSpan.FromMinutes(Int("mi")) + TimeSpan.FromSeconds(seconds));
            return true;
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            return false;
        }
    }

    public static Iso8601Duur Parse(string text) =>
        TryParse(text, out var duur) ? duur : throw new FormatException($"Geen geldige ISO-8601 duur: {text}");

    /// <summary><paramref name="datum"/> plus this duration; the time part counts in whole days.</summary>
    public DateOnly OptellenBij(DateOnly datum) =>
        datum.AddYears(Jaren).AddMonths(Maanden).AddDays(Dagen + (int)Math.Floor(Tijd.TotalDays));
}
