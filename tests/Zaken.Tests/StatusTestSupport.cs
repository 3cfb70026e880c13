using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>
/// Helpers of the statussen / resultaten / archivering tests: writes through the API, and the data other resources own
/// (zaakinformatieobjecten, zaakeigenschappen, zaakobjecten, zaakbesluiten, hoofdzaak) put in place with SQL, with the
/// Documenten and Besluiten objects stubbed on <see cref="ZakenApp.Documenten"/>.
/// </summary>
public static class StatusTestSupport
{
    public const string StatussenPath = "/zaken/api/v1/statussen";
    public const string ResultatenPath = "/zaken/api/v1/resultaten";

    public static Task<HttpResponseMessage> PostStatusAsync(this ZakenApp app, string zaak, string statustype, string datum,
        string clientId = ZakenApp.Beheerder, string? gezetdoor = null) =>
        app.Client(clientId).PostAsJsonAsync(StatussenPath, new Dictionary<string, object?>
        {
            ["zaak"] = zaak,
            ["statustype"] = statustype,
            ["datumStatusGezet"] = datum,
            ["statustoelichting"] = "Toelichting",
            ["gezetdoor"] = gezetdoor,
        }, TestJson.Options);

    public static async Task<JsonObject> CreateStatusAsync(this ZakenApp app, string zaak, string statustype, string datum,
        string clientId = ZakenApp.Beheerder)
    {
        var response = await app.PostStatusAsync(zaak, statustype, datum, clientId);
        return await CreatedAsync(response, "statussen");
    }

    public static Task<HttpResponseMessage> PostResultaatAsync(this ZakenApp app, string zaak, string resultaattype,
        string clientId = ZakenApp.Beheerder, string toelichting = "Afgehandeld") =>
        app.Client(clientId).PostAsJsonAsync(ResultatenPath, new { zaak, resultaattype, toelichting }, TestJson.Options);

    public static async Task<JsonObject> CreateResultaatAsync(this ZakenApp app, string zaak, string resultaattype, string clientId = ZakenApp.Beheerder) =>
        await CreatedAsync(await app.PostResultaatAsync(zaak, resultaattype, clientId), "resultaten");

    /// <summary>Gives the zaak a resultaat and sets the eindstatus on <paramref name="datum"/>; returns the eindstatus.</summary>
    public static async Task<JsonObject> CloseAsync(this ZakenApp app, string zaak, ZaaktypeSet set, string datum = "2024-03-10T12:00:00Z")
    {
        await app.CreateResultaatAsync(zaak, set.Resultaattype);
        return await app.CreateStatusAsync(zaak, set.Eindstatustype, datum);
    }

    public static async Task<JsonObject> CreatedAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {what}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static Guid UuidOf(string url) => Guid.Parse(url.TrimEnd('/').Split('/')[^1]);

    public static async Task<long> ZaakIdAsync(this ZakenApp app, string zaakUrl) =>
        await app.QueryAsync<long>("SELECT id FROM zaak WHERE uuid = @uuid", new { uuid = UuidOf(zaakUrl) });

    /// <summary>A zaak column as text (null stays null): einddatum, archiefnominatie, archiefactiedatum, startdatum_bewaartermijn.</summary>
    public static Task<string?> ZaakKolomAsync(this ZakenApp app, string zaakUrl, string column) =>
        app.QueryAsync<string?>($"SELECT {column}::text FROM zaak WHERE uuid = @uuid", new { uuid = UuidOf(zaakUrl) });

    /// <summary>Runs a statement in the <c>zaken</c> schema; returns the number of rows it touched.</summary>
    public static async Task<int> ExecAsync(this ZakenApp app, string sql, object? parameters = null)
    {
        await using var c = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { SearchPath = "zaken,public" }.ConnectionString);
        return await c.ExecuteAsync(sql, parameters);
    }

    /// <summary>A stubbed informatieobject in the Documenten WireMock server; returns its URL.</summary>
    public static string StubDocument(this ZakenApp app, bool? indicatieGebruiksrecht = true, bool locked = false, Guid? uuid = null)
    {
        var id = uuid ?? Guid.NewGuid();
        var path = $"/documenten/api/v1/enkelvoudiginformatieobjecten/{id}";
        var url = app.Documenten.Url + path;
        app.Documenten.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject
                {
                    ["url"] = url,
                    ["identificatie"] = "DOC-" + id.ToString("N")[..6],
                    ["indicatieGebruiksrecht"] = indicatieGebruiksrecht,
                    ["locked"] = locked,
                }.ToJsonString()));
        return url;
    }

    /// <summary>A stubbed besluit (Besluiten API shape, on the Documenten WireMock host which is allow-listed); returns its URL.</summary>
    public static string StubBesluit(this ZakenApp app, string ingangsdatum, string? vervaldatum)
    {
        var id = Guid.NewGuid();
        var path = $"/besluiten/api/v1/besluiten/{id}";
        var url = app.Documenten.Url + path;
        app.Documenten.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject
                {
                    ["url"] = url,
                    ["identificatie"] = "BESLUIT-" + id.ToString("N")[..6],
                    ["datum"] = ingangsdatum,
                    ["ingangsdatum"] = ingangsdatum,
                    ["vervaldatum"] = vervaldatum,
                }.ToJsonString()));
        return url;
    }

    /// <summary>A zaakinformatieobject row (the ZIO endpoints belong to another resource), visible (mirror done) by default.</summary>
    public static async Task<Guid> InsertZioAsync(this ZakenApp app, string zaakUrl, string informatieobject, string? status = null,
        string mirror = "done")
    {
        var uuid = Guid.NewGuid();
        var gegevens = new JsonObject { ["titel"] = "Document", ["status"] = status }.ToJsonString();
        await app.ExecAsync("""
            INSERT INTO zaakinformatieobject (uuid, zaak_id, informatieobject, gegevens, mirror)
            SELECT @uuid, id, @informatieobject, @gegevens::jsonb, @mirror FROM zaak WHERE uuid = @zaak
            """, new { uuid, informatieobject, gegevens, mirror, zaak = UuidOf(zaakUrl) });
        return uuid;
    }

    public static Task InsertZaakeigenschapAsync(this ZakenApp app, string zaakUrl, string eigenschap, string naam, string waarde) =>
        app.ExecAsync("""
            INSERT INTO zaakeigenschap (uuid, zaak_id, eigenschap, naam, waarde)
            SELECT @uuid, id, @eigenschap, @naam, @waarde FROM zaak WHERE uuid = @zaak
            """, new { uuid = Guid.NewGuid(), eigenschap, naam, waarde, zaak = UuidOf(zaakUrl) });

    public static Task InsertZaakobjectAsync(this ZakenApp app, string zaakUrl, string objectType, JsonObject objectIdentificatie) =>
        app.ExecAsync("""
            INSERT INTO zaakobject (uuid, zaak_id, object_type, gegevens)
            SELECT @uuid, id, @objectType, @gegevens::jsonb FROM zaak WHERE uuid = @zaak
            """, new
        {
            uuid = Guid.NewGuid(), objectType, zaak = UuidOf(zaakUrl),
            gegevens = new JsonObject { ["objectIdentificatie"] = objectIdentificatie, ["relatieomschrijving"] = "" }.ToJsonString(),
        });

    public static Task InsertZaakbesluitAsync(this ZakenApp app, string zaakUrl, string besluit) =>
        app.ExecAsync("""
            INSERT INTO zaakbesluit (uuid, zaak_id, besluit) SELECT @uuid, id, @besluit FROM zaak WHERE uuid = @zaak
            """, new { uuid = Guid.NewGuid(), besluit, zaak = UuidOf(zaakUrl) });

    public static Task SetHoofdzaakAsync(this ZakenApp app, string deelzaakUrl, string hoofdzaakUrl) =>
        app.ExecAsync("UPDATE zaak SET hoofdzaak_id = (SELECT id FROM zaak WHERE uuid = @hoofdzaak) WHERE uuid = @deelzaak",
            new { hoofdzaak = UuidOf(hoofdzaakUrl), deelzaak = UuidOf(deelzaakUrl) });

    /// <summary>A rol row of the zaak (the rollen endpoints belong to another resource); returns its URL.</summary>
    public static async Task<string> InsertRolAsync(this ZakenApp app, string zaakUrl, string roltype)
    {
        var uuid = Guid.NewGuid();
        await app.ExecAsync("""
            INSERT INTO rol (uuid, zaak_id, betrokkene_type, roltype, omschrijving, omschrijving_generiek, gegevens)
            SELECT @uuid, id, 'medewerker', @roltype, 'Behandelaar', 'behandelaar', '{}'::jsonb FROM zaak WHERE uuid = @zaak
            """, new { uuid, roltype, zaak = UuidOf(zaakUrl) });
        return $"{ZakenApp.ApiRoot}/rollen/{uuid}";
    }

    /// <summary>The audit records of a zaak for <paramref name="resource"/>, as "actie" strings oldest first.</summary>
    public static async Task<string> AuditActiesAsync(this ZakenApp app, string zaakUrl, string resource) =>
        await app.QueryAsync<string>(
            "SELECT coalesce(string_agg(actie, ',' ORDER BY aanmaakdatum), '') FROM audittrail WHERE hoofd_object = @zaakUrl AND resource = @resource",
            new { zaakUrl, resource }) ?? "";
}
