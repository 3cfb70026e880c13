using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Zgw.Api.Problems;

namespace Zgw.Api.Http;

/// <summary>
/// The operators' admin APIs (non-standard, outside <c>/api/v1</c>) are authenticated by the header
/// <c>X-Admin-Key</c> against <c>OPENZAAK_ADMIN_KEY</c>, compared in constant time; without a configured key
/// they are off (403).
/// </summary>
public static class AdminKey
{
    public const string Header = "X-Admin-Key";
    public const string Setting = "OPENZAAK_ADMIN_KEY";

    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            Check(ctx.HttpContext);
            return await next(ctx);
        });

    public static void Check(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IConfiguration>()[Setting];
        if (string.IsNullOrEmpty(configured))
            throw ZgwException.PermissionDenied($"De admin-API staat uit: {Setting} is niet ingesteld.");
        var given = context.Request.Headers[Header].ToString();
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured))))
            throw ZgwException.NotAuthenticated($"De {Header} header ontbreekt of is onjuist.");
    }
}
