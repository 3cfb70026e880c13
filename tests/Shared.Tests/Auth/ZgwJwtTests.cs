using System.Buffers.Text;
using System.Text;
using Zgw.Api.Auth;

namespace Shared.Tests.Auth;

/// <summary>Our own HS256 verifier (ARCHITECTURE §11.2) against ZGW A1 and the usual token attacks.</summary>
public sealed class ZgwJwtTests
{
    private static readonly byte[] Secret = "geheim"u8.ToArray(); // 6 bytes: Microsoft.IdentityModel would refuse it
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly ZgwJwtOptions Options = new();

    private static ZgwJwt.Result Validate(string token, DateTimeOffset? now = null, ZgwJwtOptions? options = null) =>
        ZgwJwt.Validate(token, [Secret], now ?? Now, options ?? Options);

    private static string Token(DateTimeOffset iat, IReadOnlyDictionary<string, object?>? extra = null) =>
        ZgwJwt.Create("client", Secret, iat, "user-1", "Jan Jansen", extra);

    /// <summary>Builds a token from raw header and payload JSON, signed with <paramref name="secret"/>.</summary>
    private static string Raw(string header, string payload, byte[]? secret = null)
    {
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = System.Security.Cryptography.HMACSHA256.HashData(secret ?? Secret, Encoding.ASCII.GetBytes(input));
        return input + "." + Base64Url.EncodeToString(signature);
    }

    [Fact]
    public void ValidToken_WithShortSecret_IsAccepted_WithItsClaims()
    {
        var result = Validate(Token(Now));
        Assert.True(result.IsValid, result.Error);
        Assert.Equal("client", result.Claims!.ClientId);
        Assert.Equal("user-1", result.Claims.UserId);
        Assert.Equal("Jan Jansen", result.Claims.UserRepresentation);
    }

    [Fact]
    public void Expired_ByIatPlusLifetime_IsRefused()
    {
        var result = Validate(Token(Now.AddSeconds(-3600 - 301)));
        Assert.False(result.IsValid);
        Assert.Contains("verlopen", result.Error);
    }

    [Fact]
    public void Expired_WithinLeeway_IsAccepted() => Assert.True(Validate(Token(Now.AddSeconds(-3600 - 299))).IsValid);

    [Fact]
    public void ExpClaim_TakesPrecedenceOverDefaultLifetime()
    {
        var token = Token(Now.AddMinutes(-10), new Dictionary<string, object?> { ["exp"] = Now.AddMinutes(-6).ToUnixTimeSeconds() });
        Assert.False(Validate(token).IsValid);
        var longLived = Token(Now.AddHours(-5), new Dictionary<string, object?> { ["exp"] = Now.AddHours(1).ToUnixTimeSeconds() });
        Assert.True(Validate(longLived).IsValid);
    }

    [Fact]
    public void FutureIat_BeyondLeeway_IsRefused()
    {
        Assert.False(Validate(Token(Now.AddMinutes(6))).IsValid);
        Assert.True(Validate(Token(Now.AddMinutes(4))).IsValid);
    }

    [Fact]
    public void LeewayIsConfigurable()
    {
        var strict = new ZgwJwtOptions { Leeway = TimeSpan.Zero };
        Assert.False(Validate(Token(Now.AddSeconds(5)), options: strict).IsValid);
        Assert.False(Validate(Token(Now.AddSeconds(-3601)), options: strict).IsValid);
    }

    [Fact]
    public void WrongSecret_IsRefused()
    {
        var token = ZgwJwt.Create("client", "ander-geheim"u8.ToArray(), Now);
        Assert.Contains("handtekening", Validate(token).Error);
    }

    [Fact]
    public void TamperedPayload_IsRefused()
    {
        var parts = Token(Now).Split('.');
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"client_id":"admin","iat":{{Now.ToUnixTimeSeconds()}}}"""));
        Assert.False(Validate($"{parts[0]}.{forged}.{parts[2]}").IsValid);
    }

    [Fact]
    public void AlgNone_IsRefused()
    {
        var token = ZgwJwt.Create("client", Secret, Now, algorithm: "none"); // "header.payload." without signature
        Assert.False(Validate(token).IsValid);
        Assert.Contains("HS256", Validate(token + "c2ln").Error);
    }

    [Theory]
    [InlineData("HS512")]
    [InlineData("RS256")]
    [InlineData("hs256")]
    public void OtherAlgorithms_AreRefused(string alg)
    {
        var token = Raw($$"""{"alg":"{{alg}}","typ":"JWT"}""", $$"""{"client_id":"client","iat":{{Now.ToUnixTimeSeconds()}}}""");
        Assert.False(Validate(token).IsValid);
    }

    [Fact]
    public void MissingClientId_IsRefused()
    {
        var token = Raw("""{"alg":"HS256"}""", $$"""{"iss":"client","iat":{{Now.ToUnixTimeSeconds()}}}""");
        Assert.Contains("client_id", Validate(token).Error);
    }

    [Fact]
    public void MissingIat_IsRefused()
    {
        var token = Raw("""{"alg":"HS256"}""", """{"client_id":"client"}""");
        Assert.Contains("iat", Validate(token).Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.###.$$$")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln")]
    public void Malformed_IsRefused_WithoutEchoingTheToken(string token)
    {
        var result = Validate(token);
        Assert.False(result.IsValid);
        if (token.Length > 3)
            Assert.DoesNotContain(token, result.Error);
    }

    [Fact]
    public void PeekClientId_ReadsTheUnverifiedClaim()
    {
        Assert.Equal("client", ZgwJwt.PeekClientId(Token(Now)));
        Assert.Null(ZgwJwt.PeekClientId("rommel"));
    }
}
