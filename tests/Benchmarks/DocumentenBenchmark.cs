using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zgw.Api.Auth;

namespace Benchmarks;

/// <summary>The large upload: bestandsdelen through the gateway, the unlock that joins them, the download, and the service's memory.</summary>
public sealed record UploadResult(long Bytes, long PartBytes, int Parts, double UploadSeconds, double UploadMBps, double UnlockSeconds,
    double DownloadSeconds, double DownloadMBps, bool ContentMatches, double RssBeforeMb, double PeakRssDuringMb, double PeakRssGrowthMb,
    string? Note);

public sealed record DocumentenBenchResult(List<LoadResult> Scenarios, UploadResult? Upload, List<ProcessMemory> Memory)
{
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("Documenten benchmark");
        Console.WriteLine($"  {"scenario",-34} {"conn",4} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
        foreach (var s in Scenarios)
            Console.WriteLine($"  {s.Scenario,-34} {s.Connections,4} {s.PerSecond,9:F1} {s.P50Ms,8:F2} {s.P95Ms,8:F2} {s.P99Ms,8:F2} {s.MaxMs,8:F1} {s.Errors,7}");
        foreach (var s in Scenarios.Where(s => s.FirstError is not null))
            Console.WriteLine($"  first error in {s.Scenario}: {s.FirstError}");
        if (Upload is { } u)
        {
            Console.WriteLine($"  upload of {u.Bytes / 1048576.0:F0} MiB in {u.Parts} bestandsdelen of {u.PartBytes / 1048576.0:F0} MiB (gateway):");
            Console.WriteLine($"    PUT bestandsdelen {u.UploadSeconds,7:F1} s {u.UploadMBps,8:F1} MB/s");
            Console.WriteLine($"    unlock (join)     {u.UnlockSeconds,7:F1} s");
            Console.WriteLine($"    download          {u.DownloadSeconds,7:F1} s {u.DownloadMBps,8:F1} MB/s   content matches: {u.ContentMatches}");
            Console.WriteLine($"    documenten RSS {u.RssBeforeMb:F0} MB before, peak {u.PeakRssDuringMb:F0} MB during: growth {u.PeakRssGrowthMb:F0} MB");
            if (u.Note is not null)
                Console.WriteLine($"    note: {u.Note}");
        }
        Console.WriteLine($"  {"process",-14} {"idle RSS MB",12} {"peak RSS MB",12}");
        foreach (var m in Memory)
            Console.WriteLine($"  {m.Process,-14} {m.IdleRssMb,12:F0} {m.PeakRssMb,12:F0}");
    }
}

/// <summary>
/// The Documenten scenarios against a running suite (deploy/local/bench.sh documenten), through the gateway with the demo
/// client's token: closed-loop small creates (base64 <c>inhoud</c>), then one large upload in bestandsdelen (D10) with
/// unlock and download, measuring MB/s and how much the Documenten process's RSS grows (it must not hold the file).
/// </summary>
public static class DocumentenBenchmark
{
    private const long MiB = 1024 * 1024;

    public static async Task<DocumentenBenchResult> RunAsync(BenchOptions o)
    {
        var runDir = Path.Combine(o.Root, ".local", "run");
        var idle = ProcessStatus.All(runDir).ToDictionary(m => m.Process, m => m.Rss);
        using var api = Client(o.Connections, o.ClientId, o.Secret, TimeSpan.FromSeconds(30));
        var informatieobjecttype = await InformatieobjecttypeAsync(api, o.Gateway, Path.Combine(o.Root, ".local", "bench-documenten-seed.json"));
        var documenten = $"{o.Gateway}/documenten/api/v1/enkelvoudiginformatieobjecten";
        var results = new List<LoadResult>();
        var only = o.Only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool Selected(string name) => only.Length == 0 || only.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

        const string create = "POST document, 1 KiB base64";
        if (Selected(create) && o.DurationSeconds > 0)
        {
            var inhoud = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1024));
            Console.WriteLine($"running {create} for {o.DurationSeconds} s at {o.Connections} connections …");
            results.Add(await Load.RunAsync(create, o.Connections, TimeSpan.FromSeconds(o.DurationSeconds),
                TimeSpan.FromSeconds(Math.Min(5, Math.Max(1, o.DurationSeconds / 5))), async (_, _) =>
                {
                    using var response = await api.PostAsJsonAsync(documenten, Body(informatieobjecttype, inhoud, null));
                    return response.StatusCode == HttpStatusCode.Created
                        ? (true, null)
                        : (false, $"{(int)response.StatusCode} {await Text(response)}");
                }));
        }

        UploadResult? upload = null;
        if (Selected("upload") && o.UploadMiB > 0)
            upload = await UploadAsync(o, documenten, informatieobjecttype, runDir);

        var peak = ProcessStatus.All(runDir).ToDictionary(m => m.Process, m => m.Peak);
        var memory = idle.Keys.Union(peak.Keys).Order()
            .Select(p => new ProcessMemory(p, idle.GetValueOrDefault(p), peak.GetValueOrDefault(p))).ToList();
        return new DocumentenBenchResult(results, upload, memory);
    }

    /// <summary>
    /// Creates a document of <see cref="BenchOptions.UploadMiB"/> MiB without content (the service answers with its lock and
    /// bestandsdelen), PUTs every part as multipart/form-data generated while sent, unlocks (the service joins the parts),
    /// downloads and compares a SHA-256 of the bytes. The Documenten process's peak RSS is reset before (clear_refs) and
    /// sampled during the run.
    /// </summary>
    private static async Task<UploadResult> UploadAsync(BenchOptions o, string documenten, string informatieobjecttype, string runDir)
    {
        var bytes = o.UploadMiB * MiB;
        using var http = Client(1, o.ClientId, o.Secret, Timeout.InfiniteTimeSpan);
        var pid = ProcessStatus.Pid(runDir, "documenten");
        var note = pid is null ? "no .local/run/documenten.pid: the service's memory is not measured" : null;
        if (pid is not null && !ProcessStatus.ResetPeak(pid.Value))
            note = "could not reset the peak RSS (clear_refs): the peak may be from before the upload";
        var rssBefore = pid is null ? 0 : ProcessStatus.Read(pid.Value).Rss;
        using var sampling = new CancellationTokenSource();
        var sampledPeak = rssBefore;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && pid is not null)
            {
                sampledPeak = Math.Max(sampledPeak, ProcessStatus.Read(pid.Value).Rss);
                await Task.Delay(100);
            }
        });

        Console.WriteLine($"upload: creating a document of {o.UploadMiB} MiB without content …");
        using var created = await http.PostAsJsonAsync(documenten, Body(informatieobjecttype, null, bytes));
        var document = JsonNode.Parse(await Text(created, int.MaxValue))!.AsObject();
        if (created.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"create for upload: {(int)created.StatusCode} {document.ToJsonString()[..300]}");
        var url = document["url"]!.GetValue<string>();
        var lockId = document["lock"]!.GetValue<string>();
        var delen = document["bestandsdelen"]!.AsArray().Select(d => d!.AsObject()).ToList();

        var watch = Stopwatch.StartNew();
        long offset = 0;
        foreach (var deel in delen)
        {
            var omvang = deel["omvang"]!.GetValue<long>();
            using var form = new MultipartFormDataContent { { new StringContent(lockId), "lock" } };
            var part = new StreamContent(new PatternStream(offset, omvang), 256 * 1024);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "inhoud", "deel.bin");
            using var response = await http.PutAsync(deel["url"]!.GetValue<string>(), form);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"PUT bestandsdeel {deel["volgnummer"]}: {(int)response.StatusCode} {await Text(response)}");
            offset += omvang;
            Console.Write($"\rupload: {offset / MiB} of {o.UploadMiB} MiB");
        }
        Console.WriteLine();
        var uploadSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        using (var unlock = await http.PostAsJsonAsync(url + "/unlock", new { @lock = lockId }))
            if (unlock.StatusCode != HttpStatusCode.NoContent)
                throw new InvalidOperationException($"unlock: {(int)unlock.StatusCode} {await Text(unlock)}");
        var unlockSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        byte[] actual;
        using (var download = await http.GetAsync(url + "/download", HttpCompletionOption.ResponseHeadersRead))
        {
            if (download.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"download: {(int)download.StatusCode} {await Text(download)}");
            await using var stream = await download.Content.ReadAsStreamAsync();
            actual = await SHA256.HashDataAsync(stream);
        }
        var downloadSeconds = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        var peakDuring = pid is null ? 0 : Math.Max(sampledPeak, ProcessStatus.Read(pid.Value).Peak);
        var expected = await SHA256.HashDataAsync(new PatternStream(0, bytes));
        var matches = actual.AsSpan().SequenceEqual(expected);

        using (var delete = await http.DeleteAsync(url))
            if (delete.StatusCode != HttpStatusCode.NoContent)
                note = (note is null ? "" : note + "; ") +
                       $"DELETE of the uploaded document answered {(int)delete.StatusCode}: its {o.UploadMiB} MiB stay in the content store";

        static double Mbps(long n, double s) => Math.Round(n / 1e6 / Math.Max(s, 1e-9), 1);
        return new UploadResult(bytes, delen.Count > 0 ? delen[0]["omvang"]!.GetValue<long>() : 0, delen.Count, Math.Round(uploadSeconds, 2),
            Mbps(bytes, uploadSeconds), Math.Round(unlockSeconds, 2), Math.Round(downloadSeconds, 2), Mbps(bytes, downloadSeconds), matches,
            rssBefore, peakDuring, Math.Round(peakDuring - rssBefore, 0), note);
    }

    private static Dictionary<string, object?> Body(string informatieobjecttype, string? inhoud, long? bestandsomvang) => new()
    {
        ["bronorganisatie"] = "517439943", ["creatiedatum"] = "2026-01-15", ["titel"] = "Benchmark", ["auteur"] = "Benchmark", ["taal"] = "dut",
        ["bestandsnaam"] = "bench.bin", ["formaat"] = "application/octet-stream", ["inhoud"] = inhoud, ["bestandsomvang"] = bestandsomvang,
        ["informatieobjecttype"] = informatieobjecttype, ["vertrouwelijkheidaanduiding"] = "openbaar",
    };

    /// <summary>A published informatieobjecttype in a benchmark catalogus (Catalogi API); reused from the seed file while it still exists.</summary>
    private static async Task<string> InformatieobjecttypeAsync(HttpClient api, string gateway, string seedFile)
    {
        if (File.Exists(seedFile) && JsonSerializer.Deserialize<string>(await File.ReadAllTextAsync(seedFile)) is { } known)
        {
            using var check = await api.GetAsync(known);
            if (check.IsSuccessStatusCode)
                return known;
        }
        var root = $"{gateway}/catalogi/api/v1";
        var catalogus = ZakenSeed.Url(await ZakenSeed.PostAsync(api, $"{root}/catalogussen", new
        {
            domein = "D" + Random.Shared.Next(1000, 9999), rsin = "517439943", contactpersoonBeheerNaam = "Benchmark",
        }));
        var url = ZakenSeed.Url(await ZakenSeed.PostAsync(api, $"{root}/informatieobjecttypen", new
        {
            catalogus, omschrijving = $"Benchmark {Guid.NewGuid():N}"[..30], vertrouwelijkheidaanduiding = "openbaar", beginGeldigheid = "2020-01-01",
            informatieobjectcategorie = "benchmark",
        }));
        await ZakenSeed.PostAsync(api, url + "/publish", new { });
        await File.WriteAllTextAsync(seedFile, JsonSerializer.Serialize(url));
        Console.WriteLine($"seed: published informatieobjecttype {url}");
        return url;
    }

    private static HttpClient Client(int connections, string clientId, string secret, TimeSpan timeout)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = timeout,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            ZgwJwt.Create(clientId, Encoding.UTF8.GetBytes(secret), DateTimeOffset.UtcNow));
        return client;
    }

    private static async Task<string> Text(HttpResponseMessage response, int max = 300)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text[..Math.Min(max, text.Length)];
    }

    /// <summary>Deterministic content of any length, generated while read (the benchmark never holds the file either).</summary>
    private sealed class PatternStream(long start, long length) : Stream
    {
        private long _position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++)
                buffer[i] = (byte)((start + _position + i) * 2654435761L >> 13);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
