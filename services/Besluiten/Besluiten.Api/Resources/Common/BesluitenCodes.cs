namespace Besluiten.Api.Resources.Common;

/// <summary>The error codes of the Besluiten rules (zgw-rules §B), spelled as Open Zaak answers them.</summary>
public static class BesluitenCodes
{
    // B1 (brc-001) and every URL field: as Z1.
    public const string NotPublished = "not-published";
    public const string DoesNotExist = "does_not_exist";
    public const string WijzigenNietToegelaten = "wijzigen-niet-toegelaten";

    // B2 (brc-002)
    public const string IdentificatieNietUniek = "identificatie-niet-uniek";

    // B3: datum not in the future (Open Zaak: UntilTodayValidator, code future_not_allowed as for laatsteBetaaldatum, Z14)
    public const string FutureNotAllowed = "future_not_allowed";

    // B4 (brc-003/004)
    public const string Unique = "unique";

    // B5/B6/B9 (brc-005/006/009): a mirror in the Documenten or Zaken API could not be made or removed
    public const string PendingRelations = "pending-relations";

    // B7 (brc-007)
    public const string ZaaktypeMismatch = "zaaktype-mismatch";

    // B8 (brc-008)
    public const string MissingBesluittypeInformatieobjecttypeRelation = "missing-besluittype-informatieobjecttype-relation";
}
