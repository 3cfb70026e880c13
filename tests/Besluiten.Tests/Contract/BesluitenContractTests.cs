using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zgw.Testing;

namespace Besluiten.Tests.Contract;

/// <summary>
/// Every (method, path) of the official Besluiten API 1.1.0 OAS against the running service, as the Documenten contract test
/// does: one success request whose status is the declared success status, whose body conforms to the operation's response
/// schema (with <c>expand</c> where the OAS has it, so <c>_expand</c> is validated too) and which carries the declared headers
/// (<c>API-version</c>; <c>Location</c> = the body's url on a 201) and media type; no token → 403 <c>Fout</c>; where the OAS
/// declares a 400, bad input → 400 <c>ValidatieFout</c>; where the path names an object, an unknown one → 404 <c>Fout</c>.
/// Skips cleanly when ../shared/specs is absent. Writes <c>besluiten-contract-coverage.md</c> next to the test binaries.
/// </summary>
[Collection(BesluitenCollection.Name)]
public sealed partial class BesluitenContractTests(BesluitenApp app, ITestOutputHelper output)
{
    private const string Root = "/besluiten/api/v1";

    /// <summary>The number of operations in besluiten.yaml 1.1.0.</summary>
    public const int OperationCount = 12;

    private sealed record Request(string Path, JsonNode? Json = null)
    {
        public string Describe() => $"{Path} {Json?.ToJsonString()}";
    }

    private sealed record Plan(Request Success, Request? Invalid = null, Request? Missing = null);

    private sealed record Outcome(string Method, string Path, int Success, List<int> Errors, List<string> Problems, List<string> Deviations);

    private sealed record Deviation(string Name, Regex Problem, string Reason);

    private static readonly Deviation[] KnownDeviations =
    [
        new("audittrail-wijzigingen", new Regex(@"^success body: \$[^ ]*\.wijzigingen\.(oud|nieuw): null but not nullable$"),
            "wijzigingen.oud is null on create and nieuw on destroy (vng-api-common, as Open Zaak); the OAS does not mark them nullable"),
    ];

    [SpecsFact]
    public async Task EveryOperationOfTheOas_IsServed_WithConformingSuccessAndErrorResponses()
    {
        var oas = OfficialOas.Load(Path.Combine(SpecsFolder.Location!, "besluiten.yaml"));
        var operations = oas.Operations.ToList();
        Assert.Equal(OperationCount, operations.Count);
        var world = await WorldAsync();
        var outcomes = new List<Outcome>();
        foreach (var operation in operations)
            outcomes.Add(await ExerciseAsync(oas, operation, world));

        Assert.Equal(operations.Select(o => o.ToString()), outcomes.Select(o => $"{o.Method} {o.Path}"));
        var table = new StringBuilder("| Method | Path | Success | Errors | Result |\n|---|---|---|---|---|\n");
        foreach (var o in outcomes)
        {
            var result = o.Problems.Count > 0 ? "FAIL" : o.Deviations.Count > 0 ? $"ok ({string.Join(", ", o.Deviations.Distinct())})" : "ok";
            table.Append($"| {o.Method} | `{o.Path}` | {o.Success} | {string.Join(", ", o.Errors)} | {result} |\n");
        }
        table.Append($"\n{outcomes.Count(o => o.Problems.Count == 0)} of {outcomes.Count} operations conform.\n");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "besluiten-contract-coverage.md"), table.ToString());
        output.WriteLine(table.ToString());
        var problems = outcomes.SelectMany(o => o.Problems.Select(p => $"{o.Method} {o.Path}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Each of the 12 operations of besluiten.yaml has an endpoint, and the service has none under the API root the OAS lacks.</summary>
    [SpecsFact]
    public void TheServiceRoutes_AreExactlyTheOperationsOfTheOas()
    {
        var oas = OfficialOas.Load(Path.Combine(SpecsFolder.Location!, "besluiten.yaml"));
        static string Normal(string method, string path) => $"{method} {Parameter().Replace(path, "{}")}";
        var expected = oas.Operations.Select(o => Normal(o.Method, Root + o.Path)).Order().ToList();
        Assert.Equal(OperationCount, expected.Count);
        var served = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith(Root.TrimStart('/') + "/", StringComparison.Ordinal) &&
                        !raw.Contains("openapi", StringComparison.Ordinal) && !raw.Contains("/schema", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => Normal(m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().Order().ToList();
        Assert.Equal(expected, served);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    private sealed record World(BronnenStub Stub, string Besluit, string Bio, string Audit, JsonObject PutBody, string Identificatie);

    private async Task<World> WorldAsync()
    {
        var stub = new BronnenStub(app);
        var identificatie = BesluitenApp.Unique("C-");
        var zaak = stub.Zaak(app.Zaaktype);
        var besluit = BesluitenApp.PathOf(BesluitenApp.Url(await app.CreateBesluitAsync(zaak: zaak, change: b => b["identificatie"] = identificatie)));
        var bio = BesluitenApp.PathOf(BesluitenApp.Url(await app.CreateBioAsync(BesluitenApp.ApiRoot + besluit[Root.Length..], stub.Document(app.Iot))));
        var trail = JsonNode.Parse(await (await app.Client().GetAsync(besluit + "/audittrail")).Content.ReadAsStringAsync())!.AsArray();
        var put = JsonSerializerNode(app.BesluitBody(zaak: zaak));
        put["identificatie"] = identificatie;
        return new World(stub, besluit, bio, $"{besluit}/audittrail/{trail[0]!["uuid"]!.GetValue<string>()}", put, identificatie);
    }

    private static JsonObject JsonSerializerNode(object body) => JsonNode.Parse(JsonContent.Create(body).ReadAsStringAsync().GetAwaiter().GetResult())!.AsObject();

    private async Task<Plan> PlanAsync(OasOperation op, World w)
    {
        var leeg = new JsonObject();
        var unknownBesluit = $"{Root}/besluiten/{Guid.NewGuid()}";
        var unknownBio = $"{Root}/besluitinformatieobjecten/{Guid.NewGuid()}";
        var besluitUrl = BesluitenApp.ApiRoot + w.Besluit[Root.Length..];
        switch (op.Method, op.Path)
        {
            case ("GET", "/besluiten"):
                return new(new($"{Root}/besluiten?identificatie={w.Identificatie}&expand=besluittype,zaak"), Invalid: new($"{Root}/besluiten?onbekend=1"));
            case ("POST", "/besluiten"):
                return new(new($"{Root}/besluiten", JsonSerializerNode(app.BesluitBody())), Invalid: new($"{Root}/besluiten", leeg));
            case ("GET", "/besluiten/{besluit_uuid}/audittrail"):
                return new(new(w.Besluit + "/audittrail"), Missing: new(unknownBesluit + "/audittrail"));
            case ("GET", "/besluiten/{besluit_uuid}/audittrail/{uuid}"):
                return new(new(w.Audit), Missing: new($"{w.Besluit}/audittrail/{Guid.NewGuid()}"));
            case ("GET", "/besluiten/{uuid}"):
                return new(new(w.Besluit + "?expand=besluittype,zaak"), Missing: new(unknownBesluit));
            case ("PUT", "/besluiten/{uuid}"):
                return new(new(w.Besluit, w.PutBody), Invalid: new(w.Besluit, leeg), Missing: new(unknownBesluit, w.PutBody));
            case ("PATCH", "/besluiten/{uuid}"):
                return new(new(w.Besluit, new JsonObject { ["toelichting"] = "Contracttest" }),
                    Invalid: new(w.Besluit, new JsonObject { ["datum"] = "geen datum" }), Missing: new(unknownBesluit, new JsonObject { ["toelichting"] = "x" }));
            case ("DELETE", "/besluiten/{uuid}"):
                return new(new(BesluitenApp.PathOf(BesluitenApp.Url(await app.CreateBesluitAsync()))), Missing: new(unknownBesluit));
            case ("GET", "/besluitinformatieobjecten"):
                return new(new($"{Root}/besluitinformatieobjecten?besluit={Uri.EscapeDataString(besluitUrl)}&expand=besluit.besluittype,informatieobject"),
                    Invalid: new($"{Root}/besluitinformatieobjecten?onbekend=1"));
            case ("POST", "/besluitinformatieobjecten"):
                return new(new($"{Root}/besluitinformatieobjecten", new JsonObject { ["informatieobject"] = w.Stub.Document(app.Iot), ["besluit"] = besluitUrl }),
                    Invalid: new($"{Root}/besluitinformatieobjecten", leeg));
            case ("GET", "/besluitinformatieobjecten/{uuid}"):
                return new(new(w.Bio + "?expand=informatieobject,besluit.zaak"), Missing: new(unknownBio));
            case ("DELETE", "/besluitinformatieobjecten/{uuid}"):
            {
                var throwaway = await app.CreateBioAsync(besluitUrl, w.Stub.Document(app.Iot));
                return new(new(BesluitenApp.PathOf(BesluitenApp.Url(throwaway))), Missing: new(unknownBio));
            }
            default:
                throw new InvalidOperationException($"no plan for {op}");
        }
    }

    private async Task<Outcome> ExerciseAsync(OfficialOas oas, OasOperation op, World world)
    {
        var problems = new List<string>();
        var errors = new List<int>();
        var success = 0;
        try
        {
            var plan = await PlanAsync(op, world);
            errors.Add(await ExpectAsync(oas, op, app.Anonymous(), plan.Success, 403, oas.Schema("Fout"), "no token", problems));
            success = await ExpectAsync(oas, op, app.Client(), plan.Success, op.SuccessStatus, op.ResponseSchema(op.SuccessStatus), "success", problems);
            if (op.Declares(400))
            {
                if (plan.Invalid is null)
                    problems.Add("the OAS declares a 400 but no invalid request is planned");
                else
                    errors.Add(await ExpectAsync(oas, op, app.Client(), plan.Invalid, 400, op.ResponseSchema(400) ?? oas.Schema("ValidatieFout"),
                        "invalid request", problems));
            }
            if (op.Declares(404) || plan.Missing is not null)
            {
                if (plan.Missing is null)
                    problems.Add("the OAS declares a 404 but no unknown-object request is planned");
                else
                    errors.Add(await ExpectAsync(oas, op, app.Client(), plan.Missing, 404, oas.Schema("Fout"), "unknown object", problems));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add($"{e.GetType().Name}: {e.Message}");
        }
        var deviations = new List<string>();
        problems.RemoveAll(p =>
        {
            var known = KnownDeviations.FirstOrDefault(d => d.Problem.IsMatch(p));
            if (known is not null)
                deviations.Add(known.Name);
            return known is not null;
        });
        return new Outcome(op.Method, op.Path, success, errors, problems, deviations);
    }

    private static async Task<int> ExpectAsync(OfficialOas oas, OasOperation op, HttpClient client, Request request, int expected, JsonNode? schema,
        string what, List<string> problems)
    {
        using var message = new HttpRequestMessage(new HttpMethod(op.Method), request.Path)
        {
            Content = request.Json is null ? null : JsonContent.Create(request.Json),
        };
        using var response = await client.SendAsync(message);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status != expected)
        {
            problems.Add($"{what}: {op.Method} {request.Describe()} answered {status}, expected {expected}: {Cut(text)}");
            return status;
        }
        var declared = op.DeclaredHeaders(status).Concat(status >= 400 ? ["API-version"] : []).Distinct();
        foreach (var header in declared)
            if (!response.Headers.Contains(header) && !response.Content.Headers.Contains(header))
                problems.Add($"{what}: header {header} is missing");
        var mediaType = op.MediaType(status) ?? (status >= 400 ? "application/problem+json" : null);
        if (mediaType is null)
        {
            if (text.Length > 0)
                problems.Add($"{what}: {status} has no body in the OAS but answered {Cut(text)}");
            return status;
        }
        if (response.Content.Headers.ContentType?.MediaType != mediaType)
            problems.Add($"{what}: Content-Type {response.Content.Headers.ContentType?.MediaType}, expected {mediaType}");
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            problems.Add($"{what} body is not JSON: {Cut(text)}");
            return status;
        }
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

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
