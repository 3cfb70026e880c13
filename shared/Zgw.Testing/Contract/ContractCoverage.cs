using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Zgw.Testing;

/// <summary>
/// A known difference between the official OAS and what the service (as Open Zaak, whose behaviour the services follow,
/// ARCHITECTURE §11) answers: a finding that matches <paramref name="Problem"/> is listed in the coverage table, not failed.
/// </summary>
public sealed record KnownDeviation(string Name, Regex Problem, string Reason);

/// <summary>What the contract test found for one operation: the statuses of its success and error requests and what was wrong.</summary>
public sealed class OperationFindings(OasOperation operation)
{
    public OasOperation Operation => operation;

    /// <summary>The status the success request answered (0 when it could not be sent).</summary>
    public int Success { get; set; }

    /// <summary>The statuses the error requests answered.</summary>
    public List<int> Errors { get; } = [];

    /// <summary>Findings that fail the test.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The names of the known deviations that were found.</summary>
    public List<string> Deviations { get; } = [];
}

/// <summary>
/// The machinery of the contract tests of every component: each operation of the official OAS is exercised, the findings
/// that are known deviations are set apart, and the coverage table is written next to the test binaries.
/// </summary>
public static partial class ContractCoverage
{
    /// <summary>
    /// Exercises <paramref name="operations"/> one after the other; an exception is a problem of its operation, and a problem
    /// that matches one of <paramref name="known"/> becomes a deviation.
    /// </summary>
    public static async Task<List<OperationFindings>> ExerciseAsync(IEnumerable<OasOperation> operations, IReadOnlyList<KnownDeviation> known,
        Func<OperationFindings, Task> exercise)
    {
        var all = new List<OperationFindings>();
        foreach (var operation in operations)
        {
            var findings = new OperationFindings(operation);
            try
            {
                await exercise(findings);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                findings.Problems.Add($"{e.GetType().Name}: {e.Message}");
            }
            findings.Problems.RemoveAll(p =>
            {
                var deviation = known.FirstOrDefault(d => d.Problem.IsMatch(p));
                if (deviation is not null)
                    findings.Deviations.Add(deviation.Name);
                return deviation is not null;
            });
            all.Add(findings);
        }
        return all;
    }

    /// <summary>The coverage table (Markdown): a row per operation, the number that conform and the known deviations seen.</summary>
    public static string Table(IReadOnlyList<OperationFindings> findings, IReadOnlyList<KnownDeviation> known)
    {
        var table = new StringBuilder("| Method | Path | Success | Errors | Result |\n|---|---|---|---|---|\n");
        foreach (var f in findings)
        {
            var result = f.Problems.Count > 0 ? "FAIL" : f.Deviations.Count > 0 ? $"ok ({string.Join(", ", f.Deviations.Distinct())})" : "ok";
            table.Append($"| {f.Operation.Method} | `{f.Operation.Path}` | {f.Success} | {string.Join(", ", f.Errors)} | {result} |\n");
        }
        table.Append($"\n{findings.Count(f => f.Problems.Count == 0)} of {findings.Count} operations conform.\n");
        var seen = findings.SelectMany(f => f.Deviations).ToHashSet();
        if (seen.Count > 0)
        {
            table.Append("\nKnown deviations (OAS vs Open Zaak behaviour), not counted as failures:\n");
            foreach (var d in known.Where(d => seen.Contains(d.Name)))
                table.Append($"- {d.Name}: {d.Reason}\n");
        }
        return table.ToString();
    }

    /// <summary>
    /// Writes the coverage table to <paramref name="fileName"/> next to the test binaries and to <paramref name="output"/>,
    /// with every problem, and fails when there is one.
    /// </summary>
    public static void Report(string fileName, IReadOnlyList<OperationFindings> findings, IReadOnlyList<KnownDeviation> known, ITestOutputHelper output)
    {
        var table = Table(findings, known);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, fileName), table);
        output.WriteLine(table);
        var problems = findings.SelectMany(f => f.Problems.Select(p => $"{f.Operation}: {p}")).ToList();
        foreach (var problem in problems)
            output.WriteLine(problem);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Coverage both ways: each operation of <paramref name="oas"/> has an endpoint under <paramref name="root"/> in the service,
    /// and the service has no endpoint under it that the OAS lacks (the OAS documents themselves excepted).
    /// </summary>
    public static void AssertRoutesAreTheOperations(OfficialOas oas, string root, IServiceProvider services)
    {
        static string Normal(string method, string path) => $"{method} {Parameter().Replace(path, "{}")}";
        var expected = oas.Operations.Select(o => Normal(o.Method, root + o.Path)).Order().ToList();
        var served = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith(root.TrimStart('/') + "/", StringComparison.Ordinal) &&
                        !raw.Contains("openapi", StringComparison.Ordinal) && !raw.Contains("/schema", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => Normal(m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().Order().ToList();
        Assert.Equal(expected, served);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    /// <summary>The start of a response text, for a finding.</summary>
    public static string Cut(string text) => text.Length > 600 ? text[..600] + "…" : text;

    /// <summary>Parses <paramref name="text"/>; when it is not JSON, adds a problem and returns false.</summary>
    public static bool TryParseJson(string text, string what, List<string> problems, out JsonNode? json)
    {
        try
        {
            json = JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            problems.Add($"{what} is not JSON: {Cut(text)}");
            json = null;
            return false;
        }
    }
}
