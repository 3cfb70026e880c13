using System.Globalization;
using System.Text.RegularExpressions;

namespace Zgw.Api.Http;

/// <summary>
/// An ISO-8601 duration as the ZGW APIs write terms (<c>P10Y</c>, <c>P1M</c>, <c>P14D</c>, <c>P1Y6M</c>, <c>P2W</c>,
/// <c>PT8H</c>; G6), added to a date calendar-wise: years and months first (clamped to the month's last day), then days.
/// The one parser of the suite: field validation (<see cref="Validator.Duration"/>) and date arithmetic use it.
/// </summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<m>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text == "P" || text.EndsWith('T'))
            return false;
        var m = Pattern().Match(text);
        if (!m.Success)
            return false;
        try
        {
            int Int(string group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
            var seconds = m.Groups["s"].Success ? double.Parse(m.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
            duration = new IsoDuration(Int("y"), Int("m"), checked(Int("w") * 7 + Int("d")),
                TimeSpan.FromHours(Int("h")) + TimeSpan.FromMinutes(Int("mi")) + TimeSpan.FromSeconds(seconds));
            return true;
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            return false;
        }
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"Geen geldige ISO-8601 duur: {text}");

    /// <summary><paramref name="date"/> plus this duration; the time part counts in whole days.</summary>
    public DateOnly AddTo(DateOnly date) =>
        date.AddYears(Years).AddMonths(Months).AddDays(Days + (int)Math.Floor(Time.TotalDays));

    /// <summary><paramref name="date"/> plus <paramref name="text"/>, or null when the text is empty or not a duration.</summary>
    public static DateOnly? AddTo(DateOnly date, string? text) => TryParse(text, out var duration) ? duration.AddTo(date) : null;
}
