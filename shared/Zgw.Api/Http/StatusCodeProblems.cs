using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Zgw.Api.Problems;

namespace Zgw.Api.Http;

/// <summary>
/// Gives a problem+json body to error responses that were produced without one
/// (unknown route 404, 405 from routing, Kestrel's own rejections).
/// </summary>
internal static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        var status = context.Response.StatusCode;
        var (code, title, detail) = status switch
        {
            404 => (ZgwCodes.NotFound, "Niet gevonden.", "Niet gevonden."),
            405 => (ZgwCodes.MethodNotAllowed, "Methode niet toegestaan.", $"Methode \"{context.Request.Method}\" niet toegestaan."),
            406 => (ZgwCodes.NotAcceptable, "Kan niet voldoen aan de opgegeven Accept header.", "Kan niet voldoen aan de opgegeven Accept header."),
            413 => (ZgwCodes.RequestTooLarge, "Verzoek te groot.", "De body van het verzoek is te groot."),
            415 => (ZgwCodes.UnsupportedMediaType, "Niet-ondersteund mediatype in verzoek.", "Niet-ondersteund mediatype in verzoek."),
            429 => (ZgwCodes.Throttled, "Verzoek afgeremd.", "Te veel verzoeken; probeer het later opnieuw."),
            >= 500 => (ZgwCodes.ServerError, "Er is een serverfout opgetreden.", "Er is een serverfout opgetreden."),
            _ => ("error", "Fout.", $"HTTP {status}."),
        };
        return ProblemWriter.WriteAsync(context, ProblemWriter.Create(context, status, code, title, detail));
    }
}
