using System.Net;
using System.Text.Json;
using Xunit;

namespace Zgw.Testing;

/// <summary>Asserts that a response is ZGW problem+json with the expected status and code.</summary>
public static class ProblemAssert
{
    /// <summary>
    /// Checks status, <c>Content-Type: application/problem+json</c>, the required <c>Fout</c> fields and
    /// <c>code</c>; with <paramref name="invalidParam"/> also an <c>invalidParams</c> entry of that name
    /// (and <paramref name="invalidParamCode"/> when given). Returns the body.
    /// </summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code,
        string? invalidParam = null, string? invalidParamCode = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        foreach (var field in new[] { "type", "code", "title", "status", "detail", "instance" })
            Assert.True(body.TryGetProperty(field, out _), $"problem+json lacks '{field}': {text}");
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", text); // never a stack trace
        if (invalidParam is not null)
        {
            Assert.True(body.TryGetProperty("invalidParams", out var invalidParams), $"no invalidParams: {text}");
            var match = invalidParams.EnumerateArray().FirstOrDefault(p => p.GetProperty("name").GetString() == invalidParam);
            Assert.True(match.ValueKind == JsonValueKind.Object, $"no invalidParams entry '{invalidParam}': {text}");
            Assert.True(match.TryGetProperty("reason", out _));
            if (invalidParamCode is not null)
                Assert.Equal(invalidParamCode, match.GetProperty("code").GetString());
        }
        return body;
    }
}
