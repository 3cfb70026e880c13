using System.Security.Cryptography;
using System.Text;

namespace Autorisaties.Api.Admin;

/// <summary>
/// Encrypts client secrets at rest with AES-256-GCM, the client id as associated data (a ciphertext cannot be
/// moved to another client). The key is <c>Autorisaties:CredentialKey</c> (base64, 32 bytes); without it the
/// key is derived from <c>OPENZAAK_ADMIN_KEY</c> with HKDF (then rotating the admin key needs a re-registration
/// of every secret, so production should set a dedicated key). Stored as nonce ‖ tag ‖ ciphertext.
/// </summary>
public sealed class CredentialProtector
{
    private readonly byte[]? _key;

    public CredentialProtector(IConfiguration configuration, ILogger<CredentialProtector> logger)
    {
        var configured = configuration["Autorisaties:CredentialKey"];
        var adminKey = configuration["OPENZAAK_ADMIN_KEY"];
        if (!string.IsNullOrEmpty(configured))
        {
            _key = Convert.FromBase64String(configured);
            if (_key.Length != 32)
                throw new InvalidOperationException("Autorisaties:CredentialKey must be 32 bytes, base64-encoded.");
        }
        else if (!string.IsNullOrEmpty(adminKey))
        {
            logger.LogWarning("Autorisaties:CredentialKey is not set; client secrets are encrypted with a key derived from OPENZAAK_ADMIN_KEY");
            _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(adminKey), 32, info: "openzaak-credentials"u8.ToArray());
        }
        KeyId = _key is null ? "" : Convert.ToHexStringLower(SHA256.HashData(_key))[..16];
    }

    public bool IsConfigured => _key is not null;

    /// <summary>Identifies the key a secret was stored with (a hash prefix, not the key).</summary>
    public string KeyId { get; }

    public byte[] Protect(string clientId, byte[] secret)
    {
        var key = _key ?? throw new InvalidOperationException("No credential key configured.");
        var result = new byte[12 + 16 + secret.Length];
        var nonce = result.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, secret, result.AsSpan(28), result.AsSpan(12, 16), Encoding.UTF8.GetBytes(clientId));
        return result;
    }

    public byte[]? Unprotect(string clientId, byte[] stored)
    {
        if (_key is null || stored.Length < 28)
            return null;
        var secret = new byte[stored.Length - 28];
        try
        {
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(stored.AsSpan(0, 12), stored.AsSpan(28), stored.AsSpan(12, 16), secret, Encoding.UTF8.GetBytes(clientId));
            return secret;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
