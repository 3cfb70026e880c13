using Microsoft.AspNetCore.Http;

namespace Zgw.Api.Auth;

/// <summary>
/// The authenticated client of a request: its token claims and applicatie, with the questions
/// endpoints ask of it (scope for a component, scope for a type up to a confidentiality level).
/// </summary>
public sealed class ZgwCaller(ZgwTokenClaims claims, Applicatie applicatie)
{
    public string ClientId => claims.ClientId;
    public string? UserId => claims.UserId;
    public string? UserRepresentation => claims.UserRepresentation;
    public Applicatie Applicatie => applicatie;

    /// <summary>True when any autorisatie of <paramref name="component"/> grants one of <paramref name="scopes"/>.</summary>
    public bool HasAnyScope(string component, IReadOnlyCollection<string> scopes) =>
        applicatie.HeeftAlleAutorisaties ||
        applicatie.Autorisaties.Any(a => a.Component == component && a.Scopes.Any(scopes.Contains));

    /// <summary>
    /// True when the caller holds any of <paramref name="scopes"/>, each for the component it belongs to
    /// (<see cref="ZgwScopes.ComponentOf"/>); <paramref name="calledComponent"/> places component-neutral scopes
    /// such as <c>audittrails.lezen</c>. This is how an operation's OAS security list reads (A6; ztc-014 lists
    /// <c>zaken.lezen</c>, a zrc scope, on Catalogi reads).
    /// </summary>
    public bool HasAnyScope(IEnumerable<string> scopes, string calledComponent) =>
        applicatie.HeeftAlleAutorisaties ||
        scopes.Any(scope => ZgwScopes.ComponentOf(scope, calledComponent) is { } component &&
                            applicatie.Autorisaties.Any(a => a.Component == component && a.Scopes.Contains(scope)));

    /// <summary>
    /// The autorisaties of <paramref name="component"/> that grant <paramref name="scope"/>: the
    /// (type, max vertrouwelijkheid) pairs a list query filters on (ZGW A8). Empty with
    /// <see cref="Applicatie.HeeftAlleAutorisaties"/>, which needs no filter: check that first.
    /// </summary>
    public IEnumerable<Autorisatie> Grants(string component, string scope) =>
        applicatie.Autorisaties.Where(a => a.Component == component && a.Scopes.Contains(scope));

    /// <summary>Object-level check (A8): the type is authorised for the scope at or above the object's confidentiality.</summary>
    public bool IsAllowed(string component, string scope, string? typeUrl, string? vertrouwelijkheidaanduiding = null) =>
        applicatie.HeeftAlleAutorisaties ||
        Grants(component, scope).Any(a =>
            a.TypeUrl == typeUrl &&
            (vertrouwelijkheidaanduiding is null || a.MaxVertrouwelijkheidaanduiding is null ||
             Vertrouwelijkheid.AtMost(vertrouwelijkheidaanduiding, a.MaxVertrouwelijkheidaanduiding)));
}

public static class ZgwCallerExtensions
{
    /// <summary>The caller of an authenticated request; throws 403 when the request carried no valid token.</summary>
    public static ZgwCaller GetZgwCaller(this HttpContext context) =>
        context.Features.Get<ZgwCaller>() ?? throw Problems.ZgwException.NotAuthenticated(
            context.Features.Get<ZgwAuthenticationFailure>()?.Reason ?? "Authenticatiegegevens zijn niet opgegeven.");

    public static ZgwCaller? FindZgwCaller(this HttpContext context) => context.Features.Get<ZgwCaller>();
}

/// <summary>Why the request's token was refused (kept for the 403 answer; never contains the token).</summary>
public sealed record ZgwAuthenticationFailure(string Reason);
