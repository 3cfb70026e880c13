using Zgw.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Catalogi.Tests.Contract;

/// <summary>
/// Every (method, path) of the official Catalogi 1.3.3 OAS against the running service: one success request whose body
/// conforms to the operation's response schema, and error requests (no token → 403 <c>Fout</c>; bad input → 400
/// <c>ValidatieFout</c>; an unknown object → 404 <c>Fout</c>) whose bodies conform too. No operation answers 404 (route),
/// 405 or 501. Writes the coverage table to <c>catalogi-contract-coverage.md</c> next to the test binaries.
/// </summary>
[Collection(CatalogiCollection.Name)]
public sealed class CatalogiContractTests(CatalogiApp app, ITestOutputHelper output)
{
    private const string Root = "/catalogi/api/v1";
    private readonly Samples _samples = new(app);

    [SpecsFact]
    public async Task EveryOperationOfTheOas_IsServed_WithConformingSuccessAndErrorBodies()
    {
        var oas = OfficialOas.Load(Path.Combine(SpecsFolder.Location!, "catalogi.yaml"));
        var operations = oas.Operations.ToList();
        Assert.Equal(72, operations.Count);
        var world = await World.CreateAsync(app, _samples);
        var findings = await ContractCoverage.ExerciseAsync(operations.OrderBy(o => o.Path.EndsWith("/publish")), [],
            f => ExerciseAsync(oas, f, world));
        ContractCoverage.Report("catalogi-contract-coverage.md", findings, [], output);
    }

    private async Task ExerciseAsync(OfficialOas oas, OperationFindings findings, World world)
    {
        var op = findings.Operation;
        var problems = findings.Problems;
        var collection = op.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        var detail = op.Path.Contains("{uuid}");
        var publish = op.Path.EndsWith("/publish");

        // success
        var target = op.Method switch
        {
            "DELETE" => await world.ThrowawayAsync(collection),
            "POST" when publish => await world.PublishableAsync(collection),
            _ when detail => world.Existing[collection],
            _ => null,
        };
        var path = target is null ? Root + op.Path : CatalogiApp.PathOf(target) + (publish ? "/publish" : "");
        if (op.Method == "GET" && !detail && op.HasQueryParameter("status"))
            path += "?status=alles";
        var body = op.Method switch
        {
            "POST" when publish => new JsonObject(),
            "POST" => await world.NewBodyAsync(collection),
            "PUT" => world.Bodies[collection],
            "PATCH" => new JsonObject(),
            _ => null,
        };
        var response = await SendAsync(app.Client(CatalogiApp.Beheerder), op.Method, path, body);
        var status = findings.Success = (int)response.StatusCode;
        // the schema of the status answered, or of the declared success where that status is not declared
        var schema = op.Declares(status) ? op.ResponseSchema(status) : op.ResponseSchema(op.SuccessStatus);
        if (status is 404 or 405 or 501 || status >= 300)
            problems.Add($"success request answered {status}: {await response.Content.ReadAsStringAsync()}");
        else if (status != 204 && op.Method != "HEAD" && schema is not null)
            problems.AddRange(oas.Validate(JsonNode.Parse(await response.Content.ReadAsStringAsync()), schema));

        // errors
        async Task ErrorAsync(HttpClient client, string errorPath, JsonNode? errorBody, HttpStatusCode expected, string schemaName)
        {
            var r = await SendAsync(client, op.Method, errorPath, errorBody);
            findings.Errors.Add((int)r.StatusCode);
            if (r.StatusCode != expected)
                problems.Add($"error request answered {(int)r.StatusCode}, expected {(int)expected}: {await r.Content.ReadAsStringAsync()}");
            else if (op.Method != "HEAD")
                problems.AddRange(oas.Validate(JsonNode.Parse(await r.Content.ReadAsStringAsync()), oas.Schema(schemaName))
                    .Select(p => $"{(int)expected} body: {p}"));
        }
        var existing = detail ? CatalogiApp.PathOf(world.Existing[collection]) + (publish ? "/publish" : "") : Root + op.Path;
        await ErrorAsync(app.Anonymous(), existing, body, HttpStatusCode.Forbidden, "Fout");
        if (detail)
        {
            var missing = $"{Root}/{collection}/{Guid.NewGuid()}" + (publish ? "/publish" : "");
            await ErrorAsync(app.Client(CatalogiApp.Beheerder), missing, body, HttpStatusCode.NotFound, "Fout");
        }
        if (op.Method is "POST" or "PUT" && !publish)
            await ErrorAsync(app.Client(CatalogiApp.Beheerder), existing, new JsonObject(), HttpStatusCode.BadRequest, "ValidatieFout");
        if (op.Method == "GET" && !detail)
            await ErrorAsync(app.Client(CatalogiApp.Beheerder), existing + "?onbekend=1", null, HttpStatusCode.BadRequest, "ValidatieFout");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, JsonNode? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return client.SendAsync(request);
    }

    /// <summary>A concept catalogus with one object of every kind, and the means to make more.</summary>
    private sealed class World(CatalogiApp app, Samples samples, string catalogus, string zaaktype, string iotNaam)
    {
        public Dictionary<string, string> Existing { get; } = [];
        public Dictionary<string, JsonObject> Bodies { get; } = [];

        public static async Task<World> CreateAsync(CatalogiApp app, Samples samples)
        {
            var catalogusBody = Samples.Catalogus();
            var catalogus = Samples.Url(await app.CreateAsync("catalogussen", catalogusBody));
            var iotNaam = Samples.Unique("IOT-");
            var zaaktype = await samples.ZaaktypeAsync(catalogus);
            var world = new World(app, samples, catalogus, zaaktype, iotNaam);
            world.Remember("catalogussen", catalogus, catalogusBody);
            world.Remember("zaaktypen", zaaktype, (await app.GetAsync(zaaktype)).ToDictionary());
            foreach (var collection in new[] { "informatieobjecttypen", "besluittypen", "statustypen", "roltypen", "eigenschappen", "resultaattypen",
                         "zaakobjecttypen", "zaaktype-informatieobjecttypen" })
            {
                var body = await world.NewBodyAsync(collection, collection == "informatieobjecttypen" ? iotNaam : null);
                world.Remember(collection, Samples.Url(await app.CreateAsync(collection, body)), body);
            }
            // PUT of a zaaktype takes omschrijvingen/identificaties where the GET shows URLs: send its creation body.
            world.Bodies["zaaktypen"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(samples.Zaaktype(catalogus,
                (await app.GetAsync(zaaktype))["identificatie"]!.GetValue<string>())))!.AsObject();
            return world;
        }

        private void Remember(string collection, string url, object body)
        {
            Existing[collection] = url;
            Bodies[collection] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
        }

        private int _volgnummer = 100;

        /// <summary>A valid body for a new object of <paramref name="collection"/>.</summary>
        public async Task<JsonObject> NewBodyAsync(string collection, string? naam = null)
        {
            object body = collection switch
            {
                "catalogussen" => Samples.Catalogus(),
                "zaaktypen" => samples.Zaaktype(catalogus),
                "informatieobjecttypen" => Samples.Informatieobjecttype(catalogus, naam),
                "besluittypen" => Samples.Besluittype(catalogus, informatieobjecttypen: [iotNaam]),
                "statustypen" => Samples.Statustype(zaaktype, ++_volgnummer),
                "roltypen" => Samples.Roltype(zaaktype),
                "eigenschappen" => Samples.Eigenschap(zaaktype),
                "resultaattypen" => samples.Resultaattype(zaaktype),
                "zaakobjecttypen" => Samples.Zaakobjecttype(zaaktype, catalogus),
                "zaaktype-informatieobjecttypen" => Samples.ZaaktypeInformatieobjecttype(zaaktype, iotNaam, ++_volgnummer % 999 + 1),
                _ => throw new ArgumentOutOfRangeException(nameof(collection), collection),
            };
            await Task.CompletedTask;
            return JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
        }

        /// <summary>A new object to delete.</summary>
        public async Task<string> ThrowawayAsync(string collection) => Samples.Url(await app.CreateAsync(collection, await NewBodyAsync(collection)));

        /// <summary>A new concept type that passes the publish checks.</summary>
        public async Task<string> PublishableAsync(string collection) => collection switch
        {
            "zaaktypen" => await samples.PublishableZaaktypeAsync(catalogus),
            "besluittypen" => Samples.Url(await app.CreateAsync(collection, Samples.Besluittype(catalogus))),
            _ => await ThrowawayAsync(collection),
        };
    }
}

/// <summary>The response-body validator of the contract test finds what it should in catalogi.yaml.</summary>
public sealed class CatalogiOasTests
{
    [SpecsFact]
    public void Validate_ReportsMissingRequiredPropertiesWrongTypesAndEnums()
    {
        var oas = OfficialOas.Load(Path.Combine(SpecsFolder.Location!, "catalogi.yaml"));
        var fout = JsonNode.Parse("""{"code": "x", "title": "t", "status": "400", "detail": "d"}""");
        var errors = oas.Validate(fout, oas.Schema("Fout"));
        Assert.Contains(errors, e => e.Contains("'instance'"));
        Assert.Contains(errors, e => e.Contains("$.status"));
        var roltype = JsonNode.Parse("""{"url": "u", "zaaktype": "z", "zaaktypeIdentificatie": "i", "omschrijving": "o", "omschrijvingGeneriek": "baas"}""");
        Assert.Contains(oas.Validate(roltype, oas.Schema("RolType")), e => e.Contains("enum"));
    }
}
