using System.Net.Http.Headers;
using System.Net.Http.Json;
using Zgw.Api.Http;

namespace Notificaties.Api.Resources.Abonnement;

public sealed class CallbackVerificationOptions
{
    /// <summary>Verify a new or changed callback with a test notification (N3). Default true, as Open Notificaties.</summary>
    public bool VerifyCallback { get; set; } = true;

    /// <summary>Also require that the callback refuses a notification without the auth header (401/403).</summary>
    public bool VerifyCallbackAuth { get; set; } = true;
}

/// <summary>
/// N3, as Open Notificaties checks a callback: a test notification (kanaal <c>test</c>) with the auth header must
/// get 200–209 (<c>invalid-callback-url</c>), and one without it 401 or 403 (<c>no-auth-on-callback-url</c>).
/// </summary>
public sealed class CallbackVerifier(IHttpClientFactory clients, Microsoft.Extensions.Options.IOptions<CallbackVerificationOptions> options)
{
    public const string HttpClientName = "callback-verification";

    public async Task VerifyAsync(AbonnementRequest r, Validator v, CancellationToken cancellationToken)
    {
        if (!options.Value.VerifyCallback)
            return;
        var withAuth = await PostTestAsync(r.CallbackUrl!, r.Auth, cancellationToken);
        if (withAuth is null || (int)withAuth < 200 || (int)withAuth > 209)
        {
            v.Add("callbackUrl", "invalid-callback-url",
                $"Het versturen van een testnotificatie naar de callback URL gaf {(withAuth is null ? "geen antwoord" : $"HTTP {(int)withAuth}")}; verwacht 200–209.");
            return;
        }
        if (!options.Value.VerifyCallbackAuth)
            return;
        var withoutAuth = await PostTestAsync(r.CallbackUrl!, null, cancellationToken);
        if (withoutAuth is not (System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden))
            v.Add("callbackUrl", "no-auth-on-callback-url",
                "De callback URL accepteert notificaties zonder de auth header; verwacht 401 of 403.");
    }

    private async Task<System.Net.HttpStatusCode?> PostTestAsync(string url, string? auth, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new
            {
                kanaal = "test",
                hoofdObject = "http://some-api.nl/zaken/api/v1/zaken/test",
                resource = "test",
                resourceUrl = "http://some-api.nl/zaken/api/v1/zaken/test",
                actie = "create",
                aanmaakdatum = DateTimeOffset.UtcNow,
                kenmerken = new Dictionary<string, string>(),
            }),
        };
        if (auth is not null)
            request.Headers.TryAddWithoutValidation("Authorization", auth);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
