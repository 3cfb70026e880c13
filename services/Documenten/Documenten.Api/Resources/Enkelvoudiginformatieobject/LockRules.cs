using Documenten.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>The body of <c>POST …/unlock</c> (OAS <c>UnlockEnkelvoudigInformatieObjectRequest</c>).</summary>
public sealed record UnlockRequest(string? Lock) : IValidatable
{
    public void Validate(Validator v) => v.MaxLength("lock", Lock, 100);
}

/// <summary>The rules of <c>POST …/lock</c> and <c>POST …/unlock</c> (D9), as Open Zaak answers them (non-field errors).</summary>
public static class LockRules
{
    /// <summary>D9: locking a document that is already locked is a 400 <c>existing-lock</c>.</summary>
    public static void D9_LockAlleenOpOntgrendeldDocument(DocumentRef document)
    {
        if (document.Locked)
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.ExistingLock, "Het document is al gelockt.");
    }

    /// <summary>
    /// D9: an unlock must carry the document's lock (a wrong or missing one is a 400 <c>incorrect-lock-id</c>), unless the
    /// caller holds <c>documenten.geforceerd-unlock</c> for the document (forced unlock: the lock may be omitted or wrong).
    /// Unlocking a document that is not locked, without a lock, changes nothing (Open Zaak compares with its empty lock).
    /// </summary>
    public static void D9_UnlockMetDeJuisteLock(DocumentRef document, string? lockId, bool geforceerd)
    {
        if (!geforceerd && (document.Lock ?? "") != (lockId ?? ""))
            throw IncorrectLockId();
    }

    public static ZgwException IncorrectLockId() =>
        ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.IncorrectLockId, "Incorrect lock ID.");
}
