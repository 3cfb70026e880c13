using System.Security.Cryptography;

namespace Documenten.Api.Resources.Common;

/// <summary>The lock of a document (D9): an unguessable id, held in <c>enkelvoudiginformatieobject.lock</c>.</summary>
public static class DocumentLocks
{
    /// <summary>A new lock id: 128 random bits as 32 hex characters (Open Zaak: uuid4().hex).</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
