using System.Globalization;

namespace Benchmarks;

public sealed record BenchOptions(string Scenario, int Rate, int DurationSeconds, int OutageSeconds, string Source, string Gateway,
    string ClientId, string Secret, string AdminKey, string Json, int DrainSeconds, int Connections, long Zaken, int Zaaktypen,
    string Database, string ZakenDirect, string Root, string Only, long UploadMiB)
{
    public static BenchOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new BenchOptions(
            Scenario: args.Length > 0 && !args[0].StartsWith("--") ? args[0] : "notificaties",
            Rate: Int("--rate", 200),
            DurationSeconds: Int("--duration", 60),
            OutageSeconds: Int("--outage", 0),
            Source: Get("--source", "http"),
            Gateway: Get("--gateway", "http://localhost:8000").TrimEnd('/'),
            ClientId: Get("--client", Environment.GetEnvironmentVariable("OPENZAAK_DEMO_CLIENT_ID") ?? "openzaak-demo"),
            Secret: Get("--secret", Environment.GetEnvironmentVariable("OPENZAAK_DEMO_SECRET") ?? ""),
            AdminKey: Get("--admin-key", Environment.GetEnvironmentVariable("OPENZAAK_ADMIN_KEY") ?? ""),
            Json: Get("--json", $"bench-{(args.Length > 0 && !args[0].StartsWith("--") ? args[0] : "notificaties")}.json"),
            DrainSeconds: Int("--drain", 180),
            Connections: Int("--connections", 16),
            Zaken: long.Parse(Get("--zaken", "1000000"), CultureInfo.InvariantCulture),
            Zaaktypen: Int("--zaaktypen", 100),
            Database: Get("--database", Environment.GetEnvironmentVariable("OPENZAAK_BENCH_DATABASE") ?? ""),
            ZakenDirect: Get("--zaken-direct", "http://127.0.0.1:8001").TrimEnd('/'),
            Root: Get("--root", Environment.GetEnvironmentVariable("OPENZAAK_ROOT") ?? Directory.GetCurrentDirectory()),
            Only: Get("--only", ""),
            UploadMiB: long.Parse(Get("--upload-mib", "1024"), CultureInfo.InvariantCulture));
    }
}
