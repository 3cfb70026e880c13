using Zgw.Api.Problems;

namespace Zgw.Api.Http;

/// <summary>A request record that checks its own fields (required, lengths, formats).</summary>
public interface IValidatable
{
    void Validate(Validator v);
}

/// <summary>
/// Collects field errors so a client gets all of them in one 400 (as Open Zaak does).
/// Business rules add their own errors with their spec id's code through <see cref="Add"/>.
/// </summary>
public sealed class Validator
{
    private readonly List<InvalidParam> _errors = [];

    public IReadOnlyList<InvalidParam> Errors => _errors;
    public bool IsValid => _errors.Count == 0;

    public Validator Add(string name, string code, string reason)
    {
        _errors.Add(new InvalidParam(name, code, reason));
        return this;
    }

    public bool Required(string name, object? value)
    {
        if (value is null)
        {
            Add(name, ZgwCodes.Required, "Dit veld is vereist.");
            return false;
        }
        if (value is string s && s.Length == 0)
        {
            Add(name, ZgwCodes.Blank, "Dit veld mag niet leeg zijn.");
            return false;
        }
        return true;
    }

    public void MaxLength(string name, string? value, int max)
    {
        if (value is not null && value.Length > max)
            Add(name, ZgwCodes.MaxLength, $"Zorg ervoor dat dit veld niet meer dan {max} karakters bevat.");
    }

    public void Url(string name, string? value, int max = 1000)
    {
        if (value is null || value.Length == 0)
            return;
        MaxLength(name, value, max);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            Add(name, ZgwCodes.Invalid, "Voer een geldige URL in.");
    }

    public void OneOf(string name, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
            Add(name, ZgwCodes.InvalidChoice, $"\"{value}\" is een ongeldige keuze.");
    }

    /// <summary>An ISO-8601 duration (G6), e.g. <c>P10D</c>, <c>P1Y6M</c>, <c>PT8H</c>.</summary>
    public void Duration(string name, string? value)
    {
        if (value is not null && !IsoDuration.TryParse(value, out _))
            Add(name, ZgwCodes.Invalid, "Ongeldige duur; gebruik het ISO-8601 formaat, bijvoorbeeld P10D.");
    }

    /// <summary>RSIN / BSN style 9-digit number with the elfproef.</summary>
    public void Rsin(string name, string? value)
    {
        if (value is null || value.Length == 0)
            return;
        if (value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            Add(name, ZgwCodes.Invalid, "Waarde moet 9 tekens lang zijn en alleen cijfers bevatten.");
            return;
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
            sum += (value[i] - '0') * (9 - i);
        sum -= value[8] - '0';
        if (sum % 11 != 0)
            Add(name, ZgwCodes.Invalid, "Onjuist RSIN/BSN nummer (elfproef).");
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
            throw ZgwException.Validation(_errors.ToArray());
    }
}
