using Zgw.Api.References;
using System.Text.Json;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;

namespace Zaken.Api.Resources.Archivering;

/// <summary>What zrc-021 reads of a Catalogi RESULTAATTYPE.</summary>
public sealed record ArchiefResultaattype(
    string Url,
    string? Archiefnominatie,
    string? Archiefactietermijn,
    string Afleidingswijze,
    string? Datumkenmerk,
    string? Objecttype,
    string? Procestermijn)
{
    public static ArchiefResultaattype From(string url, JsonElement json)
    {
        var procedure = json.TryGetProperty("brondatumArchiefprocedure", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        string? P(string name) => procedure.ValueKind == JsonValueKind.Object ? JsonFields.Text(procedure, name) : null;
        return new ArchiefResultaattype(
            url,
            JsonFields.Text(json, "archiefnominatie"),
            JsonFields.Text(json, "archiefactietermijn"),
            P("afleidingswijze") ?? Archivering.Afleidingswijze.Afgehandeld,
            P("datumkenmerk"),
            P("objecttype"),
            P("procestermijn") ?? JsonFields.Text(json, "procestermijn"));
    }
}

/// <summary>The archive fields of a zaak after zrc-021.</summary>
public sealed record ArchiefUitkomst(string? Archiefnominatie, DateOnly? Archiefactiedatum, DateOnly? StartdatumBewaartermijn);

/// <summary>
/// zrc-021 steps 1–3 around a brondatum (<see cref="Brondatum"/>). Where the standard leaves room this follows Open Zaak:
/// <list type="bullet">
/// <item>archiefnominatie is always taken from the resultaattype (the standard: only when the zaak's is empty);</item>
/// <item>a filled startdatumBewaartermijn is the brondatum (any afleidingswijze), and after a calculation it is set to the
/// brondatum (the standard treats it as informational, zrc-026);</item>
/// <item>a computed archiefactiedatum overwrites a client value; without a computed date the zaak keeps its own;</item>
/// <item>no brondatum for an afleidingswijze that cannot wait (<see cref="Afleidingswijze.Uitstelbaar"/>) is an error
/// unless the archiefnominatie is <c>blijvend_bewaren</c> (the standard: leave the date empty).</item>
/// </list>
/// </summary>
public static class Archiefactie
{
    public const string BlijvendBewaren = "blijvend_bewaren";

    /// <param name="resultaattype">The zaak's resultaattype.</param>
    /// <param name="huidig">The zaak's current archive fields (archiefnominatie, archiefactiedatum, startdatumBewaartermijn).</param>
    /// <param name="brondatum">Derives the brondatum for the resultaattype's afleidingswijze; only called when needed.</param>
    public static async Task<ArchiefUitkomst> Zrc021_BerekenAsync(ArchiefResultaattype resultaattype, ArchiefUitkomst huidig,
        Func<Task<DateOnly?>> brondatum)
    {
        var nominatie = resultaattype.Archiefnominatie ?? huidig.Archiefnominatie;
        if (string.IsNullOrEmpty(resultaattype.Archiefactietermijn))
            return huidig with { Archiefnominatie = nominatie };
        if (!IsoDuration.TryParse(resultaattype.Archiefactietermijn, out var termijn))
            throw new BrondatumException($"Geen geldige archiefactietermijn: {resultaattype.Archiefactietermijn}");

        var bron = huidig.StartdatumBewaartermijn ?? await brondatum();
        if (bron is null)
        {
            if (!Afleidingswijze.Uitstelbaar.Contains(resultaattype.Afleidingswijze) && nominatie != BlijvendBewaren)
                throw new BrondatumException(
                    $"De brondatum voor afleidingswijze \"{resultaattype.Afleidingswijze}\" kan niet bepaald worden.");
            return huidig with { Archiefnominatie = nominatie };
        }
        return new ArchiefUitkomst(nominatie, termijn.AddTo(bron.Value), bron);
    }
}
