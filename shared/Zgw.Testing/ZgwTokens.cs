using System.Net.Http.Headers;
using System.Text;
using Zgw.Api.Auth;

namespace Zgw.Testing;

/// <summary>Mints real ZGW JWTs for tests, for any client, time and claims.</summary>
public static class ZgwTokens
{
    public static string Mint(string clientId, string secret, DateTimeOffset? issuedAt = null, string? userId = "tester",
        string? userRepresentation = "Test Gebruiker", IReadOnlyDictionary<string, object?>? extraClaims = null, string algorithm = "HS256") =>
        ZgwJwt.Create(clientId, Encoding.UTF8.GetBytes(secret), issuedAt ?? DateTimeOffset.UtcNow, userId, userRepresentation,
            extraClaims, algorithm);

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>Sets the Authorization header of <paramref name="client"/> to a fresh token.</summary>
    public static HttpClient WithToken(this HttpClient client, string clientId, string secret)
    {
        client.DefaultRequestHeaders.Authorization = Bearer(Mint(clientId, secret));
        return client;
    }
}
