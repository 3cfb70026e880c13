using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
public sealed class BesluitenContractTests(BesluitenApp app, ITestOutputHelper output)
{
    private const string Root = "/besluiten/api/v1";

    /// <summary>The number of operations in besluiten.yaml 1.1.0.</summary>
    public const int OperationCount = 12;

    private static readonly KnownDeviation[] KnownDeviations =
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
        var contract = new PlannedContract(oas, app.Anonymous, _ => app.Client());
        var findings = await ContractCoverage.ExerciseAsync(operations, KnownDeviations,
            async f => await contract.ExerciseAsync(f, await PlanAsync(f.Operation, world)));
        ContractCoverage.Report("besluiten-contract-coverage.md", findings, KnownDeviations, output);
    }

    /// <summary>Each of the 12 operations of besluiten.yaml has an endpoint, and the service has none under the API root the OAS lacks.</summary>
    [SpecsFact]
    public void TheServiceRoutes_AreExactlyTheOperationsOfTheOas()
    {
        var oas = OfficialOas.Load(Path.Combine(SpecsFolder.Location!, "besluiten.yaml"));
        Assert.Equal(OperationCount, oas.Operations.Count());
        ContractCoverage.AssertRoutesAreTheOperations(oas, Root, app.Factory.Services);
    }

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

    private async Task<ContractPlan> PlanAsync(OasOperation op, World w)
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
}
