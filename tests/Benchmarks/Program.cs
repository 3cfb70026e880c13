using System.Text.Json;
using Benchmarks;

// Benchmarks of the running suite (deploy/local/bench.sh starts it). Prints a table and writes JSON.
//   dotnet Benchmarks.dll notificaties [--rate 200] [--duration 60] [--outage 0] [--source http|outbox]
//        [--gateway http://localhost:8000] [--client ID --secret S] [--admin-key K] [--json FILE]
//   dotnet Benchmarks.dll zaken [--duration 20] [--connections 16] [--zaken 1000000] [--zaaktypen 100] --database CS
//   dotnet Benchmarks.dll documenten [--duration 20] [--connections 16] [--upload-mib 1024] [--only create|upload]
var options = BenchOptions.Parse(args);
object result;
switch (options.Scenario)
{
    case "notificaties":
        var notificaties = await NotificatieLatency.RunAsync(options);
        notificaties.Print();
        result = notificaties;
        break;
    case "zaken":
        var zaken = await ZakenBenchmark.RunAsync(options);
        zaken.Print();
        result = zaken;
        break;
    case "documenten":
        var documenten = await DocumentenBenchmark.RunAsync(options);
        documenten.Print();
        result = documenten;
        break;
    default:
        throw new ArgumentException($"unknown scenario '{options.Scenario}' (known: notificaties, zaken, documenten)");
}
await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"figures written to {options.Json}");
return result is NotificatieResult { Lost: > 0 } ? 1 : 0;
