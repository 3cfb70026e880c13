using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Zgw.Testing;

/// <summary>
/// One request of a contract test: a path and a JSON body or a form (made anew for each send), sent as
/// <paramref name="ClientId"/> (null: the fixture's default client).
/// </summary>
public sealed record ContractRequest(string Path, JsonNode? Json = null, Func<HttpContent>? Form = null, string? ClientId = null)
{
    public HttpContent? Content() => Form?.Invoke() ?? (Json is null ? null : JsonContent.Create(Json));

    public string Describe() => Form is not null ? $"{Path} (form)" : $"{Path} {Json?.ToJsonString()}";
}

/// <summary>
/// What one operation is exercised with: the success request, an invalid request (where the OAS declares a 400) and a
/// request for an unknown object (where the path names one).
/// </summary>
public sealed record ContractPlan(ContractRequest Success, ContractRequest? Invalid = null, ContractRequest? Missing = null);

/// <summary>
/// Exercises an operation of <paramref name="oas"/> with its <see cref="ContractPlan"/>: no token → 403 <c>Fout</c>; the
/// success request → the declared success status, body schema, headers and media type; where the OAS declares a 400, the
/// invalid request → 400 with the declared schema (<c>ValidatieFout</c> by default); where it declares a 404 (always on HEAD,
/// and wherever the plan has one) the unknown object → 404 <c>Fout</c>. <paramref name="client"/> gives the client of a
/// request's <see cref="ContractRequest.ClientId"/>.
/// </summary>
public sealed class PlannedContract(OfficialOas oas, Func<HttpClient> anonymous, Func<string?, HttpClient> client)
{
    public async Task ExerciseAsync(OperationFindings findings, ContractPlan plan)
    {
        var op = findings.Operation;
        var problems = findings.Problems;
        findings.Errors.Add(await ExpectAsync(op, anonymous(), plan.Success, 403, oas.Schema("Fout"), "no token", problems));
        findings.Success = await ExpectAsync(op, client(plan.Success.ClientId), plan.Success, op.SuccessStatus,
            op.ResponseSchema(op.SuccessStatus), "success", problems);
        if (op.Declares(400))
        {
            if (plan.Invalid is null)
                problems.Add("the OAS declares a 400 but no invalid request is planned");
            else
                findings.Errors.Add(await ExpectAsync(op, client(plan.Invalid.ClientId), plan.Invalid, 400,
                    op.ResponseSchema(400) ?? oas.Schema("ValidatieFout"), "invalid request", problems));
        }
        if (op.Declares(404) || op.Method == "HEAD" || plan.Missing is not null)
        {
            if (plan.Missing is null)
                problems.Add("the OAS declares a 404 but no unknown-object request is planned");
            else
                findings.Errors.Add(await ExpectAsync(op, client(plan.Missing.ClientId), plan.Missing, 404, oas.Schema("Fout"), "unknown object", problems));
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and checks the status, the declared headers (and <c>API-version</c> on an error), the
    /// media type, the body against <paramref name="schema"/>, the <c>Location</c> of a 201 and, on a success, that a list is
    /// not empty and an <c>expand</c> was answered with <c>_expand</c>; returns the status.
    /// </summary>
    public async Task<int> ExpectAsync(OasOperation op, HttpClient client, ContractRequest request, int expected, JsonNode? schema, string what,
        List<string> problems)
    {
        using var message = new HttpRequestMessage(new HttpMethod(op.Method), request.Path) { Content = request.Content() };
        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        if (status != expected)
        {
            problems.Add($"{what}: {op.Method} {request.Describe()} answered {status}, expected {expected}: {ContractCoverage.Cut(text)}");
            return status;
        }
        foreach (var header in op.DeclaredHeaders(status).Concat(status >= 400 ? ["API-version"] : []).Distinct())
            if (!response.Headers.Contains(header) && !response.Content.Headers.Contains(header))
                problems.Add($"{what}: header {header} is missing");
        if (op.Method == "HEAD")
        {
            if (bytes.Length > 0)
                problems.Add($"{what}: HEAD answered a body");
            return status;
        }
        var mediaType = op.MediaType(status) ?? (status >= 400 ? "application/problem+json" : null);
        var actual = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null)
        {
            if (bytes.Length > 0)
                problems.Add($"{what}: {status} has no body in the OAS but answered {ContractCoverage.Cut(text)}");
            return status;
        }
        if (actual != mediaType)
            problems.Add($"{what}: Content-Type {actual}, expected {mediaType}");
        if (mediaType != "application/json" && mediaType != "application/problem+json")
        {
            if (bytes.Length == 0)
                problems.Add($"{what}: empty {mediaType} body");
            return status;
        }
        if (!ContractCoverage.TryParseJson(text, $"{what} body", problems, out var json))
            return status;
        if (schema is not null)
            problems.AddRange(oas.Validate(json, schema).Select(p => $"{what} body: {p}"));
        if (status == 201 && response.Headers.Location?.ToString() != json?["url"]?.GetValue<string>())
            problems.Add($"{what}: Location {response.Headers.Location} is not the url of the body");
        if (what == "success" && op.Method == "GET" && (json is JsonArray { Count: 0 } || json is JsonObject { } page && page["results"] is JsonArray { Count: 0 }))
            problems.Add($"success body: GET {request.Path} is empty, nothing was validated");
        if (what == "success" && request.Path.Contains("expand=", StringComparison.Ordinal) && !text.Contains("\"_expand\"", StringComparison.Ordinal))
            problems.Add($"success body: GET {request.Path} has no _expand");
        return status;
    }
}
