using Microsoft.AspNetCore.Http;

namespace Zgw.Api.Problems;

/// <summary>
/// A request that ends in a ZGW error. Thrown anywhere during a request; the global handler turns it
/// into problem+json. Use the factory methods so status, code and title stay consistent.
/// </summary>
public sealed class ZgwException(int status, string code, string title, string detail, IReadOnlyList<InvalidParam>? invalidParams = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public IReadOnlyList<InvalidParam>? InvalidParams { get; } = invalidParams;

    /// <summary>Response headers to add (e.g. <c>Allow</c> on a 405).</summary>
    public Dictionary<string, string> Headers { get; } = [];

    public static ZgwException Validation(IReadOnlyList<InvalidParam> invalidParams) =>
        new(StatusCodes.Status400BadRequest, ZgwCodes.Invalid, "Invalid input.", "Ongeldige invoer.", invalidParams);

    public static ZgwException Validation(string name, string code, string reason) =>
        Validation([new InvalidParam(name, code, reason)]);

    public static ZgwException ParseError(string detail) =>
        new(StatusCodes.Status400BadRequest, ZgwCodes.ParseError, "Malformed request.", detail);

    public static ZgwException NotAuthenticated(string detail) =>
        new(StatusCodes.Status403Forbidden, ZgwCodes.NotAuthenticated, "Authenticatiegegevens zijn niet opgegeven of ongeldig.", detail);

    public static ZgwException PermissionDenied(string detail = "Je hebt geen toestemming om deze actie uit te voeren.") =>
        new(StatusCodes.Status403Forbidden, ZgwCodes.PermissionDenied, "Je hebt geen toestemming om deze actie uit te voeren.", detail);

    public static ZgwException NotFound(string detail = "Niet gevonden.") =>
        new(StatusCodes.Status404NotFound, ZgwCodes.NotFound, "Niet gevonden.", detail);

    public static ZgwException NotAcceptable(string detail) =>
        new(StatusCodes.Status406NotAcceptable, ZgwCodes.NotAcceptable, "Kan niet voldoen aan de opgegeven Accept header.", detail);

    public static ZgwException UnsupportedMediaType(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, ZgwCodes.UnsupportedMediaType, "Niet-ondersteund mediatype in verzoek.", detail);

    public static ZgwException PreconditionFailed(string detail) =>
        new(StatusCodes.Status412PreconditionFailed, ZgwCodes.PreconditionFailed, "Niet voldaan aan voorwaarde.", detail);

    public static ZgwException RequestTooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ZgwCodes.RequestTooLarge, "Verzoek te groot.",
            $"De body van het verzoek is groter dan de toegestane {limit} bytes.");

    public static ZgwException Conflict(string code, string detail) =>
        new(StatusCodes.Status409Conflict, code, "Conflict.", detail);
}

/// <summary>The generic codes (the Django REST framework codes Open Zaak answers with).</summary>
public static class ZgwCodes
{
    public const string Invalid = "invalid";
    public const string ParseError = "parse_error";
    public const string NotAuthenticated = "not_authenticated";
    public const string PermissionDenied = "permission_denied";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string NotAcceptable = "not_acceptable";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PreconditionFailed = "precondition_failed";
    public const string RequestTooLarge = "request_too_large";
    public const string Throttled = "throttled";
    public const string ServerError = "error";

    // invalidParams codes
    public const string Required = "required";
    public const string Null = "null";
    public const string Blank = "blank";
    public const string MaxLength = "max_length";
    public const string UnknownParameters = "unknown-parameters";
    public const string BadUrl = "bad-url";
    public const string InvalidResource = "invalid-resource";
    public const string InvalidChoice = "invalid_choice";
}
