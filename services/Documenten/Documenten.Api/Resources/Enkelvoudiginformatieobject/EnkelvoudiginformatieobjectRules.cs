using System.Security.Cryptography;
using System.Text;
using Documenten.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>The rules of the enkelvoudiginformatieobject resource (zgw-rules §D), each named after its spec id.</summary>
public static class EnkelvoudiginformatieobjectRules
{
    private static readonly string[] NietOntvangenStatussen = ["in_bewerking", "ter_vaststelling"];

    /// <summary>drc-005 (D3): with an ontvangstdatum the status may not be <c>in_bewerking</c> or <c>ter_vaststelling</c>.</summary>
    public static void Drc005_OntvangstdatumVerbiedtStatusInBewerking(EnkelvoudiginformatieobjectRequest r, Validator v)
    {
        if (r.Ontvangstdatum is not null && NietOntvangenStatussen.Contains(r.Status))
            v.Add("status", DocumentenCodes.InvalidForReceived,
                "De statuswaarden `in_bewerking` en `ter_vaststelling` zijn niet van toepassing op ontvangen informatieobjecten.");
    }

    /// <summary>
    /// drc-006 (D4) on create: <c>indicatieGebruiksrecht</c> can only become true by creating gebruiksrechten, so a create
    /// that sets it is a 400 <c>missing-gebruiksrechten</c>.
    /// </summary>
    public static void Drc006_GeenGebruiksrechtBijAanmaken(EnkelvoudiginformatieobjectRequest r, Validator v)
    {
        if (r.IndicatieGebruiksrecht == true)
            v.Add("indicatieGebruiksrecht", DocumentenCodes.MissingGebruiksrechten,
                "De indicatie kan pas gezet worden als er gebruiksrechten gedefinieerd zijn.");
    }

    /// <summary>
    /// drc-006 (D4) on update: true only while gebruiksrechten exist (else <c>missing-gebruiksrechten</c>), false/null only
    /// while none exist (else <c>existing-gebruiksrechten</c>).
    /// </summary>
    public static void Drc006_GebruiksrechtBijWijzigen(EnkelvoudiginformatieobjectRequest r, bool gebruiksrechtenBestaan, Validator v)
    {
        if (r.IndicatieGebruiksrecht == true && !gebruiksrechtenBestaan)
            Drc006_GeenGebruiksrechtBijAanmaken(r, v);
        else if (r.IndicatieGebruiksrecht != true && gebruiksrechtenBestaan)
            v.Add("indicatieGebruiksrecht", DocumentenCodes.ExistingGebruiksrechten,
                "De indicatie moet op 'ja' blijven staan zolang er gebruiksrechten gedefinieerd zijn.");
    }

    /// <summary>drc-007 (D5): without a vertrouwelijkheidaanduiding the document takes the informatieobjecttype's.</summary>
    public static string Drc007_Vertrouwelijkheidaanduiding(EnkelvoudiginformatieobjectRequest r, Informatieobjecttype type) =>
        string.IsNullOrEmpty(r.Vertrouwelijkheidaanduiding) ? type.Vertrouwelijkheidaanduiding : r.Vertrouwelijkheidaanduiding;

    /// <summary>
    /// D7: the base64 <c>inhoud</c> of a request, decoded (bounded by the JSON body cap). Null or empty: no content in the
    /// body. A <c>data:…;base64,</c> prefix is accepted (as Open Zaak's Base64 file field). Characters outside the base64
    /// alphabet → <c>invalid-base64</c>; a length or padding that does not fit → <c>incorrect-base64-padding</c>.
    /// </summary>
    public static byte[]? DecodeInhoud(string? inhoud, Validator v)
    {
        if (string.IsNullOrEmpty(inhoud))
            return null;
        var data = inhoud.AsSpan();
        var comma = data.IndexOf(";base64,");
        if (data.StartsWith("data:") && comma > 0)
            data = data[(comma + ";base64,".Length)..];
        var padding = 0;
        var misplaced = false;
        foreach (var ch in data)
        {
            if (ch == '=')
            {
                padding++;
                continue;
            }
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '+' or '/'))
            {
                v.Add("inhoud", DocumentenCodes.InvalidBase64, "Het bestand is geen geldige base64.");
                return null;
            }
            misplaced |= padding > 0; // data after '='
        }
        var bytes = new byte[data.Length / 4 * 3 + 3];
        if (misplaced || data.Length % 4 != 0 || padding > 2 || !Convert.TryFromBase64Chars(data, bytes, out var written))
        {
            v.Add("inhoud", DocumentenCodes.IncorrectBase64Padding, "De base64-gegevens hebben een onjuiste opvulling (padding).");
            return null;
        }
        return bytes[..written];
    }

    /// <summary>
    /// D7: <c>bestandsomvang</c> with base64 content is derived when absent and must equal the content's size (Open Zaak 400
    /// <c>file-size</c>, a non-field error). Without content it is what the client announced (D10: the size of the upload).
    /// </summary>
    public static long? Bestandsomvang(byte[]? inhoud, long? bestandsomvang, Validator v)
    {
        if (inhoud is null)
            return bestandsomvang;
        if (bestandsomvang is not null && bestandsomvang != inhoud.Length)
            v.Add(InvalidParam.NonFieldErrors, DocumentenCodes.FileSize, "De grootte van het bestand moet gelijk zijn aan 'bestandsomvang'.");
        return inhoud.Length;
    }

    /// <summary>
    /// D10: a create (or update) with <c>bestandsomvang</c> N &gt; 0 and no <c>inhoud</c> opens an upload in ⌈N / size⌉ parts;
    /// the last holds the remainder. Returns (volgnummer, omvang) from 1.
    /// </summary>
    public static IReadOnlyList<(int Volgnummer, long Omvang)> Bestandsdelen(long bestandsomvang, long deelGrootte)
    {
        var delen = new List<(int, long)>();
        for (long begin = 0, nummer = 1; begin < bestandsomvang; begin += deelGrootte, nummer++)
            delen.Add(((int)nummer, Math.Min(deelGrootte, bestandsomvang - begin)));
        return delen;
    }

    /// <summary>
    /// drc-009/010 (D9): a PUT/PATCH must carry the lock of the locked document. Checked in Open Zaak's order: the document is
    /// not locked → <c>unlocked</c>, no lock in the body → <c>missing-lock-id</c>, another lock → <c>incorrect-lock-id</c>
    /// (all non-field errors, as Open Zaak answers them).
    /// </summary>
    public static void Drc009_WijzigenVereistLock(DocumentRef document, string? lockId)
    {
        if (!document.Locked)
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.Unlocked,
                "Een document dat niet vergrendeld is kan niet gewijzigd worden; vergrendel het eerst (POST …/lock).");
        if (string.IsNullOrEmpty(lockId))
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.MissingLockId,
                "Het veld `lock` is verplicht om een vergrendeld document te wijzigen.");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(lockId), Encoding.UTF8.GetBytes(document.Lock!)))
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.IncorrectLockId, "De `lock` is niet correct.");
    }

    /// <summary>
    /// D6/D7/D10 on PUT/PATCH: what the new version's content is. New base64 <c>inhoud</c> replaces the content (its size
    /// is <c>bestandsomvang</c>; a sent size that differs → <c>file-size</c>). <c>inhoud</c> sent as null/empty: no content,
    /// or a new bestandsdelen upload when <c>bestandsomvang</c> &gt; 0. <c>inhoud</c> not sent: the previous version's
    /// content stays — unless the body announces another <c>bestandsomvang</c>, which opens a new upload of that size
    /// (or, for 0/null, leaves the version without content).
    /// </summary>
    public static InhoudKeuze InhoudBijWijzigen(byte[]? inhoud, bool inhoudVerzonden, long? bestandsomvang, bool omvangVerzonden,
        long? vorigeOmvang, Validator v)
    {
        if (inhoud is not null)
            return new InhoudKeuze(InhoudActie.Nieuw, Bestandsomvang(inhoud, omvangVerzonden ? bestandsomvang : null, v));
        if (!inhoudVerzonden && (!omvangVerzonden || bestandsomvang == vorigeOmvang))
            return new InhoudKeuze(InhoudActie.Behouden, vorigeOmvang);
        return bestandsomvang > 0 ? new InhoudKeuze(InhoudActie.Upload, bestandsomvang) : new InhoudKeuze(InhoudActie.Geen, bestandsomvang);
    }

    /// <summary>drc-008 (D8): a document with objectinformatieobjecten cannot be destroyed (Open Zaak <c>pending-relations</c>).</summary>
    public static ZgwException Drc008_PendingRelations() =>
        ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.PendingRelations,
            "Alle relaties naar het document (objectinformatieobjecten) moeten verwijderd zijn voordat het document verwijderd kan worden.");

    /// <summary>D8 (Open Zaak): a locked document cannot be destroyed (<c>destroy-locked</c>).</summary>
    public static ZgwException DestroyLocked() =>
        ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.DestroyLocked, "Een vergrendeld document kan niet verwijderd worden.");

    /// <summary>The identificatie of another document of the same bronorganisatie (Open Zaak <c>identificatie-niet-uniek</c>).</summary>
    public static ZgwException IdentificatieNietUniek() =>
        ZgwException.Validation("identificatie", DocumentenCodes.IdentificatieNietUniek,
            "Deze identificatie bestaat al voor deze bronorganisatie.");
}

/// <summary>What a PUT/PATCH does with the content (<see cref="EnkelvoudiginformatieobjectRules.InhoudBijWijzigen"/>).</summary>
public enum InhoudActie
{
    /// <summary>The new version keeps the previous version's content key (and a pending upload moves along).</summary>
    Behouden,

    /// <summary>The base64 <c>inhoud</c> of the body becomes the content.</summary>
    Nieuw,

    /// <summary>A new bestandsdelen upload of <see cref="InhoudKeuze.Bestandsomvang"/> bytes (D10); no content until the unlock.</summary>
    Upload,

    /// <summary>The new version has no content.</summary>
    Geen,
}

public sealed record InhoudKeuze(InhoudActie Actie, long? Bestandsomvang);
