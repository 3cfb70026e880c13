using System.Text;
using Zgw.Data;

namespace Autorisaties.Api.Admin;

/// <summary>
/// The operators' CLI verb: <c>Autorisaties.Api credentials set CLIENT_ID</c> (the secret is read from
/// standard input, so it never shows in a process list or shell history), <c>credentials delete CLIENT_ID</c>,
/// <c>credentials list</c>. Same storage, encryption and cache invalidation as the admin API; the running
/// service's relay announces the change.
/// </summary>
public static class CredentialCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var db = app.Services.GetRequiredService<ZgwDatabase>();
        var protector = app.Services.GetRequiredService<CredentialProtector>();
        switch (args)
        {
            case ["set", var clientId]:
                if (!protector.IsConfigured)
                    return Fail("No credential key: set Autorisaties:CredentialKey or OPENZAAK_ADMIN_KEY.");
                var secret = (await Console.In.ReadToEndAsync()).TrimEnd('\r', '\n');
                if (secret.Length == 0 || clientId.Length is 0 or > 50)
                    return Fail("Usage: credentials set CLIENT_ID  (secret on standard input)");
                await db.InTransactionAsync(async (c, tx) =>
                {
                    await CredentialRepository.SetAsync(c, tx, protector, clientId, Encoding.UTF8.GetBytes(secret));
                    return 0;
                });
                Console.WriteLine($"Secret of {clientId} set{(Encoding.UTF8.GetByteCount(secret) < 32 ? " (warning: shorter than 32 bytes)" : "")}.");
                return 0;
            case ["delete", var clientId]:
                var deleted = await db.InTransactionAsync((c, tx) => CredentialRepository.DeleteAsync(c, tx, clientId));
                Console.WriteLine(deleted ? $"Secret of {clientId} revoked." : $"{clientId} had no secret.");
                return 0;
            case ["list"]:
                foreach (var (clientId, gewijzigd) in await app.Services.GetRequiredService<CredentialRepository>().ListAsync())
                    Console.WriteLine($"{clientId}\t{gewijzigd:u}");
                return 0;
            default:
                return Fail("Usage: credentials set CLIENT_ID | credentials delete CLIENT_ID | credentials list");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
