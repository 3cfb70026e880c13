namespace Documenten.Api.Resources.Common;

/// <summary>The error codes of the Documenten rules (zgw-rules §D), spelled as Open Zaak answers them.</summary>
public static class DocumentenCodes
{
    // D1 (drc-001), and any URL field: as Z1.
    public const string NotPublished = "not-published";
    public const string DoesNotExist = "does_not_exist";
    public const string IdentificatieNietUniek = "identificatie-niet-uniek";
    public const string Unique = "unique";

    // D2 (drc-002/003/004)
    public const string InconsistentRelation = "inconsistent-relation";
    public const string RemoteRelationExists = "remote-relation-exists";
    public const string RelationLookupError = "relation-lookup-error";

    // D3 (drc-005)
    public const string InvalidForReceived = "invalid_for_received";

    // D4 (drc-006)
    public const string MissingGebruiksrechten = "missing-gebruiksrechten";
    public const string ExistingGebruiksrechten = "existing-gebruiksrechten";

    // D7 content
    public const string FileSize = "file-size";
    public const string InvalidBase64 = "invalid-base64";
    public const string IncorrectBase64Padding = "incorrect-base64-padding";

    // D8 (drc-008)
    public const string PendingRelations = "pending-relations";
    public const string DestroyLocked = "destroy-locked";

    // D9 (drc-009/010) and D10
    public const string Unlocked = "unlocked";
    public const string MissingLockId = "missing-lock-id";
    public const string IncorrectLockId = "incorrect-lock-id";
    public const string ExistingLock = "existing-lock";
    public const string IncompleteUpload = "incomplete-upload";

    // D11
    public const string InvalidAddress = "invalid-address";

    // D12
    public const string EmptySearchBody = "empty_search_body";
}
