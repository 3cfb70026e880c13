using System.Text.Json;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api.Problems;
using Zgw.Api.References;

namespace Zaken.Api.Resources.Archivering;

/// <summary>
/// zrc-021 against our data: gathers what the resultaattype's afleidingswijze needs (zaakeigenschappen, zaakobjecten, the
/// hoofdzaak, relevanteAndereZaken, besluiten), hands it to the pure <see cref="Brondatum"/> function and
/// <see cref="Archiefactie"/>, and writes the archive fields of the zaak. Runs inside the caller's transaction with the
/// zaak locked. A derivation that is impossible is a 400 <c>archiefactiedatum-error</c> (Open Zaak).
/// </summary>
public sealed class ArchiefBerekening(ZaakCatalogi catalogi, UrlResolver resolver, ZakenUrls urls)
{
    public async Task<ArchiefResultaattype> ResultaattypeAsync(string url, CancellationToken ct) =>
        ArchiefResultaattype.From(url, await catalogi.TypeAsync("resultaattype", url, ["url"], ct));

    /// <summary>
    /// The archive fields of <paramref name="zaak"/> closed on <paramref name="einddatum"/> with <paramref name="resultaattype"/>.
    /// <paramref name="hoofdzaakEinddatum"/> overrides the stored einddatum of the hoofdzaak (while that hoofdzaak is being closed).
    /// </summary>
    public async Task<ArchiefUitkomst> BerekenAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak, DateOnly einddatum,
        ArchiefResultaattype resultaattype, CancellationToken ct, DateOnly? hoofdzaakEinddatum = null)
    {
        var huidig = new ArchiefUitkomst(zaak.Archiefnominatie, zaak.Archiefactiedatum, zaak.StartdatumBewaartermijn);
        try
        {
            return await Archiefactie.Zrc021_BerekenAsync(resultaattype, huidig,
                () => BrondatumAsync(c, tx, zaak, einddatum, resultaattype, hoofdzaakEinddatum, ct));
        }
        catch (BrondatumException e)
        {
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, ZakenCodes.ArchiefactiedatumError, e.Message);
        }
    }

    /// <summary>
    /// Open Zaak: a closed zaak whose archiefactiedatum had to wait for its source gets it when that source changes later
    /// (a zaakeigenschap, a zaakobject, a besluit). <paramref name="afleidingswijzen"/> are those the changed source feeds.
    /// A source that still gives no date leaves the zaak as it is. Runs in the caller's transaction with the zaak locked.
    /// </summary>
    public async Task HerberekenUitgesteldAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak,
        IReadOnlyCollection<string> afleidingswijzen, CancellationToken ct)
    {
        if (zaak.Einddatum is not { } einddatum || zaak.Archiefactiedatum is not null)
            return;
        var resultaattype = await c.ExecuteScalarAsync<string?>("SELECT resultaattype FROM resultaat WHERE zaak_id = @Id", new { zaak.Id }, tx);
        if (resultaattype is null)
            return;
        var rt = await ResultaattypeAsync(resultaattype, ct);
        if (!afleidingswijzen.Contains(rt.Afleidingswijze))
            return;
        try
        {
            await SchrijfAsync(c, tx, zaak.Id, await BerekenAsync(c, tx, zaak, einddatum, rt, ct));
        }
        catch (ZgwException)
        {
            // the changed source does not give a brondatum (yet): the zaak keeps waiting, the write itself stands
        }
    }

    /// <summary><see cref="HerberekenUitgesteldAsync"/> from a request's services, for the endpoints of the changed sources.</summary>
    public static Task NaWijzigingAsync(HttpContext ctx, NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak, params string[] afleidingswijzen) =>
        ctx.RequestServices.GetRequiredService<ArchiefBerekening>().HerberekenUitgesteldAsync(c, tx, zaak, afleidingswijzen, ctx.RequestAborted);

    public static Task SchrijfAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaakId, ArchiefUitkomst uitkomst) =>
        c.ExecuteAsync("""
            UPDATE zaak SET archiefnominatie = @Archiefnominatie, archiefactiedatum = @Archiefactiedatum,
                            startdatum_bewaartermijn = @StartdatumBewaartermijn
            WHERE id = @zaakId
            """, new { zaakId, uitkomst.Archiefnominatie, uitkomst.Archiefactiedatum, uitkomst.StartdatumBewaartermijn }, tx);

    private async Task<DateOnly?> BrondatumAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak, DateOnly einddatum,
        ArchiefResultaattype rt, DateOnly? hoofdzaakEinddatum, CancellationToken ct)
    {
        switch (rt.Afleidingswijze)
        {
            case Afleidingswijze.Afgehandeld:
                return Brondatum.Afgehandeld(einddatum);
            case Afleidingswijze.Hoofdzaak:
                var hoofdzaak = zaak.HoofdzaakId is { } hoofdzaakId
                    ? hoofdzaakEinddatum ?? await c.ExecuteScalarAsync<DateOnly?>("SELECT einddatum FROM zaak WHERE id = @hoofdzaakId", new { hoofdzaakId }, tx)
                    : null;
                return Brondatum.Hoofdzaak(zaak.HoofdzaakId is not null, hoofdzaak);
            case Afleidingswijze.Eigenschap:
                var waarde = await c.QueryFirstOrDefaultAsync<string?>(
                    "SELECT waarde FROM zaakeigenschap WHERE zaak_id = @Id AND naam = @naam ORDER BY id LIMIT 1",
                    new { zaak.Id, naam = rt.Datumkenmerk ?? "" }, tx);
                return Brondatum.Eigenschap(rt.Datumkenmerk, waarde);
            case Afleidingswijze.AnderDatumkenmerk:
                return Brondatum.AnderDatumkenmerk();
            case Afleidingswijze.Zaakobject:
                var objecten = await c.QueryAsync<string>("""
                    SELECT coalesce(gegevens -> 'objectIdentificatie', 'null'::jsonb)::text FROM zaakobject
                    WHERE zaak_id = @Id AND object_type = @objecttype ORDER BY id
                    """, new { zaak.Id, objecttype = rt.Objecttype ?? "" }, tx);
                return Brondatum.Zaakobject(rt.Objecttype, rt.Datumkenmerk,
                    objecten.Select(o => JsonDocument.Parse(o).RootElement.Clone()).ToList());
            case Afleidingswijze.Termijn:
                return Brondatum.Termijn(einddatum, rt.Procestermijn);
            case Afleidingswijze.GerelateerdeZaak:
                return Brondatum.GerelateerdeZaak(await GerelateerdeEinddatumsAsync(c, tx, zaak, ct));
            case Afleidingswijze.IngangsdatumBesluit:
                return Brondatum.IngangsdatumBesluit(await BesluitDatumsAsync(c, tx, zaak, "ingangsdatum", ct));
            case Afleidingswijze.VervaldatumBesluit:
                return Brondatum.VervaldatumBesluit(await BesluitDatumsAsync(c, tx, zaak, "vervaldatum", ct));
            default:
                throw new BrondatumException($"Onbekende afleidingswijze \"{rt.Afleidingswijze}\".");
        }
    }

    /// <summary>Einddatums of <c>relevanteAndereZaken</c>: our own zaken from the table, others fetched fresh.</summary>
    private async Task<List<DateOnly?>> GerelateerdeEinddatumsAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak, CancellationToken ct)
    {
        var relaties = await c.QuerySingleAsync<string>(
            "SELECT coalesce(gegevens -> 'relevanteAndereZaken', '[]'::jsonb)::text FROM zaak WHERE id = @Id", new { zaak.Id }, tx);
        using var doc = JsonDocument.Parse(relaties);
        var zaakUrls = doc.RootElement.ValueKind == JsonValueKind.Array
            ? doc.RootElement.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Object ? JsonFields.Text(r, "url") : null)
                .OfType<string>().Distinct().ToList()
            : [];
        var eigen = zaakUrls.Select(u => urls.UuidOf("zaken", u)).OfType<Guid>().ToArray();
        var result = (await c.QueryAsync<DateOnly?>("SELECT einddatum FROM zaak WHERE uuid = ANY(@eigen)", new { eigen }, tx)).ToList();
        foreach (var url in zaakUrls.Where(u => urls.UuidOf("zaken", u) is null))
            result.Add(Brondatum.ParseDatum(JsonFields.Text(await FetchAsync("relevanteAndereZaken", url, ct), "einddatum") ?? ""));
        return result;
    }

    private async Task<List<DateOnly?>> BesluitDatumsAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak, string veld, CancellationToken ct)
    {
        var besluiten = await c.QueryAsync<string>("SELECT besluit FROM zaakbesluit WHERE zaak_id = @Id ORDER BY id", new { zaak.Id }, tx);
        var result = new List<DateOnly?>();
        foreach (var besluit in besluiten)
        {
            var text = JsonFields.Text(await FetchAsync("besluit", besluit, ct), veld);
            result.Add(text is null ? null : Brondatum.ParseDatum(text)
                ?? throw new BrondatumException($"Geen geldige {veld} in besluit {besluit}: {text}"));
        }
        return result;
    }

    /// <summary>A fresh copy of an object of another API; one that cannot be fetched makes the derivation impossible.</summary>
    private async Task<JsonElement> FetchAsync(string field, string url, CancellationToken ct)
    {
        resolver.Invalidate(url);
        try
        {
            return await resolver.ResolveAsync(field, url, [], ct);
        }
        catch (ZgwException e)
        {
            throw new BrondatumException($"{url} kan niet opgehaald worden voor het bepalen van de brondatum: {e.Detail}");
        }
    }
}
