using Microsoft.AspNetCore.Http;

namespace Zgw.ServiceDefaults;

/// <summary>Adds <c>API-version</c> to every response (ZGW G5).</summary>
internal sealed class ApiVersionHeaderMiddleware(RequestDelegate next, string apiVersion)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (ctx, version) = ((HttpContext, string))state;
            ctx.Response.Headers["API-version"] = version;
            return Task.CompletedTask;
        }, (context, apiVersion));
        return next(context);
    }
}
