namespace Zaken.Api.Resources.Common;

/// <summary>The error codes of the Zaken rules (zgw-rules §Z), spelled as Open Zaak answers them.</summary>
public static class ZakenCodes
{
    public const string DoesNotExist = "does_not_exist";
    public const string NotPublished = "not-published";
    public const string Unique = "unique";
    public const string IdentificatieNietUniek = "identificatie-niet-uniek";
    public const string WijzigenNietToegelaten = "wijzigen-niet-toegelaten";
    public const string ArchiefstatusInvalid = "zaak-archiefstatus-invalid";
    public const string PendingRelations = "pending-relations";
    public const string ResultaatDoesNotExist = "resultaat-does-not-exist";
    public const string IndicatiegebruiksrechtUnset = "indicatiegebruiksrecht-unset";
    public const string InformatieobjectLocked = "informatieobject-locked";
    public const string DeelzakenNotClosed = "deelzaken-not-closed";
    public const string DeelzaakResultaatDoesNotExist = "deelzaak-resultaat-does-not-exist";
    public const string DateInFuture = "date-in-future";
    public const string FutureNotAllowed = "future_not_allowed";
    public const string ZaakMismatch = "zaak-mismatch";
    public const string HoofdzaakClosed = "hoofdzaak-closed";
    public const string DeelzaakAlsHoofdzaak = "deelzaak-als-hoofdzaak";
    public const string SelfForbidden = "self-forbidden";
    public const string InvalidDeelzaaktype = "invalid-deelzaaktype";
    public const string BetalingNvt = "betaling-nvt";
    public const string InvalidProductsServices = "invalid-products-services";
    public const string ZaaktypeMismatch = "zaaktype-mismatch";
    public const string MissingZaaktypeInformatieobjecttypeRelation = "missing-zaaktype-informatieobjecttype-relation";
    public const string ArchiefactiedatumError = "archiefactiedatum-error";
    public const string DocumentsNotArchived = "documents-not-archived";
    public const string ArchiefnominatieNotSet = "archiefnominatie-not-set";
    public const string ArchiefactiedatumNotSet = "archiefactiedatum-not-set";
    public const string RelatedBesluiten = "related-besluiten";
    public const string MaxOccurences = "max-occurences";
}
