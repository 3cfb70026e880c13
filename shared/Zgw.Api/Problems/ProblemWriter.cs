using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Zgw.ServiceDefaults;

namespace Zgw.Api.Problems;

/// <summary>Writes a <see cref="ZgwProblem"/> as <c>application/problem+json</c>.</summary>
public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static ZgwProblem Create(HttpContext context, int status, string code, string title, string detail,
        IReadOnlyList<InvalidParam>? invalidParams = null)
    {
        var options = context.RequestServices.GetService<IOptions<ZgwOptions>>()?.Value ?? new ZgwOptions();
        return new ZgwProblem(
            Type: $"{options.PublicBase}/ref/fouten/{TypeName(status, invalidParams)}/",
            Code: code,
            Title: title,
            Status: status,
            Detail: detail,
            Instance: $"urn:uuid:{Guid.NewGuid()}")
        { InvalidParams = invalidParams };
    }

    public static ZgwProblem Create(HttpContext context, ZgwException e) =>
        Create(context, e.Status, e.Code, e.Title, e.Detail, e.InvalidParams);

    public static async Task WriteAsync(HttpContext context, ZgwProblem problem)
    {
        var response = context.Response;
        response.StatusCode = problem.Status;
        response.ContentType = ContentType;
        response.Headers.ETag = default;
        if (HttpMethods.IsHead(context.Request.Method))
            return;
        await JsonSerializer.SerializeAsync(response.Body, problem, ZgwJson.Options, CancellationToken.None);
    }

    private static string TypeName(int status, IReadOnlyList<InvalidParam>? invalidParams) => status switch
    {
        400 when invalidParams is not null => "ValidationError",
        400 => "ParseError",
        403 => "PermissionDenied",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        409 => "Conflict",
        412 => "PreconditionFailed",
        413 => "RequestTooLarge",
        415 => "UnsupportedMediaType",
        429 => "Throttled",
        _ => "APIException",
    };
}
