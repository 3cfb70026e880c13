namespace Zgw.Api.Auth;

/// <summary>Confidentiality levels in ascending order (ZGW A7).</summary>
public static class Vertrouwelijkheid
{
    public static readonly IReadOnlyList<string> Levels =
        ["openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim"];

    /// <summary>Position in <see cref="Levels"/>, or -1 for an unknown value.</summary>
    public static int Rank(string? level) => level is null ? -1 : IndexOf(level);

    public static bool IsValid(string? level) => Rank(level) >= 0;

    /// <summary>True when <paramref name="level"/> does not exceed <paramref name="max"/>.</summary>
    public static bool AtMost(string? level, string? max) => Rank(level) >= 0 && Rank(level) <= Rank(max);

    private static int IndexOf(string level)
    {
        for (var i = 0; i < Levels.Count; i++)
            if (Levels[i] == level)
                return i;
        return -1;
    }
}

/// <summary>One autorisatie of an applicatie (Autorisaties API): scopes for one component, optionally per type.</summary>
public sealed record Autorisatie(
    string Component,
    IReadOnlyList<string> Scopes,
    string? Zaaktype = null,
    string? Informatieobjecttype = null,
    string? Besluittype = null,
    string? MaxVertrouwelijkheidaanduiding = null)
{
    /// <summary>The type URL this autorisatie is limited to, whichever of the three applies.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? TypeUrl => Zaaktype ?? Informatieobjecttype ?? Besluittype;
}

/// <summary>An applicatie: who the client is (label) and what it may do.</summary>
public sealed record Applicatie(
    string? Url,
    IReadOnlyList<string> ClientIds,
    string Label,
    bool HeeftAlleAutorisaties,
    IReadOnlyList<Autorisatie> Autorisaties);

/// <summary>What a verifier needs to know about a client id: its secrets and its applicatie.</summary>
public sealed record ClientRegistration(string ClientId, IReadOnlyList<byte[]> Secrets, Applicatie Applicatie);

/// <summary>
/// Where client secrets and applicaties come from. Configuration for now; the Autorisaties service
/// behind a cache later (ARCHITECTURE §11.1). Returns null for an unknown client id.
/// </summary>
public interface IAutorisatieSource
{
    ValueTask<ClientRegistration?> FindAsync(string clientId, CancellationToken cancellationToken);
}
