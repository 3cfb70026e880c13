using System.Text;
using Autorisaties.Api.Resources.Applicatie;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Data;
using Zgw.Messaging;
using Zgw.ServiceDefaults;

namespace Autorisaties.Api.Admin;

/// <summary>
/// The body of <c>PUT /autorisaties/admin/v1/credentials/{clientId}</c>: the secret, and optionally the
/// applicatie of this client (label, heeftAlleAutorisaties, autorisaties) so an operator can bootstrap a
/// client in one call. Without applicatie fields only the secret changes.
/// </summary>
public sealed record CredentialRequest(
    string? Secret,
    string? Label,
    bool? HeeftAlleAutorisaties,
    List<AutorisatieRequest>? Autorisaties) : IValidatable
{
    public bool HasApplicatie => Label is not null || HeeftAlleAutorisaties is not null || Autorisaties is not null;

    public void Validate(Validator v)
    {
        v.Required("secret", Secret);
        v.MaxLength("secret", Secret, 4096);
    }
}

/// <summary>
/// Non-standard admin API of the Autorisaties service (documented in the README): register, rotate and revoke
/// the HS256 secret of a client id. Authenticated by the <c>X-Admin-Key</c> header against
/// <c>OPENZAAK_ADMIN_KEY</c>; disabled when no key is configured. Not under <c>/api/v1</c>, and the gateway
/// routes it only when configured to.
/// </summary>
public static class CredentialAdminEndpoints
{
    public const string Path = "/autorisaties/admin/v1";

    public static WebApplication MapCredentialAdminEndpoints(this WebApplication app)
    {
        var admin = app.MapGroup(Path).RequireAdminKey();
        admin.MapPut("/credentials/{clientId}", Put);
        admin.MapDelete("/credentials/{clientId}", Delete);
        return app;
    }

    private static void ValidateClientId(string clientId)
    {
        if (clientId.Length is 0 or > 50)
            throw ZgwException.Validation("clientId", ZgwCodes.Invalid, "Een client id heeft 1 tot 50 tekens.");
    }

    private static async Task<IResult> Put(HttpContext ctx, string clientId, ZgwDatabase db, ApplicatieRepository applicaties, CredentialProtector protector,
        AutorisatieCache cache, IOptions<ZgwOptions> zgw, ILogger<CredentialRequest> logger)
    {
        ValidateClientId(clientId);
        if (!protector.IsConfigured)
            throw ZgwException.PermissionDenied("Er is geen sleutel ingesteld om secrets versleuteld op te slaan.");
        var body = await ZgwBody.ReadAsync<CredentialRequest>(ctx);
        var secret = Encoding.UTF8.GetBytes(body.Secret!);
        await db.InTransactionAsync(async (c, tx) =>
        {
            await CredentialRepository.SetAsync(c, tx, protector, clientId, secret);
            if (body.HasApplicatie)
                await SetApplicatieAsync(c, tx, applicaties, clientId, body, zgw.Value);
            return 0;
        });
        cache.Invalidate([clientId]);
        if (secret.Length < 32)
        {
            logger.LogWarning("The secret registered for client {ClientId} is shorter than 32 bytes", clientId);
            ctx.Response.Headers.Append("Warning", "299 openzaak \"secret shorter than 32 bytes\"");
        }
        return Results.NoContent();
    }

    private static async Task<IResult> Delete(string clientId, ZgwDatabase db, AutorisatieCache cache)
    {
        ValidateClientId(clientId);
        await db.InTransactionAsync((c, tx) => CredentialRepository.DeleteAsync(c, tx, clientId));
        cache.Invalidate([clientId]);
        return Results.NoContent();
    }

    /// <summary>Creates the client's applicatie, or replaces label and autorisaties of the one it has (same rules as the API).</summary>
    private static async Task SetApplicatieAsync(NpgsqlConnection c, NpgsqlTransaction tx, ApplicatieRepository applicaties, string clientId,
        CredentialRequest body, ZgwOptions zgw)
    {
        var existing = await applicaties.GetByClientIdAsync(clientId);
        var request = new ApplicatieRequest(existing is null ? [clientId] : [.. existing.ClientIds],
            body.Label ?? existing?.Label ?? clientId, body.HeeftAlleAutorisaties ?? false, body.Autorisaties ?? []);
        var v = new Validator();
        ApplicatieRules.ValidateFields(request, v);
        v.ThrowIfInvalid();
        var saved = existing is null
            ? await ApplicatieRepository.InsertAsync(c, tx, request)
            : await ApplicatieRepository.UpdateAsync(c, tx, existing, request);
        var url = $"{zgw.PublicApiRoot(AutorisatiesService.Component)}/applicaties/{saved.Uuid}";
        await NotificatieOutbox.EnqueueAsync(c, tx, new NotificatieMessage(AutorisatiesKanaal.Naam, url, AutorisatiesKanaal.Resource, url,
            existing is null ? "create" : "update", DateTimeOffset.UtcNow, new Dictionary<string, string>()));
        await AutorisatiesGewijzigd.EnqueueAsync(c, tx, saved.ClientIds);
    }
}
