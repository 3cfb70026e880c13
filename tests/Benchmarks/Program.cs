using System.Text.Json;
using Benchmarks;

// Benchmarks of the running suite (deploy/local/bench.sh starts it). Prints a table and writes JSON.
//   dotnet Benchmarks.dll notificaties [--rate 200] [--duration 60] [--outage 0] [--source http|outbox]
//        [--gateway http://localhost:8000] [--client ID --secret S] [--admin-key K] [--json FILE]
var options = BenchOptions.Parse(args);
var result = options.Scenario switch
{
    "notificaties" => await NotificatieLatency.RunAsync(options),
    _ => throw new ArgumentException($"unknown scenario '{options.Scenario}' (known: notificaties)"),
};
result.Print();
await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"figures written to {options.Json}");
return result.Lost > 0 ? 1 : 0;
