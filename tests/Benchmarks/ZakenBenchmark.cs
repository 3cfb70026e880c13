using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Zgw.Api.Auth;

namespace Benchmarks;

public sealed record ProcessMemory(string Process, double IdleRssMb, double PeakRssMb);

public sealed record ZakenBenchResult(string Postgres, long Zaken, int Zaaktypen, List<LoadResult> Scenarios, double? GatewayOverheadP50Ms, double? GatewayOverheadOneConnectionP50Ms,
    List<ProcessMemory> Memory)
{
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"Zaken benchmark — {Zaken:N0} zaken over {Zaaktypen} zaaktypen; PostgreSQL {Postgres}");
        Console.WriteLine($"  {"scenario",-42} {"conn",4} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
        foreach (var s in Scenarios)
            Console.WriteLine($"  {s.Scenario,-42} {s.Connections,4} {s.PerSecond,9:F1} {s.P50Ms,8:F2} {s.P95Ms,8:F2} {s.P99Ms,8:F2} {s.MaxMs,8:F1} {s.Errors,7}");
        if (GatewayOverheadP50Ms is { } overhead)
            Console.WriteLine($"  gateway overhead at p50 (GET one zaak, gateway − direct): {overhead:F2} ms at {Scenarios.First(s => s.Scenario.EndsWith("(gateway)")).Connections} connections");
        if (GatewayOverheadOneConnectionP50Ms is { } alone)
            Console.WriteLine($"  gateway overhead at p50 (GET one zaak, gateway − direct): {alone:F2} ms at 1 connection");
        var processes = Scenarios.SelectMany(s => s.CpuMsPerRequest.Keys).Distinct().Order().ToList();
        if (processes.Count > 0)
        {
            Console.WriteLine("  CPU ms per request, by process (user + system time during the measured part / requests):");
            Console.WriteLine($"  {"scenario",-42} {string.Join(" ", processes.Select(p => $"{ZakenBenchmark.Short(p),8}"))} {"total",8}");
            foreach (var s in Scenarios)
                Console.WriteLine($"  {s.Scenario,-42} {string.Join(" ", processes.Select(p => $"{s.CpuMsPerRequest.GetValueOrDefault(p),8:F2}"))} {s.CpuMsPerRequest.Values.Sum(),8:F2}");
        }
        foreach (var s in Scenarios.Where(s => s.FirstError is not null))
            Console.WriteLine($"  first error in {s.Scenario}: {s.FirstError}");
        Console.WriteLine($"  {"process",-14} {"idle RSS MB",12} {"peak RSS MB",12}");
        foreach (var m in Memory)
            Console.WriteLine($"  {m.Process,-14} {m.IdleRssMb,12:F0} {m.PeakRssMb,12:F0}");
    }
}

/// <summary>
/// The Zaken scenarios of issue 7 against a running suite (deploy/local/bench.sh zaken): seeds at scale, then runs each
/// scenario for a fixed time at a fixed concurrency through the gateway with real tokens, and reports throughput,
/// latency percentiles, errors and the memory of every process.
/// </summary>
public static class ZakenBenchmark
{
    internal static string Short(string process) => process.Length <= 8 ? process : process[..8];

    private const string LimitedClient = "bench-beperkt";
    private const string LimitedSecret = "bench-beperkt-geheim-van-32-tekens!!";

    public static async Task<ZakenBenchResult> RunAsync(BenchOptions o)
    {
        var runDir = Path.Combine(o.Root, ".local", "run");
        var idle = ProcessStatus.All(runDir).ToDictionary(m => m.Process, m => m.Rss);
        using var admin = Client(o.Connections, o.ClientId, o.Secret);
        var seed = await ZakenSeed.EnsureAsync(admin, o.Gateway, o.Database, o.Zaaktypen, o.Zaken,
            Path.Combine(o.Root, ".local", "bench-zaken-seed.json"));
        await RegisterLimitedClientAsync(o, seed);

        await using var db = NpgsqlDataSource.Create(o.Database);
        var postgres = await PostgresSettingsAsync(db);
        var sample = await SampleAsync(db, "SELECT uuid FROM zaken.zaak TABLESAMPLE SYSTEM (1) LIMIT 20000");
        var closable = await ClosableZakenAsync(db, seed, o.Connections * o.DurationSeconds * 150);

        using var all = Client(o.Connections, o.ClientId, o.Secret);
        using var limited = Client(o.Connections, LimitedClient, LimitedSecret);
        var duration = TimeSpan.FromSeconds(o.DurationSeconds);
        var warmup = TimeSpan.FromSeconds(Math.Min(5, Math.Max(1, o.DurationSeconds / 5)));
        var zaken = $"{o.Gateway}/zaken/api/v1/zaken";
        var results = new List<LoadResult>();
        var cpu = new CpuMeter(o.Root);
        var only = o.Only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        async Task Run(string name, Func<int, long, Task<(bool, string?)>> op, int? connections = null)
        {
            if (only.Length > 0 && !only.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)))
                return;
            var n = connections ?? o.Connections;
            Console.WriteLine($"running {name} for {o.DurationSeconds} s at {n} connections …");
            results.Add(await Load.RunAsync(name, n, duration, warmup, op, cpu));
        }

        // Warm-up, not measured: the processes were just started, and the first scenario would otherwise pay for the JIT and
        // tiered compilation of every process on its path.
        Console.WriteLine("warming up (reads and writes, 15 s, not measured) …");
        await Load.RunAsync("warm-up", o.Connections, TimeSpan.FromSeconds(15), TimeSpan.Zero, (_, n) => (n % 4) switch
        {
            0 => Get(all, $"{zaken}/{sample[(int)(n % sample.Count)]}"),
            1 => Get(all, $"{o.ZakenDirect}/zaken/api/v1/zaken/{sample[(int)(n % sample.Count)]}"),
            2 => Get(limited, zaken),
            _ => Send(all, HttpMethod.Post, $"{zaken}/_zoek", new { uuid__in = new[] { sample[(int)(n % sample.Count)] } }, HttpStatusCode.OK),
        });
        await Run("GET /zaken/{uuid} (gateway)", (_, n) => Get(all, $"{zaken}/{sample[(int)(n % sample.Count)]}"));
        await Run("GET /zaken/{uuid} (direct)", (_, n) => Get(all, $"{o.ZakenDirect}/zaken/api/v1/zaken/{sample[(int)(n % sample.Count)]}"));
        // The gateway's own latency, without the queueing of a saturated machine: one request at a time.
        await Run("GET /zaken/{uuid} (gateway, 1 conn)", (_, n) => Get(all, $"{zaken}/{sample[(int)(n % sample.Count)]}"), connections: 1);
        await Run("GET /zaken/{uuid} (direct, 1 conn)", (_, n) => Get(all, $"{o.ZakenDirect}/zaken/api/v1/zaken/{sample[(int)(n % sample.Count)]}"),
            connections: 1);
        await Run("GET /zaken page 1, all autorisaties", (_, _) => Get(all, zaken));
        await Run("GET /zaken page 1, 20 zaaktypen, ceiling", (_, _) => Get(limited, zaken));
        await Run("POST /zaken/_zoek with filters", (_, n) => Send(all, HttpMethod.Post, $"{zaken}/_zoek", new
        {
            zaaktype__in = seed.Zaaktypen.Skip((int)(n % 90)).Take(3).Select(t => t.Url).ToArray(),
            startdatum__gte = "2021-01-01",
            archiefstatus = "nog_te_archiveren",
        }, HttpStatusCode.OK));
        await Run("POST /zaken", (_, n) => Send(all, HttpMethod.Post, zaken, new
        {
            bronorganisatie = "517439943", verantwoordelijkeOrganisatie = "517439943", zaaktype = seed.Zaaktypen[(int)(n % seed.Zaaktypen.Count)].Url,
            startdatum = "2026-11-29", omschrijving = "Benchmark",
        }, HttpStatusCode.Created));
        var next = -1;
        await Run("POST /statussen (closes a zaak)", (_, _) =>
        {
            var i = Interlocked.Increment(ref next);
            if (i >= closable.Count)
                return Task.FromResult<(bool, string?)>((false, "no more prepared zaken to close"));
            var (zaak, eindstatus) = closable[i];
            return Send(all, HttpMethod.Post, $"{o.Gateway}/zaken/api/v1/statussen", new
            {
                zaak = $"{o.Gateway}/zaken/api/v1/zaken/{zaak}", statustype = eindstatus, datumStatusGezet = "2026-11-29T10:00:00Z",
            }, HttpStatusCode.Created);
        });

        double? Overhead(string suffix)
        {
            var gateway = results.FirstOrDefault(r => r.Scenario.EndsWith($"(gateway{suffix})"));
            var direct = results.FirstOrDefault(r => r.Scenario.EndsWith($"(direct{suffix})"));
            return gateway is not null && direct is not null ? Math.Round(gateway.P50Ms - direct.P50Ms, 2) : null;
        }
        var peak = ProcessStatus.All(runDir).ToDictionary(m => m.Process, m => m.Peak);
        var memory = idle.Keys.Union(peak.Keys).Order()
            .Select(p => new ProcessMemory(p, idle.GetValueOrDefault(p), peak.GetValueOrDefault(p))).ToList();
        return new ZakenBenchResult(postgres, seed.Zaken, seed.Zaaktypen.Count, results, Overhead(""), Overhead(", 1 conn"), memory);
    }

    private static HttpClient Client(int connections, string clientId, string secret)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            ZgwJwt.Create(clientId, Encoding.UTF8.GetBytes(secret), DateTimeOffset.UtcNow));
        client.DefaultRequestHeaders.Add("Accept-Crs", "EPSG:4326");
        client.DefaultRequestHeaders.Add("Content-Crs", "EPSG:4326");
        return client;
    }

    private static async Task<(bool, string?)> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        return response.StatusCode == HttpStatusCode.OK ? (true, null) : (false, $"{(int)response.StatusCode} {await Body(response)}");
    }

    private static async Task<(bool, string?)> Send(HttpClient client, HttpMethod method, string url, object body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == expected ? (true, null) : (false, $"{(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
    }

    private static async Task<string> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text[..Math.Min(300, text.Length)];
    }

    /// <summary>A client with zaken.lezen on 20 of the zaaktypen, up to zaakvertrouwelijk, through the Autorisaties admin API.</summary>
    private static async Task RegisterLimitedClientAsync(BenchOptions o, ZakenSeedInfo seed)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{o.Gateway}/autorisaties/admin/v1/credentials/{LimitedClient}")
        {
            Content = JsonContent.Create(new
            {
                secret = LimitedSecret, label = "Benchmark: 20 zaaktypen, zaakvertrouwelijk",
                autorisaties = seed.Zaaktypen.Take(20).Select(t => new
                {
                    component = "zrc", scopes = new[] { "zaken.lezen" }, zaaktype = t.Url, maxVertrouwelijkheidaanduiding = "zaakvertrouwelijk",
                }).ToArray(),
            }),
        };
        request.Headers.Add("X-Admin-Key", o.AdminKey);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"registering {LimitedClient}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await Task.Delay(1000); // the bus event drops cached registrations everywhere
    }

    private static async Task<string> PostgresSettingsAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        async Task<string> Show(string name)
        {
            await using var cmd = new NpgsqlCommand($"SHOW {name}", c);
            return (string)(await cmd.ExecuteScalarAsync())!;
        }
        return $"{await Show("server_version")} (fsync={await Show("fsync")}, synchronous_commit={await Show("synchronous_commit")}, " +
               $"shared_buffers={await Show("shared_buffers")})";
    }

    private static async Task<List<Guid>> SampleAsync(NpgsqlDataSource db, string sql)
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        var result = new List<Guid>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.Add(reader.GetGuid(0));
        return result;
    }

    /// <summary>
    /// Open zaken that can be closed by their eindstatus: each gets a resultaat of its zaaktype's resultaattype (in SQL, so
    /// preparing them is not measured). Taken from zaken without einddatum and without resultaat.
    /// </summary>
    private static async Task<List<(Guid Zaak, string Eindstatus)>> ClosableZakenAsync(NpgsqlDataSource db, ZakenSeedInfo seed, int count)
    {
        await using var c = await db.OpenConnectionAsync();
        var types = seed.Zaaktypen.ToDictionary(t => t.Url);
        await using var cmd = new NpgsqlCommand("""
            WITH picked AS (
                SELECT z.id, z.uuid, z.zaaktype FROM zaken.zaak z
                WHERE z.einddatum IS NULL AND z.zaaktype = ANY($2)
                LIMIT $1),
            inserted AS (
                INSERT INTO zaken.resultaat (uuid, zaak_id, resultaattype, gegevens)
                SELECT gen_random_uuid(), p.id, t.resultaattype, '{"toelichting": ""}'
                FROM picked p JOIN unnest($2::text[], $3::text[]) AS t(zaaktype, resultaattype) ON t.zaaktype = p.zaaktype
                ON CONFLICT (zaak_id) DO NOTHING)
            -- open zaken with a resultaat: new ones, and those an earlier run prepared but did not get to close
            SELECT p.uuid, p.zaaktype FROM picked p
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter { Value = count });
        cmd.Parameters.Add(new NpgsqlParameter { Value = seed.Zaaktypen.Select(t => t.Url).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = seed.Zaaktypen.Select(t => t.Resultaattype).ToArray() });
        var result = new List<(Guid, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.Add((reader.GetGuid(0), types[reader.GetString(1)].Eindstatus));
        return result;
    }

    /// <summary>RSS now and peak RSS (VmHWM) of every process up.sh started, from its pid file.</summary>
}
