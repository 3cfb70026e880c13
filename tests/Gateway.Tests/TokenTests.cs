using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Zgw.Testing;

namespace Gateway.Tests;

/// <summary>Every token the gateway must not accept ends in 403 <c>not_authenticated</c>, and nothing reaches the service (ZGW A1).</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private const string ClientId = "app";
    private const string Path = "/zaken/api/v1/zaken";
    private GatewayHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new GatewayHost([TestClient.WithScopes(ClientId, "zaken.lezen")]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Attacks() =>
    [
        "expired (iat + lifetime + leeway in the past)",
        "expired (exp in the past)",
        "issued in the future beyond the leeway",
        "wrong signature",
        "alg none without signature",
        "alg none without signature part",
        "alg none with a valid HS256 signature",
        "HS512",
        "unknown client",
        "Basic credentials",
        "Bearer alone",
        "Bearer garbage",
        "garbage",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task RefusedToken_Is403NotAuthenticated_AndNotForwarded(string attack)
    {
        var header = AuthorizationHeader(attack);
        var probe = await _host.SendAsync(_host.Anonymous(), "GET", Path,
            configure: r => r.Headers.TryAddWithoutValidation("Authorization", header));
        Assert.False(probe.Forwarded);
        var body = await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.Forbidden, "not_authenticated");
        var credentials = header.Split(' ').Last();
        if (credentials.Length > 8)
            Assert.DoesNotContain(credentials, body.ToString());
        Assert.False(await _host.BackendSawAsync(probe.Id, TimeSpan.Zero));
        if (credentials.Length > 8)
            Assert.DoesNotContain(_host.Logs, line => line.Contains(credentials));
    }

    [Fact]
    public async Task Refusal_IsLogged_WithClientMethodPathAndReason_NeverTheToken()
    {
        var token = ZgwTokens.Mint(ClientId, TestClient.Secret, DateTimeOffset.UtcNow.AddHours(-3));
        var path = $"/zaken/api/v1/zaken/{Guid.NewGuid()}";
        await _host.SendAsync(_host.Anonymous(), "DELETE", path, configure: r => r.Headers.Authorization = ZgwTokens.Bearer(token));
        var refusal = Assert.Single(_host.Logs, l => l.StartsWith("Gateway.GatewayPolicyMiddleware") && l.Contains(path));
        Assert.Contains($"DELETE {path} for client {ClientId} (unverified): 403 not_authenticated", refusal);
        Assert.Contains("verlopen", refusal);
        Assert.DoesNotContain(_host.Logs, l => l.Contains(token) || l.Contains(token.Split('.')[2]));

        var denied = await _host.SendAsync(_host.Client(ClientId), "DELETE", path);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);
        Assert.Contains(_host.Logs, l => l.Contains($"DELETE {path} for client {ClientId}: 403 permission_denied"));
    }

    [Fact]
    public async Task NoAuthorizationHeader_Is403NotAuthenticated()
    {
        var probe = await _host.SendAsync(_host.Anonymous(), "GET", Path);
        Assert.False(probe.Forwarded);
        await ProblemAssert.IsProblemAsync(probe.Response, HttpStatusCode.Forbidden, "not_authenticated");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)] // clock skew within the 5-minute leeway
    [InlineData(-64)] // 1 h lifetime from iat, plus leeway
    public async Task ValidToken_IsForwarded(int issuedMinutesFromNow)
    {
        var token = ZgwTokens.Mint(ClientId, TestClient.Secret, DateTimeOffset.UtcNow.AddMinutes(issuedMinutesFromNow));
        var probe = await _host.SendAsync(_host.Anonymous(), "GET", Path,
            configure: r => r.Headers.Authorization = ZgwTokens.Bearer(token));
        Assert.True(probe.Forwarded, $"{(int)probe.Response.StatusCode} {await probe.Response.Content.ReadAsStringAsync()}");
    }

    private static string AuthorizationHeader(string attack)
    {
        var now = DateTimeOffset.UtcNow;
        return attack switch
        {
            "expired (iat + lifetime + leeway in the past)" => Bearer(ZgwTokens.Mint(ClientId, TestClient.Secret, now.AddMinutes(-66))),
            "expired (exp in the past)" => Bearer(ZgwTokens.Mint(ClientId, TestClient.Secret, now.AddMinutes(-20),
                extraClaims: new Dictionary<string, object?> { ["exp"] = now.AddMinutes(-6).ToUnixTimeSeconds() })),
            "issued in the future beyond the leeway" => Bearer(ZgwTokens.Mint(ClientId, TestClient.Secret, now.AddMinutes(6))),
            "wrong signature" => Bearer(ZgwTokens.Mint(ClientId, "ander-geheim")),
            "alg none without signature" => Bearer(ZgwTokens.Mint(ClientId, TestClient.Secret, algorithm: "none")),
            "alg none without signature part" => Bearer(ZgwTokens.Mint(ClientId, TestClient.Secret, algorithm: "none").TrimEnd('.')),
            "alg none with a valid HS256 signature" => Bearer(Signed("none", HMACSHA256.HashData)),
            "HS512" => Bearer(Signed("HS512", HMACSHA512.HashData)),
            "unknown client" => Bearer(ZgwTokens.Mint("onbekend", TestClient.Secret)),
            "Basic credentials" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{TestClient.Secret}")),
            "Bearer alone" => "Bearer",
            "Bearer garbage" => "Bearer !!niet-een-jwt!!",
            "garbage" => "x9$%&garbage",
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
        };
    }

    private static string Bearer(string token) => "Bearer " + token;

    /// <summary>A token with the given <c>alg</c> header, really signed with the client's secret by <paramref name="sign"/>.</summary>
    private static string Signed(string algorithm, Func<byte[], byte[], byte[]> sign)
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"{{algorithm}}","typ":"JWT"}"""));
        var iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"iss":"{{ClientId}}","iat":{{iat}},"client_id":"{{ClientId}}","user_id":"u","user_representation":"U"}"""));
        var signature = sign(Encoding.UTF8.GetBytes(TestClient.Secret), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }
}
