using System.Text.Json.Nodes;
using SelectielijstFixture;

// A stand-in for the Selectielijst API (https://selectielijst.openzaak.nl/api/v1/) and the communicatiekanalen of the
// Referentielijsten API (https://referentielijsten-api.vng.cloud/api/v1/, at /referentielijsten/api/v1/ here): the few
// records the tests and the local run need, so a fresh install works without the internet (ARCHITECTURE §11.10). URLs are
// built from Selectielijst:BaseUrl, or from the request when that is not set.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var records = Records.Load();
var configuredBase = app.Configuration["Selectielijst:BaseUrl"];

string Root(HttpRequest r) => (configuredBase ?? $"{r.Scheme}://{r.Host}{r.PathBase}").TrimEnd('/') + "/api/v1/";
string ReferentielijstenRoot(HttpRequest r) => (configuredBase ?? $"{r.Scheme}://{r.Host}{r.PathBase}").TrimEnd('/') + "/referentielijsten/api/v1/";

IResult One(HttpRequest r, string collection, Guid uuid) =>
    records.Find(collection, uuid, Root(r)) is { } item ? Results.Json(item) : Results.NotFound(new { detail = "Niet gevonden." });

app.MapGet("/api/v1/procestypen", (HttpRequest r, int? jaar) =>
    Results.Json(records.All("procestypen", Root(r)).Where(p => jaar is null || (int?)p["jaar"] == jaar).ToArray()));
app.MapGet("/api/v1/procestypen/{uuid:guid}", (HttpRequest r, Guid uuid) => One(r, "procestypen", uuid));
app.MapGet("/api/v1/resultaten", (HttpRequest r, string? procesType) =>
{
    var results = records.All("resultaten", Root(r)).Where(x => procesType is null || (string?)x["procesType"] == procesType).ToArray();
    return Results.Json(new JsonObject { ["count"] = results.Length, ["next"] = null, ["previous"] = null, ["results"] = new JsonArray(results) });
});
app.MapGet("/api/v1/resultaten/{uuid:guid}", (HttpRequest r, Guid uuid) => One(r, "resultaten", uuid));
app.MapGet("/api/v1/resultaattypeomschrijvingen", (HttpRequest r) => Results.Json(records.All("resultaattypeomschrijvingen", Root(r)).ToArray()));
app.MapGet("/api/v1/resultaattypeomschrijvingen/{uuid:guid}", (HttpRequest r, Guid uuid) => One(r, "resultaattypeomschrijvingen", uuid));
app.MapGet("/referentielijsten/api/v1/communicatiekanalen", (HttpRequest r) =>
{
    var results = records.All("communicatiekanalen", ReferentielijstenRoot(r)).ToArray();
    return Results.Json(new JsonObject { ["count"] = results.Length, ["next"] = null, ["previous"] = null, ["results"] = new JsonArray(results) });
});
app.MapGet("/referentielijsten/api/v1/communicatiekanalen/{uuid:guid}", (HttpRequest r, Guid uuid) =>
    records.Find("communicatiekanalen", uuid, ReferentielijstenRoot(r)) is { } item ? Results.Json(item) : Results.NotFound(new { detail = "Niet gevonden." }));
app.Run();

namespace SelectielijstFixture
{
    /// <summary>The records of <c>records.json</c>, rendered with absolute URLs under a root.</summary>
    public sealed class Records(JsonObject data)
    {
        public static Records Load()
        {
            using var stream = typeof(Records).Assembly.GetManifestResourceStream("SelectielijstFixture.records.json")!;
            return new Records(JsonNode.Parse(stream)!.AsObject());
        }

        public IEnumerable<JsonObject> All(string collection, string root) => data[collection]!.AsArray().Select(i => Render(collection, i!.AsObject(), root));

        public JsonObject? Find(string collection, Guid uuid, string root) =>
            All(collection, root).FirstOrDefault(i => ((string)i["url"]!).EndsWith("/" + uuid, StringComparison.Ordinal));

        private static JsonObject Render(string collection, JsonObject record, string root)
        {
            var item = new JsonObject { ["url"] = $"{root}{collection}/{record["uuid"]}" };
            foreach (var (key, value) in record)
            {
                if (key == "uuid")
                    continue;
                item[key] = key == "procesType" ? $"{root}procestypen/{value}" : value?.DeepClone();
            }
            return item;
        }
    }

    /// <summary>Marker for WebApplicationFactory.</summary>
    public sealed class SelectielijstMarker;
}
