using Documenten.Api.Resources.Common;
using Microsoft.AspNetCore.Http.Features;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Query;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary><c>POST /enkelvoudiginformatieobjecten/{uuid}/lock</c> → 200 <c>{lock}</c> and <c>POST …/unlock</c> → 204 (D9, D10).</summary>
public static class LockEndpoints
{
    private const string Path = "/" + DocumentenUrls.Documenten + "/{uuid:guid}";

    public static IServiceCollection AddLockResource(this IServiceCollection services) => services.AddSingleton<LockWriter>();

    public static WebApplication MapLockEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(DocumentenService.Component.ApiPath);
        api.MapPost(Path + "/lock", Lock).RequireScopes(DocumentenService.Drc, DocumentenScopes.Lock);
        api.MapPost(Path + "/unlock", Unlock).RequireScopes(DocumentenService.Drc, DocumentenScopes.Ontgrendelaars);
        return app;
    }

    /// <summary>The OAS declares no request body for lock; whatever is sent is not read.</summary>
    private static async Task<IResult> Lock(HttpContext ctx, Guid uuid, LockWriter writer)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        return Results.Ok(new { @lock = await writer.LockAsync(ctx, uuid) });
    }

    /// <summary>The body (<c>{lock}</c>) is optional: a forced unlock may send none.</summary>
    private static async Task<IResult> Unlock(HttpContext ctx, Guid uuid, LockWriter writer)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var heeftBody = ctx.Request.ContentLength is > 0
            || ctx.Request.ContentLength is null && ctx.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
        var body = heeftBody ? await ZgwBody.ReadAsync<UnlockRequest>(ctx) : new UnlockRequest(null);
        await writer.UnlockAsync(ctx, uuid, body);
        return Results.NoContent();
    }
}
