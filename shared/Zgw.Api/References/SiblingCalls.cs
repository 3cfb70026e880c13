using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Zgw.Api.Auth;
using Zgw.ServiceDefaults;

namespace Zgw.Api.References;

/// <summary>
/// What every call from one service to a sibling needs (ARCHITECTURE §11.3): URLs under our own public base go to the
/// owning service's internal address (no hairpin through the gateway), and the request carries this service's own
/// token (<c>Zgw:ServiceIdentity</c>). Used by <see cref="UrlResolver"/> and by writers that mirror relations.
/// </summary>
public sealed class SiblingCalls(IOptions<ZgwOptions> zgwOptions, IOptions<ServiceIdentityOptions> identity, TimeProvider time)
{
    /// <summary>The internal address of one of our own public URLs; null when the URL is not under our public base.</summary>
    public Uri? ToInternal(Uri uri)
    {
        var zgw = zgwOptions.Value;
        var publicBase = new Uri(zgw.PublicBase + "/");
        if (!publicBase.IsBaseOf(uri))
            return null;
        var basePath = publicBase.AbsolutePath.TrimEnd('/');
        foreach (var (key, endpoint) in zgw.Services)
        {
            if (endpoint.InternalUrl is { Length: > 0 } internalUrl && uri.AbsolutePath.StartsWith($"{basePath}/{key}/", StringComparison.Ordinal))
                return new Uri(internalUrl.TrimEnd('/') + uri.AbsolutePath[basePath.Length..] + uri.Query);
        }
        return uri;
    }

    /// <summary>Adds this service's bearer token to <paramref name="request"/> when a service identity is configured.</summary>
    public void Authorize(HttpRequestMessage request)
    {
        var id = identity.Value;
        if (id.ClientId is { Length: > 0 } && id.Secret is { Length: > 0 })
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                ZgwJwt.Create(id.ClientId, Encoding.UTF8.GetBytes(id.Secret), time.GetUtcNow()));
    }
}
