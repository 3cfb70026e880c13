using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HdrHistogram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Zgw.Api.Auth;

namespace Benchmarks;

public sealed record NotificatieResult(string Source, int Rate, int DurationSeconds, int OutageSeconds, int Sent, int SendErrors, int Received, int Lost,
    int Duplicates, double ThroughputPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double DrainSeconds)
{
    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"notification end-to-end ({Source}: {(Source == "outbox" ? "commit of a change" : "POST /notificaties")} -> subscriber callback)");
        Console.WriteLine($"  rate {Rate}/s for {DurationSeconds} s, subscriber outage {OutageSeconds} s");
        Console.WriteLine($"  {"sent",10} {"received",10} {"lost",6} {"dupes",6} {"sent/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",9}");
        Console.WriteLine($"  {Sent,10} {Received,10} {Lost,6} {Duplicates,6} {ThroughputPerSecond,8:F1} {P50Ms,8:F1} {P95Ms,8:F1} {P99Ms,8:F1} {MaxMs,9:F1}");
        if (SendErrors > 0)
            Console.WriteLine($"  {SendErrors} sends failed (error or timeout): the publisher could not keep up; they are not counted as lost");
        if (OutageSeconds > 0)
            Console.WriteLine($"  all delivered {DrainSeconds:F0} s after the outage ended (latency includes the outage)");
    }
}

/// <summary>
/// Notifications at a fixed rate to a subscriber hosted here, end to end: the time from the change (or the POST)
/// to the callback, and how many are lost when the subscriber is down for a while (target 0).
/// </summary>
public static class NotificatieLatency
{
    public static async Task<NotificatieResult> RunAsync(BenchOptions o)
    {
        // Latency of a delivery = arrival here − the message's aanmaakdatum (set by the service at the change, or by
        // this program just before its POST); one machine, one clock. Duplicates are recognised by Zgw-Message-Id.
        var latencies = new ConcurrentDictionary<string, double>();
        var duplicates = 0;
        var clock = Stopwatch.StartNew();
        var outageFrom = o.OutageSeconds > 0 ? TimeSpan.FromSeconds(Math.Max(1, o.DurationSeconds / 4)) : TimeSpan.MaxValue;
        var outageTo = outageFrom + TimeSpan.FromSeconds(o.OutageSeconds);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var subscriber = builder.Build();
        subscriber.MapPost("/callback", async (HttpContext ctx) =>
        {
            if (ctx.Request.Headers.Authorization != "Bearer bench")
                return Results.StatusCode(403);
            if (clock.Elapsed >= outageFrom && clock.Elapsed < outageTo)
                return Results.StatusCode(503);
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body);
            var message = doc.RootElement;
            if (message.GetProperty("kanaal").GetString() == "test")
                return Results.NoContent();
            var latency = (DateTimeOffset.UtcNow - message.GetProperty("aanmaakdatum").GetDateTimeOffset()).TotalMilliseconds;
            if (!latencies.TryAdd(ctx.Request.Headers["Zgw-Message-Id"].ToString(), latency))
                Interlocked.Increment(ref duplicates);
            return Results.NoContent();
        });
        await subscriber.StartAsync();
        var callback = subscriber.Urls.First() + "/callback";

        using var http = new HttpClient { BaseAddress = new Uri(o.Gateway), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", ZgwJwt.Create(o.ClientId, Encoding.UTF8.GetBytes(o.Secret), DateTimeOffset.UtcNow,
            extraClaims: new Dictionary<string, object?> { ["exp"] = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds() }));
        var kanaal = o.Source == "outbox" ? "autorisaties" : "zaken";
        var subscription = await http.PostAsJsonAsync("/notificaties/api/v1/abonnement", new
        {
            callbackUrl = callback, auth = "Bearer bench", kanalen = new[] { new { naam = kanaal } },
        });
        if (!subscription.IsSuccessStatusCode)
            throw new InvalidOperationException($"could not subscribe: {await subscription.Content.ReadAsStringAsync()}");
        var abonnement = JsonDocument.Parse(await subscription.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
        // Changes spread over 20 applicaties, so they do not all wait for one row lock.
        var applicaties = o.Source == "outbox" ? await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CreateApplicatieAsync(http))) : [];
        await Task.Delay(1000);
        latencies.Clear(); // the applicatie's own create notification

        // Send at a fixed rate.
        var sent = 0;
        var failed = 0;
        var tasks = new List<Task>();
        var total = o.Rate * o.DurationSeconds;
        var start = clock.Elapsed;
        for (var i = 0; i < total; i++)
        {
            var wait = start + TimeSpan.FromSeconds(i / (double)o.Rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                var response = o.Source == "outbox"
                    ? await http.PatchAsJsonAsync(new Uri(applicaties[n % applicaties.Length]).AbsolutePath, new { label = $"bench {n}" })
                    : await http.PostAsJsonAsync("/notificaties/api/v1/notificaties", new
                    {
                        kanaal = "zaken", hoofdObject = $"http://bench.local/zaken/{n % 100}", resource = "zaak",
                        resourceUrl = $"http://bench.local/zaken/{n % 100}", actie = "update", aanmaakdatum = DateTimeOffset.UtcNow,
                        kenmerken = new Dictionary<string, string> { ["bronorganisatie"] = "000000000" },
                    });
                if (response.IsSuccessStatusCode)
                    Interlocked.Increment(ref sent);
                else
                    Interlocked.Increment(ref failed);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }
        await Task.WhenAll(tasks);
        var sendSeconds = (clock.Elapsed - start).TotalSeconds;

        // Drain: wait until everything arrived (or give up), then count.
        var drainFrom = o.OutageSeconds > 0 && outageTo > clock.Elapsed ? outageTo : clock.Elapsed;
        var deadline = drainFrom + TimeSpan.FromSeconds(o.DrainSeconds); // the drain starts when the outage is over
        while (clock.Elapsed < deadline && latencies.Count < sent)
            await Task.Delay(200);
        var drained = Math.Max(0, (clock.Elapsed - drainFrom).TotalSeconds);

        var histogram = new LongHistogram(TimeStamp.Hours(2), 3);
        foreach (var ms in latencies.Values)
            histogram.RecordValue(Math.Max(0, (long)(ms * 1000)));
        await http.DeleteAsync(new Uri(abonnement).AbsolutePath);
        foreach (var applicatie in applicaties)
            await http.DeleteAsync(new Uri(applicatie).AbsolutePath);
        await subscriber.StopAsync();
        double Ms(double percentile) => histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;
        return new NotificatieResult(o.Source, o.Rate, o.DurationSeconds, o.OutageSeconds, sent, failed, latencies.Count, Math.Max(0, sent - latencies.Count),
            duplicates, sent / sendSeconds, Ms(50), Ms(95), Ms(99), histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue() / 1000.0, drained);
    }

    private static async Task<string> CreateApplicatieAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/autorisaties/api/v1/applicaties", new
        {
            clientIds = new[] { "bench-" + Guid.NewGuid().ToString("N")[..8] }, label = "bench", heeftAlleAutorisaties = true,
        });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"could not create an applicatie: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
    }
}
