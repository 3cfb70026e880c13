using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Benchmarks;

/// <summary>A published zaaktype of the benchmark catalogus with the parts the scenarios use.</summary>
public sealed record BenchZaaktype(string Url, string Beginstatus, string Eindstatus, string Resultaattype);

/// <summary>What the seed made; kept in .local/bench-zaken-seed.json so a next run reuses the data.</summary>
public sealed record ZakenSeedInfo(List<BenchZaaktype> Zaaktypen, long Zaken);

/// <summary>
/// Seeds the running suite at scale: zaaktypen through the Catalogi API (published, so POST /zaken accepts them), then
/// zaken in bulk straight into the Zaken schema with one INSERT … SELECT over generate_series (a rol and a status each),
/// spread over the zaaktypen and the eight vertrouwelijkheidaanduidingen.
/// </summary>
public static class ZakenSeed
{
    private const string Selectielijst = "http://127.0.0.1:8010/api/v1/";

    public static async Task<ZakenSeedInfo> EnsureAsync(HttpClient api, string gateway, string database, int zaaktypen, long zaken, string seedFile)
    {
        ZakenSeedInfo? info = File.Exists(seedFile) ? JsonSerializer.Deserialize<ZakenSeedInfo>(await File.ReadAllTextAsync(seedFile)) : null;
        await using var db = NpgsqlDataSource.Create(database);
        var existing = await CountAsync(db);
        if (info is not null && info.Zaaktypen.Count >= zaaktypen && existing >= zaken)
        {
            Console.WriteLine($"seed: reusing {info.Zaaktypen.Count} zaaktypen and {existing:N0} zaken");
            return info with { Zaken = existing };
        }
        if (info is null || info.Zaaktypen.Count < zaaktypen)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var catalogus = Url(await PostAsync(api, $"{gateway}/catalogi/api/v1/catalogussen", new
            {
                domein = "B" + Random.Shared.Next(1000, 9999), rsin = "517439943", contactpersoonBeheerNaam = "Benchmark",
            }));
            var types = new BenchZaaktype[zaaktypen];
            await Parallel.ForAsync(0, zaaktypen, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
                types[i] = await ZaaktypeAsync(api, gateway, catalogus, i));
            info = new ZakenSeedInfo([.. types], 0);
            await File.WriteAllTextAsync(seedFile, JsonSerializer.Serialize(info));
            Console.WriteLine($"seed: {zaaktypen} published zaaktypen in {watch.Elapsed.TotalSeconds:F0} s");
        }
        if (existing < zaken)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await BulkAsync(db, info.Zaaktypen, existing, zaken);
            Console.WriteLine($"seed: {zaken - existing:N0} zaken (with a rol and a status each) in {watch.Elapsed.TotalSeconds:F0} s");
        }
        return info with { Zaken = await CountAsync(db) };
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM zaken.zaak", c);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Bulk insert in batches of 100k rows (one transaction each), then VACUUM ANALYZE.</summary>
    private static async Task BulkAsync(NpgsqlDataSource db, List<BenchZaaktype> types, long from, long to)
    {
        var urls = types.Select(t => t.Url).ToArray();
        var statustypen = types.Select(t => t.Beginstatus).ToArray();
        await using var c = await db.OpenConnectionAsync();
        for (var start = from + 1; start <= to; start += 100_000)
        {
            var end = Math.Min(to, start + 99_999);
            await using var tx = await c.BeginTransactionAsync();
            await Execute(c, tx, """
                INSERT INTO zaken.zaak (uuid, identificatie, bronorganisatie, zaaktype, vertrouwelijkheidaanduiding, vertrouwelijkheid_rang,
                                        registratiedatum, startdatum, einddatum, archiefstatus, zaakgeometrie, gegevens)
                SELECT gen_random_uuid(), 'BENCH-' || lpad(i::text, 10, '0'), '517439943', ($3::text[])[1 + (i % cardinality($3::text[]))],
                       (ARRAY['openbaar','beperkt_openbaar','intern','zaakvertrouwelijk','vertrouwelijk','confidentieel','geheim','zeer_geheim'])[1 + (i * 7 % 8)],
                       (i * 7 % 8), date '2020-01-01' + (i % 1500)::int, date '2020-01-01' + (i % 1500)::int,
                       CASE WHEN i % 3 = 0 THEN date '2020-02-01' + (i % 1500)::int END, 'nog_te_archiveren',
                       ST_SetSRID(ST_MakePoint(4 + (i % 300) / 100.0, 51 + (i % 200) / 100.0), 4326),
                       jsonb_build_object('omschrijving', 'Benchmarkzaak ' || i, 'verantwoordelijkeOrganisatie', '517439943')
                FROM generate_series($1::bigint, $2::bigint) AS i
                """, start, end, urls);
            await Execute(c, tx, """
                INSERT INTO zaken.rol (uuid, zaak_id, betrokkene_type, roltype, omschrijving, omschrijving_generiek, betrokkene_identificatie, gegevens)
                SELECT gen_random_uuid(), z.id, 'natuurlijk_persoon', z.zaaktype, 'Melder', 'initiator',
                       jsonb_build_object('inpBsn', lpad((z.id % 200000)::text, 9, '0')), '{}'
                FROM zaken.zaak z WHERE z.identificatie BETWEEN 'BENCH-' || lpad($1::text, 10, '0') AND 'BENCH-' || lpad($2::text, 10, '0')
                """, start, end);
            await Execute(c, tx, """
                INSERT INTO zaken.status (uuid, zaak_id, statustype, datum_status_gezet, gegevens)
                SELECT gen_random_uuid(), z.id, ($3::text[])[1 + (z.id % cardinality($3::text[]))], z.registratiedatum::timestamptz, '{}'
                FROM zaken.zaak z WHERE z.identificatie BETWEEN 'BENCH-' || lpad($1::text, 10, '0') AND 'BENCH-' || lpad($2::text, 10, '0')
                """, start, end, statustypen);
            await tx.CommitAsync();
            Console.Write($"\rseed: {end:N0} zaken");
        }
        Console.WriteLine();
        await Execute(c, null, "VACUUM ANALYZE zaken.zaak");
        await Execute(c, null, "VACUUM ANALYZE zaken.rol");
        await Execute(c, null, "VACUUM ANALYZE zaken.status");
    }

    private static async Task Execute(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params object[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx) { CommandTimeout = 0 };
        foreach (var p in parameters)
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<BenchZaaktype> ZaaktypeAsync(HttpClient api, string gateway, string catalogus, int i)
    {
        var root = $"{gateway}/catalogi/api/v1";
        var zaaktype = Url(await PostAsync(api, $"{root}/zaaktypen", new Dictionary<string, object?>
        {
            ["identificatie"] = $"BENCH-{Guid.NewGuid():N}"[..20], ["omschrijving"] = $"Benchmark zaaktype {i}", ["vertrouwelijkheidaanduiding"] = "openbaar",
            ["doel"] = "Meten", ["aanleiding"] = "Benchmark", ["indicatieInternOfExtern"] = "extern", ["handelingInitiator"] = "Melden",
            ["onderwerp"] = "Benchmark", ["handelingBehandelaar"] = "Behandelen", ["doorlooptijd"] = "P30D", ["servicenorm"] = "P20D",
            ["opschortingEnAanhoudingMogelijk"] = false, ["verlengingMogelijk"] = false, ["publicatieIndicatie"] = false,
            ["productenOfDiensten"] = Array.Empty<string>(), ["selectielijstProcestype"] = Selectielijst + "procestypen/e1b73b12-b2f6-4c4e-8929-94f84dd2a57d",
            ["referentieproces"] = new { naam = "Benchmark" }, ["verantwoordelijke"] = "Gemeente", ["catalogus"] = catalogus,
            ["besluittypen"] = Array.Empty<string>(), ["deelzaaktypen"] = Array.Empty<string>(), ["gerelateerdeZaaktypen"] = Array.Empty<object>(),
            ["beginGeldigheid"] = "2020-01-01", ["versiedatum"] = "2020-01-01",
        }));
        var begin = Url(await PostAsync(api, $"{root}/statustypen", new { zaaktype, omschrijving = "Ontvangen", volgnummer = 1 }));
        var eind = Url(await PostAsync(api, $"{root}/statustypen", new { zaaktype, omschrijving = "Afgehandeld", volgnummer = 2 }));
        var resultaattype = Url(await PostAsync(api, $"{root}/resultaattypen", new Dictionary<string, object?>
        {
            ["zaaktype"] = zaaktype, ["omschrijving"] = "Afgehandeld",
            ["resultaattypeomschrijving"] = Selectielijst + "resultaattypeomschrijvingen/7cb315fb-4f7b-4a43-aca1-e4522e4c73b3",
            ["selectielijstklasse"] = Selectielijst + "resultaten/cc5ae4e3-a9e6-4386-bcee-46be4986a829", ["archiefnominatie"] = "vernietigen",
            ["archiefactietermijn"] = "P10Y", ["brondatumArchiefprocedure"] = new { afleidingswijze = "afgehandeld" },
        }));
        await PostAsync(api, $"{root}/roltypen", new { zaaktype, omschrijving = "Melder", omschrijvingGeneriek = "initiator" });
        await PostAsync(api, zaaktype + "/publish", new { });
        return new BenchZaaktype(zaaktype, begin, eind, resultaattype);
    }

    public static async Task<JsonObject> PostAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string Url(JsonObject o) => o["url"]!.GetValue<string>();
}
