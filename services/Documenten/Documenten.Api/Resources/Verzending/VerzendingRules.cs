using Documenten.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Documenten.Api.Resources.Verzending;

/// <summary>The rules of verzendingen (zgw-rules D11).</summary>
public static class VerzendingRules
{
    /// <summary>
    /// D11: a verzending names exactly one kind of address of the betrokkene: binnenlandsCorrespondentieadres,
    /// buitenlandsCorrespondentieadres, correspondentiePostadres, faxnummer, emailadres, mijnOverheid (true) or
    /// telefoonnummer — else 400 <c>invalid-address</c> (non-field, as Open Zaak). Each of the seven is counted once (Open
    /// Zaak's counter counts telefoonnummer twice and ignores faxnummer; not copied). An empty string is no address.
    /// </summary>
    public static void D11_PreciesEenAdres(VerzendingRequest r, Validator v)
    {
        if (AantalAdressen(r) != 1)
            v.Add(InvalidParam.NonFieldErrors, DocumentenCodes.InvalidAddress,
                "Een verzending moet precies één adres hebben: binnenlandsCorrespondentieadres, buitenlandsCorrespondentieadres, " +
                "correspondentiePostadres, faxnummer, emailadres, mijnOverheid of telefoonnummer.");
    }

    public static int AantalAdressen(VerzendingRequest r)
    {
        bool[] kinds =
        [
            r.BinnenlandsCorrespondentieadres is not null,
            r.BuitenlandsCorrespondentieadres is not null,
            r.CorrespondentiePostadres is not null,
            !string.IsNullOrEmpty(r.Faxnummer),
            !string.IsNullOrEmpty(r.Emailadres),
            r.MijnOverheid == true,
            !string.IsNullOrEmpty(r.Telefoonnummer),
        ];
        return kinds.Count(k => k);
    }
}
