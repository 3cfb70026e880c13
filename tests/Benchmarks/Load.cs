using System.Diagnostics;
using HdrHistogram;

namespace Benchmarks;

/// <summary>The figures of one scenario: closed-loop load at a fixed concurrency for a fixed time.</summary>
public sealed record LoadResult(string Scenario, int Connections, double Seconds, long Requests, long Errors, double PerSecond,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, string? FirstError)
{
    /// <summary>Milliseconds of CPU per request of each process of the suite (see <see cref="CpuMeter"/>); empty when not measured.</summary>
    public Dictionary<string, double> CpuMsPerRequest { get; init; } = [];
}

/// <summary>
/// A closed-loop load generator: <c>connections</c> workers each send the next request as soon as the previous one is
/// answered, for a fixed time after a short warm-up. Latencies go into an HdrHistogram (microseconds).
/// </summary>
public static class Load
{
    /// <summary><paramref name="operation"/> gets the worker number and the request number and returns whether it succeeded (with a reason when not).</summary>
    public static async Task<LoadResult> RunAsync(string scenario, int connections, TimeSpan duration, TimeSpan warmup,
        Func<int, long, Task<(bool Ok, string? Error)>> operation, CpuMeter? cpu = null)
    {
        var histogram = new LongConcurrentHistogram(1, 60_000_000, 3);
        long requests = 0, errors = 0, sequence = 0;
        string? firstError = null;
        var measuring = false;
        var clock = Stopwatch.StartNew();
        var end = warmup + duration;
        var measuredFrom = TimeSpan.Zero;

        async Task Worker(int worker)
        {
            while (clock.Elapsed < end)
            {
                var n = Interlocked.Increment(ref sequence);
                var start = Stopwatch.GetTimestamp();
                (bool Ok, string? Error) outcome;
                try
                {
                    outcome = await operation(worker, n);
                }
                catch (Exception e)
                {
                    outcome = (false, e.GetType().Name + ": " + e.Message);
                }
                var micros = Math.Max(1, (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                if (!Volatile.Read(ref measuring))
                    continue;
                histogram.RecordValue(Math.Min(micros, 60_000_000));
                Interlocked.Increment(ref requests);
                if (!outcome.Ok)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, outcome.Error, null);
                }
            }
        }

        var workers = Enumerable.Range(0, connections).Select(i => Task.Run(() => Worker(i))).ToList();
        await Task.Delay(warmup);
        var cpuBefore = cpu?.Snapshot();
        measuredFrom = clock.Elapsed;
        Volatile.Write(ref measuring, true);
        await Task.WhenAll(workers);
        var seconds = (clock.Elapsed - measuredFrom).TotalSeconds;
        var cpuPerRequest = cpu is null ? [] : CpuMeter.PerRequest(cpuBefore!, cpu.Snapshot(), requests);
        double Ms(double percentile) => histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;
        return new LoadResult(scenario, connections, Math.Round(seconds, 1), requests, errors, Math.Round(requests / seconds, 1),
            Ms(50), Ms(95), Ms(99), histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue() / 1000.0, firstError)
        {
            CpuMsPerRequest = cpuPerRequest,
        };
    }
}
