using Dapper;
using Npgsql;
using Zgw.Data;
using Zgw.Messaging;

namespace Autorisaties.Api.Admin;

/// <summary>Client secrets: set (replace), delete, read. Each change announces itself to every cache.</summary>
public sealed class CredentialRepository(ZgwDatabase database, CredentialProtector protector, ILogger<CredentialRepository> logger)
{
    public static async Task SetAsync(NpgsqlConnection c, NpgsqlTransaction tx, CredentialProtector protector, string clientId, byte[] secret)
    {
        await c.ExecuteAsync("""
            INSERT INTO credential (client_id, secret, key_id) VALUES (@clientId, @secret, @keyId)
            ON CONFLICT (client_id) DO UPDATE SET secret = excluded.secret, key_id = excluded.key_id, gewijzigd = now()
            """, new { clientId, secret = protector.Protect(clientId, secret), keyId = protector.KeyId }, tx);
        await AutorisatiesGewijzigd.EnqueueAsync(c, tx, [clientId]);
    }

    public static async Task<bool> DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, string clientId)
    {
        var deleted = await c.ExecuteAsync("DELETE FROM credential WHERE client_id = @clientId", new { clientId }, tx);
        await AutorisatiesGewijzigd.EnqueueAsync(c, tx, [clientId]);
        return deleted > 0;
    }

    /// <summary>The decrypted secrets of a client (one today; a list so rotation with overlap can come later).</summary>
    public async Task<IReadOnlyList<byte[]>> GetSecretsAsync(string clientId)
    {
        await using var c = await database.OpenAsync();
        var rows = await c.QueryAsync<byte[]>("SELECT secret FROM credential WHERE client_id = @clientId", new { clientId });
        var secrets = new List<byte[]>();
        foreach (var row in rows)
        {
            if (protector.Unprotect(clientId, row) is { } secret)
                secrets.Add(secret);
            else
                logger.LogError("The stored secret of client {ClientId} cannot be decrypted with the configured key", clientId);
        }
        return secrets;
    }

    public async Task<IReadOnlyList<(string ClientId, DateTime Gewijzigd)>> ListAsync()
    {
        await using var c = await database.OpenAsync();
        return (await c.QueryAsync<(string, DateTime)>("SELECT client_id, gewijzigd FROM credential ORDER BY client_id")).ToList();
    }
}
