using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zgw.Api.Auth;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;jwt&gt;</c>, verifies it with the client's secret from the
/// <see cref="IAutorisatieSource"/> and puts a <see cref="ZgwCaller"/> on the request. A missing or bad token
/// does not end the request here: endpoints that need a scope answer 403 (<see cref="ScopeEndpointFilter"/>),
/// open endpoints (health, the OAS) still work.
/// </summary>
internal sealed class ZgwAuthenticationMiddleware(
    RequestDelegate next,
    IAutorisatieSource source,
    IOptions<ZgwJwtOptions> options,
    TimeProvider time,
    ILogger<ZgwAuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            var (caller, failure) = await AuthenticateAsync(header, context.RequestAborted);
            if (caller is not null)
            {
                context.Features.Set(caller);
                context.User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim("client_id", caller.ClientId), new Claim(ClaimTypes.Name, caller.ClientId)], "ZGW"));
            }
            else
            {
                context.Features.Set(new ZgwAuthenticationFailure(failure!));
                logger.LogWarning("Refused ZGW token on {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, failure);
            }
        }
        await next(context);
    }

    private async ValueTask<(ZgwCaller?, string?)> AuthenticateAsync(string header, CancellationToken cancellationToken)
    {
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || header.Length == prefix.Length)
            return (null, "De Authorization header moet de vorm 'Bearer <JWT>' hebben.");
        var token = header[prefix.Length..].Trim();
        var clientId = ZgwJwt.PeekClientId(token);
        if (clientId is null)
            return (null, "Het JWT is misvormd of bevat geen client_id claim.");
        var registration = await source.FindAsync(clientId, cancellationToken);
        if (registration is null)
            return (null, "Onbekende client_id.");
        var result = ZgwJwt.Validate(token, registration.Secrets, time.GetUtcNow(), options.Value);
        return result.IsValid ? (new ZgwCaller(result.Claims!, registration.Applicatie), null) : (null, result.Error);
    }
}
