using Documenten.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Documenten.Api.Resources.Bestandsdeel;

/// <summary>
/// The rules of a bestandsdelen upload (D10, from the OAS descriptions and Open Zaak; the Documenten behaviour page has no
/// bestandsdelen rule). Open Zaak reports them as non-field errors.
/// </summary>
public static class BestandsdeelRules
{
    /// <summary>D10: a part must carry the lock of its document (400 <c>incorrect-lock-id</c>).</summary>
    public static void D10_DeelMetDeLockVanHetDocument(DocumentRef document, string lockId, Validator v)
    {
        if (document.Lock is null || document.Lock != lockId)
            v.Add(InvalidParam.NonFieldErrors, DocumentenCodes.IncorrectLockId, "Incorrect lock ID.");
    }

    /// <summary>D10: the received part must be exactly <c>omvang</c> bytes (400 <c>file-size</c>).</summary>
    public static void D10_DeelGrootteIsOmvang(BestandsdeelRow deel, long ontvangen, Validator v)
    {
        if (ontvangen != deel.Omvang)
            v.Add(InvalidParam.NonFieldErrors, DocumentenCodes.FileSize,
                $"De grootte van het bestandsdeel ({ontvangen} bytes) moet gelijk zijn aan 'omvang' ({deel.Omvang} bytes).");
    }

    /// <summary>D10 (unlock): every part of the upload must be voltooid before it can be completed (400 <c>incomplete-upload</c>).</summary>
    public static void D10_AlleDelenVoltooid(IReadOnlyCollection<BestandsdeelRow> delen)
    {
        if (delen.Any(d => !d.Voltooid))
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.IncompleteUpload, "Het uploaden van de bestandsdelen is niet voltooid.");
    }

    /// <summary>
    /// D10 (unlock): the joined parts must be the version's <c>bestandsomvang</c>; and a version that announced content
    /// (<c>bestandsomvang</c> &gt; 0) but got neither base64 <c>inhoud</c> nor parts cannot be unlocked (400 <c>file-size</c>).
    /// </summary>
    public static void D10_InhoudIsBestandsomvang(long? bestandsomvang, long ontvangen)
    {
        if ((bestandsomvang ?? 0) != ontvangen)
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.FileSize,
                "Er moet een bestand geüpload worden, of 'bestandsomvang' moet 0 zijn; de grootte van het bestand moet gelijk zijn aan 'bestandsomvang'.");
    }
}
