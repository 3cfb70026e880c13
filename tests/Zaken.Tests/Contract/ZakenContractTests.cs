using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using Zgw.Testing;

namespace Zaken.Tests.Contract;

/// <summary>
/// Every (method, path) of the official Zaken API 1.5.1 OAS against the running service: one success request whose status
/// is the declared success status and whose body conforms to the operation's response schema, and error requests whose
/// bodies conform too: no token → 403 <c>Fout</c>; where the OAS declares a 400, bad input (GET: an unknown query
/// parameter; POST/PUT/PATCH: an invalid body) → 400 <c>ValidatieFout</c>; where it declares a 404 (and on HEAD), an
/// unknown object → 404 <c>Fout</c>. Every request carries <c>Accept-Crs</c>/<c>Content-Crs: EPSG:4326</c>.
/// Writes the coverage table to <c>zaken-contract-coverage.md</c> next to the test binaries.
/// </summary>
[Collection(ZakenCollection.Name)]
public sealed class ZakenContractTests(ZakenApp app, ITestOutputHelper output)
{
    private const string Root = ZakenContractWorld.Root;

    /// <summary>
    /// Findings that are not failures: where the official OAS and Open Zaak (whose behaviour the service follows,
    /// ARCHITECTURE §11) disagree. They are listed in the coverage table and the output; every other finding fails.
    /// </summary>
    private static readonly KnownDeviation[] KnownDeviations =
    [
        new("audittrail-wijzigingen", new Regex(@"^success body: \$[^ ]*\.wijzigingen\.(oud|nieuw): null but not nullable$"),
            "wijzigingen.oud is null on create and nieuw on destroy (vng-api-common, as Open Zaak); the OAS does not mark them nullable"),
        new("verlenging-duur", new Regex(@"^success body: \$[^ ]*\.verlenging\.duur: null but not nullable$"),
            "a zaak without verlenging renders {\"reden\": \"\", \"duur\": null} as Open Zaak's GegevensGroepSerializer does; the OAS does not mark duur nullable"),
        new("status-gezetdoor", new Regex(@"^success body: \$[^ ]*\.gezetdoor: null but not nullable$"),
            "a status without gezetdoor renders null (Open Zaak: nullable foreign key to Rol); the OAS does not mark gezetdoor nullable"),
    ];

    [SpecsFact]
    public async Task EveryOperationOfTheOas_IsServed_WithConformingSuccessAndErrorBodies()
    {
        var oas = ZakenOas.Load(Path.Combine(SpecsFolder.Location!, "zaken.yaml"));
        var operations = oas.Operations.ToList();
        Assert.Equal(62, operations.Count);
        var world = await ZakenContractWorld.CreateAsync(app);
        var findings = await ContractCoverage.ExerciseAsync(operations, KnownDeviations, async f =>
        {
            f.Success = await SuccessAsync(oas, f.Operation, world, f.Problems);
            await ErrorsAsync(oas, f.Operation, world, f.Problems, f.Errors);
        });
        ContractCoverage.Report("zaken-contract-coverage.md", findings, KnownDeviations, output);
    }

    /// <summary>The success request; returns the status it answered (0 when it could not be sent).</summary>
    private async Task<int> SuccessAsync(OfficialOas oas, OasOperation op, ZakenContractWorld world, List<string> problems)
    {
        var key = ZakenContractWorld.KeyOf(op.Path);
        var detail = op.Path.EndsWith("/{uuid}", StringComparison.Ordinal);
        string? path;
        JsonNode? body = null;
        switch (op.Method)
        {
            case "DELETE":
                (path, var failure) = await world.ThrowawayAsync(key);
                if (path is null)
                {
                    problems.Add($"no object to delete: {failure}");
                    return 0;
                }
                break;
            case "POST" when op.Path == "/zaken/_zoek":
                path = Root + op.Path;
                body = new JsonObject { ["uuid__in"] = new JsonArray(world.Zaak["uuid"]!.GetValue<string>()) };
                break;
            case "POST":
                (path, body) = await world.NewAsync(key);
                break;
            default:
                path = detail ? ExistingPath(world, key, problems) : ListPath(op, world);
                if (path is null)
                    return 0;
                // GET /zaken/{uuid} answers ZaakExpanded: ask for the expansions of the world's related objects so that
                // _expand is validated too (zaaktype is left out: ZaakEmbedded refers to the Catalogi OAS for it).
                if (op.Method == "GET" && op.Path == "/zaken/{uuid}")
                    path += "?expand=status,status.statustype,resultaat,rollen,zaakobjecten,eigenschappen";
                body = op.Method switch
                {
                    "PUT" => world.Bodies[key],
                    "PATCH" => ZakenContractWorld.PatchBody(key),
                    _ => null,
                };
                break;
        }

        var (status, text) = await SendAsync(app.Client(), op.Method, path, body);
        if (status != op.SuccessStatus)
        {
            problems.Add($"success request {op.Method} {path} {body?.ToJsonString()} answered {status}, expected {op.SuccessStatus}: " +
                         ContractCoverage.Cut(text));
            return status;
        }
        if (op.Method == "HEAD" || op.ResponseSchema(status) is not { } schema)
            return status;
        if (!ContractCoverage.TryParseJson(text, "success body", problems, out var json) || json is null)
            return status;
        problems.AddRange(oas.Validate(json, schema).Select(p => $"success body: {p}"));
        if (op.Method == "GET" && !detail && (json is JsonArray { Count: 0 } || json is JsonObject { } page && page["results"] is JsonArray { Count: 0 }))
            problems.Add($"success body: GET {path} is empty, nothing was validated");
        return status;
    }

    private async Task ErrorsAsync(OfficialOas oas, OasOperation op, ZakenContractWorld world, List<string> problems, List<int> errors)
    {
        var key = ZakenContractWorld.KeyOf(op.Path);
        var detail = op.Path.EndsWith("/{uuid}", StringComparison.Ordinal);
        var zoek = op.Path == "/zaken/_zoek";
        string existing;
        JsonNode? validBody;
        if (op.Method == "POST" && !zoek)
            (existing, validBody) = await world.NewAsync(key, world.Zaak);
        else
        {
            existing = detail ? world.Existing.GetValueOrDefault(key) ?? Fill(op.Path, world, Guid.NewGuid()) : ListPath(op, world);
            validBody = op.Method switch
            {
                "POST" => new JsonObject(),
                "PUT" => world.Bodies.GetValueOrDefault(key) ?? [],
                "PATCH" => ZakenContractWorld.PatchBody(key),
                _ => null,
            };
        }

        async Task ExpectAsync(HttpClient client, string path, JsonNode? body, int expected, string schemaName, string what)
        {
            var (status, text) = await SendAsync(client, op.Method, path, body);
            errors.Add(status);
            if (status != expected)
                problems.Add($"{what}: {op.Method} {path} {body?.ToJsonString()} answered {status}, expected {expected}: {ContractCoverage.Cut(text)}");
            else if (op.Method != "HEAD" && ContractCoverage.TryParseJson(text, $"{expected} body", problems, out var json) && json is not null)
                problems.AddRange(oas.Validate(json, oas.Schema(schemaName)).Select(p => $"{expected} body: {p}"));
        }

        await ExpectAsync(app.Anonymous(), existing, validBody, 403, "Fout", "no token");
        if (op.Declares(400))
        {
            if (op.Method == "GET")
                await ExpectAsync(app.Client(), existing + (existing.Contains('?') ? "&" : "?") + "onbekend=1", null, 400, "ValidatieFout",
                    "unknown query parameter");
            else
            {
                JsonNode invalid = op.Method switch
                {
                    "POST" when zoek => new JsonObject { ["zaakgeometrie"] = "geen geometrie" },
                    "PATCH" => ZakenContractWorld.InvalidPatchBody(key),
                    _ => new JsonObject(),
                };
                await ExpectAsync(app.Client(), existing, invalid, 400, "ValidatieFout", "invalid body");
            }
        }
        if (detail && (op.Declares(404) || op.Method == "HEAD"))
        {
            var missing = existing[..existing.LastIndexOf('/')] + "/" + Guid.NewGuid();
            await ExpectAsync(app.Client(), missing, validBody, 404, "Fout", "unknown object");
        }
    }

    /// <summary>The path of a list (GET) or collection: nested under the world's zaak, filtered on it where the OAS allows.</summary>
    private static string ListPath(OasOperation op, ZakenContractWorld world)
    {
        var path = Root + op.Path.Replace("/zaken/{zaak_uuid}", world.ZaakPath[Root.Length..], StringComparison.Ordinal);
        return op.Method == "GET" && op.HasQueryParameter("zaak") ? $"{path}?zaak={Uri.EscapeDataString(world.ZaakUrl)}" : path;
    }

    private static string? ExistingPath(ZakenContractWorld world, string key, List<string> problems)
    {
        if (world.Existing.TryGetValue(key, out var path))
            return path;
        problems.Add($"no existing object: {world.Failures.GetValueOrDefault(key, "(not made)")}");
        return null;
    }

    private static string Fill(string oasPath, ZakenContractWorld world, Guid uuid) =>
        Root + oasPath.Replace("/zaken/{zaak_uuid}", world.ZaakPath[Root.Length..], StringComparison.Ordinal).Replace("{uuid}", uuid.ToString());

    private static async Task<(int Status, string Text)> SendAsync(HttpClient client, string method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Accept-Crs", "EPSG:4326");
        request.Headers.Add("Content-Crs", "EPSG:4326");
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The response-body validator of the contract test finds what it should.</summary>
public sealed class ZakenOasTests
{
    [SpecsFact]
    public void OfficialYaml_NeedsTheIndentFix_AndThenHas62Operations()
    {
        var yaml = File.ReadAllText(Path.Combine(SpecsFolder.Location!, "zaken.yaml"));
        Assert.NotEqual(yaml, ZakenOas.FixOfficialYaml(yaml));
        Assert.Equal(62, ZakenOas.Load(Path.Combine(SpecsFolder.Location!, "zaken.yaml")).Operations.Count());
    }

    [SpecsFact]
    public void Validate_ReportsMissingRequiredWrongTypesEnumsFormatsAndDiscriminatedShapes()
    {
        var oas = ZakenOas.Load(Path.Combine(SpecsFolder.Location!, "zaken.yaml"));
        var fout = JsonNode.Parse("""{"code": "x", "title": "t", "status": "400", "detail": "d"}""");
        var errors = oas.Validate(fout, oas.Schema("Fout"));
        Assert.Contains(errors, e => e.Contains("'instance'"));
        Assert.Contains(errors, e => e.Contains("$.status"));

        var resultaat = JsonNode.Parse("""{"url": "geen url", "uuid": "x", "zaak": "https://z/1", "resultaattype": "https://r/1", "toelichting": ""}""");
        var resultaatErrors = oas.Validate(resultaat, oas.Schema("Resultaat"));
        Assert.Contains(resultaatErrors, e => e.StartsWith("$.url") && e.Contains("uri"));
        Assert.Contains(resultaatErrors, e => e.StartsWith("$.uuid") && e.Contains("uuid"));

        var rol = new JsonObject
        {
            ["url"] = "https://z/rollen/1", ["uuid"] = Guid.NewGuid().ToString(), ["zaak"] = "https://z/1", ["betrokkene"] = "",
            ["betrokkeneType"] = "medewerker", ["roltype"] = "https://c/1", ["omschrijving"] = "o", ["omschrijvingGeneriek"] = "behandelaar",
            ["roltoelichting"] = "", ["registratiedatum"] = "2024-03-01T10:00:00Z", ["indicatieMachtiging"] = "", ["statussen"] = new JsonArray(),
            ["contactpersoonRol"] = null, ["afwijkendeNaamBetrokkene"] = "",
            ["betrokkeneIdentificatie"] = new JsonObject { ["identificatie"] = 12 },
        };
        Assert.Contains(oas.Validate(rol, oas.Schema("Rol")), e => e.StartsWith("$.betrokkeneIdentificatie.identificatie"));
        rol["betrokkeneIdentificatie"] = new JsonObject { ["identificatie"] = "M1" };
        Assert.Empty(oas.Validate(rol, oas.Schema("Rol")));
        rol["indicatieMachtiging"] = "soms";
        Assert.Contains(oas.Validate(rol, oas.Schema("Rol")), e => e.Contains("oneOf"));
    }
}
