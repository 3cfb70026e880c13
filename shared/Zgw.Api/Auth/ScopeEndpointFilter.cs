using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Zgw.Api.Problems;

namespace Zgw.Api.Auth;

/// <summary>The scopes an operation accepts (any one suffices) for its component, as endpoint metadata.</summary>
public sealed record ZgwScopeMetadata(string Component, IReadOnlyCollection<string> Scopes);

/// <summary>
/// Refuses a request without a valid token (403 <c>not_authenticated</c>) or without one of the
/// operation's scopes (403 <c>permission_denied</c>), as the reference implementations answer (ZGW A1, A6).
/// </summary>
public static class ScopeEndpointFilter
{
    public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, string component, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder
    {
        var metadata = new ZgwScopeMetadata(component, scopes);
        builder.WithMetadata(metadata);
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            Check(ctx.HttpContext, metadata);
            return await next(ctx);
        });
        return builder;
    }

    public static void Check(HttpContext context, ZgwScopeMetadata required)
    {
        var caller = context.GetZgwCaller();
        if (!caller.HasAnyScope(required.Scopes, required.Component))
            throw ZgwException.PermissionDenied(
                $"Deze actie vereist een van de scopes {string.Join(", ", required.Scopes)} voor component {required.Component}.");
    }
}
