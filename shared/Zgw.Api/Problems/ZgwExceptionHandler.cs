using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Zgw.Api.Http;

namespace Zgw.Api.Problems;

/// <summary>
/// The one global handler: every exception that escapes an endpoint becomes ZGW problem+json.
/// Known failures keep their status; anything else is a 500 without a stack trace, logged with the trace id.
/// </summary>
internal sealed class ZgwExceptionHandler(ILogger<ZgwExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
            return false;

        var problem = exception switch
        {
            ZgwException e => ProblemWriter.Create(context, e),
            BadHttpRequestException e => FromBadRequest(context, e),
            JsonException e => ProblemWriter.Create(context, ZgwBody.ToValidationError(e)),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null && exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = 499;
            return true;
        }

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path} (trace {TraceId})",
                context.Request.Method, context.Request.Path, Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
            problem = ProblemWriter.Create(context, StatusCodes.Status500InternalServerError, ZgwCodes.ServerError,
                "Er is een serverfout opgetreden.",
                $"Er is een serverfout opgetreden (trace {Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier}).");
        }
        else if (exception is ZgwException { Headers.Count: > 0 } ze)
        {
            foreach (var (name, value) in ze.Headers)
                context.Response.Headers[name] = value;
        }

        await ProblemWriter.WriteAsync(context, problem);
        return true;
    }

    private static ZgwProblem FromBadRequest(HttpContext context, BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
            return ProblemWriter.Create(context, ZgwBody.ToValidationError(json));
        var zgw = e.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ZgwException.RequestTooLarge(
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0),
            StatusCodes.Status415UnsupportedMediaType => ZgwException.UnsupportedMediaType(e.Message),
            _ => ZgwException.ParseError(e.Message),
        };
        return ProblemWriter.Create(context, zgw);
    }
}
