using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Zgw.Api.Auth;

/// <summary>The claims of a verified ZGW token.</summary>
public sealed record ZgwTokenClaims(string ClientId, string? UserId, string? UserRepresentation, DateTimeOffset IssuedAt);

public sealed class ZgwJwtOptions
{
    /// <summary>Clock skew allowed in both directions (iat in the future, exp in the past). Default 5 minutes.</summary>
    public TimeSpan Leeway { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of a token without <c>exp</c>, counted from <c>iat</c> (Open Zaak JWT_EXPIRY). Default 3600 s.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromSeconds(3600);
}

/// <summary>
/// Verifies ZGW JWTs: HS256 only (alg pinned; <c>none</c> and every other algorithm refused), signature
/// compared in constant time, secrets of any length (ARCHITECTURE §11.2), <c>client_id</c> and <c>iat</c>
/// required, expiry by <c>exp</c> or <c>iat</c> + lifetime, leeway both ways. Failures return a reason that
/// never contains the token.
/// </summary>
public static class ZgwJwt
{
    public readonly record struct Result(ZgwTokenClaims? Claims, string? Error)
    {
        public bool IsValid => Claims is not null;
    }

    /// <summary>Reads the unverified <c>client_id</c> so the caller can look up the secret.</summary>
    public static string? PeekClientId(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
            return null;
        try
        {
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object &&
                   payload.RootElement.TryGetProperty("client_id", out var c) && c.ValueKind == JsonValueKind.String
                ? c.GetString()
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public static Result Validate(string token, IReadOnlyList<byte[]> secrets, DateTimeOffset now, ZgwJwtOptions options)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            return Fail("Het JWT is misvormd.");

        JsonDocument header, payload;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64UrlDecode(parts[0]));
            payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            signature = Base64UrlDecode(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Fail("Het JWT is misvormd.");
        }

        using (header)
        using (payload)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
                return Fail("Het JWT is misvormd.");
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
                return Fail("Het JWT-algoritme wordt niet ondersteund; alleen HS256.");

            var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            var signatureOk = false;
            foreach (var secret in secrets)
            {
                var expected = HMACSHA256.HashData(secret, signingInput);
                signatureOk |= CryptographicOperations.FixedTimeEquals(expected, signature);
            }
            if (!signatureOk)
                return Fail("De handtekening van het JWT is ongeldig.");

            var claims = payload.RootElement;
            var clientId = GetString(claims, "client_id");
            if (string.IsNullOrEmpty(clientId))
                return Fail("Het JWT bevat geen client_id claim.");
            if (!TryGetTime(claims, "iat", out var iat))
                return Fail("Het JWT bevat geen (geldige) iat claim.");
            if (iat > now + options.Leeway)
                return Fail("Het JWT is uitgegeven in de toekomst (iat).");
            if (TryGetTime(claims, "nbf", out var nbf) && nbf > now + options.Leeway)
                return Fail("Het JWT is nog niet geldig (nbf).");
            var expiry = TryGetTime(claims, "exp", out var exp) ? exp : iat + options.DefaultLifetime;
            if (now > expiry + options.Leeway)
                return Fail("Het JWT is verlopen.");

            return new Result(new ZgwTokenClaims(clientId, GetString(claims, "user_id"), GetString(claims, "user_representation"), iat), null);
        }
    }

    /// <summary>Creates a token (service identities for sibling calls; tests).</summary>
    public static string Create(string clientId, byte[] secret, DateTimeOffset issuedAt, string? userId = null,
        string? userRepresentation = null, IReadOnlyDictionary<string, object?>? extraClaims = null,
        string algorithm = "HS256")
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = algorithm, ["typ"] = "JWT" });
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = clientId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["client_id"] = clientId,
            ["user_id"] = userId ?? "",
            ["user_representation"] = userRepresentation ?? "",
        };
        if (extraClaims is not null)
            foreach (var (k, v) in extraClaims)
                claims[k] = v;
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims);
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = algorithm == "none" ? [] : HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static Result Fail(string reason) => new(null, reason);

    private static string? GetString(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool TryGetTime(JsonElement claims, string name, out DateTimeOffset time)
    {
        time = default;
        if (!claims.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var seconds))
            return false;
        if (double.IsNaN(seconds) || seconds < 0 || seconds > 253402300799)
            return false;
        time = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        return true;
    }

    private static byte[] Base64UrlDecode(string value)
    {
        if (!Base64Url.IsValid(value))
            throw new FormatException("not base64url");
        return Base64Url.DecodeFromChars(value);
    }
}
