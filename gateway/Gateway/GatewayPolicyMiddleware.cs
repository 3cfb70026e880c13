using Gateway.Scopes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Zgw.Api.Auth;
using Zgw.Api.Problems;

namespace Gateway;

/// <summary>
/// Step of the proxy pipeline, run for every routed request before it is forwarded:
/// the operation must exist (404, or 405 with <c>Allow</c>), the caller must have a valid token (403
/// <c>not_authenticated</c>) holding one of the operation's scopes for its component (403 <c>permission_denied</c>,
/// ZGW A6), and the body must fit its limit (413). Object-level rules (types, vertrouwelijkheid) stay in the services.
/// The admin route skips the token check: the Autorisaties service checks its <c>X-Admin-Key</c>.
/// </summary>
public sealed class GatewayPolicyMiddleware(
    RequestDelegate next, RouteScopeMatcher routes, IOptions<GatewayOptions> options, ILogger<GatewayPolicyMiddleware> logger)
{
    public const string UploadPath = "/documenten/api/v1/bestandsdelen/{uuid}";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.GetReverseProxyFeature().Route.Config.RouteId != GatewayRoutes.AdminRouteId)
        {
            var lookup = routes.Find(request.Method, request.Path.Value ?? "");
            if (lookup.Operation is not { } operation)
            {
                await RefuseAsync(context, lookup.PathExists ? MethodNotAllowed(context, lookup.AllowedMethods) : ZgwException.NotFound());
                return;
            }
            if (Authorize(context, operation) is { } refusal)
            {
                await RefuseAsync(context, refusal);
                return;
            }
            if (HttpMethods.IsPut(operation.Method) && operation.Path == UploadPath)
                limit = options.Value.MaxUploadBodyBytes;
        }

        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, ZgwException.RequestTooLarge(limit));
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit; // chunked bodies: Kestrel stops reading past the limit

        await next(context); // YARP answers a body cut off at the limit with 413; the status-code page adds the problem
    }

    private static ZgwException? Authorize(HttpContext context, RouteScope operation)
    {
        if (operation.IsOpen)
            return null;
        var caller = context.FindZgwCaller();
        if (caller is null)
            return ZgwException.NotAuthenticated(
                context.Features.Get<ZgwAuthenticationFailure>()?.Reason ?? "Authenticatiegegevens zijn niet opgegeven.");
        return caller.HasAnyScope(operation.Scopes, operation.ComponentCode)
            ? null
            : ZgwException.PermissionDenied(
                $"Deze actie vereist een van de scopes {string.Join(", ", operation.Scopes)} voor component {operation.ComponentCode}.");
    }

    private static ZgwException MethodNotAllowed(HttpContext context, IReadOnlyList<string> allowed)
    {
        var e = new ZgwException(StatusCodes.Status405MethodNotAllowed, ZgwCodes.MethodNotAllowed, "Methode niet toegestaan.",
            $"Methode \"{context.Request.Method}\" niet toegestaan.");
        e.Headers["Allow"] = string.Join(", ", allowed);
        return e;
    }

    private async Task RefuseAsync(HttpContext context, ZgwException refusal)
    {
        if (refusal.Status is StatusCodes.Status403Forbidden or StatusCodes.Status413PayloadTooLarge)
            logger.LogWarning("Gateway refused {Method} {Path} for client {ClientId}: {Status} {Code} {Reason}",
                context.Request.Method, context.Request.Path, ClientIdForLog(context), refusal.Status, refusal.Code, refusal.Detail);
        foreach (var (name, value) in refusal.Headers)
            context.Response.Headers[name] = value;
        await ProblemWriter.WriteAsync(context, ProblemWriter.Create(context, refusal));
    }

    /// <summary>The verified client id, else the one the refused token claims (marked unverified), never the token.</summary>
    private static string ClientIdForLog(HttpContext context)
    {
        if (context.FindZgwCaller() is { } caller)
            return caller.ClientId;
        var header = context.Request.Headers.Authorization.ToString();
        var claimed = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ZgwJwt.PeekClientId(header[7..].Trim()) : null;
        return claimed is null ? "-" : $"{claimed[..Math.Min(claimed.Length, 64)]} (unverified)";
    }
}
