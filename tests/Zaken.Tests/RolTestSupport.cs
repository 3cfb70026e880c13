using System.Net;
using System.Text.Json.Nodes;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>Helpers of the tests of the zaak's related resources (rollen, zaakobjecten, klantcontacten, links).</summary>
public static class SubresourceTestSupport
{
    public const string ApiPath = "/zaken/api/v1";

    /// <summary>Sends <paramref name="body"/> with <paramref name="method"/> to <paramref name="path"/> as <paramref name="clientId"/>.</summary>
    public static Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(this ZakenApp app, HttpMethod method, string path, object? body = null,
        string clientId = ZakenApp.Beheerder, string? toelichting = null) =>
        app.Client(clientId).SendJsonAsync(method, path.StartsWith("http", StringComparison.Ordinal) ? ZakenApp.PathOf(path) : path, body, toelichting);

    /// <summary>POSTs to a collection and asserts 201 with a Location equal to the body's url.</summary>
    public static async Task<JsonObject> CreatedAsync(this ZakenApp app, string collection, object body, string clientId = ZakenApp.Beheerder)
    {
        var (response, json) = await app.SendAsync(HttpMethod.Post, $"{ApiPath}/{collection}", body, clientId);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {collection}: {(int)response.StatusCode} {json?.ToJsonString()}");
        Assert.Equal(ZakenApp.Url(json!.AsObject()), response.Headers.Location?.ToString());
        return json.AsObject();
    }

    /// <summary>Closes the zaak the way the eindstatus does (einddatum set), without the status resource (zrc-007 tests).</summary>
    public static Task CloseAsync(this ZakenApp app, JsonObject zaak) =>
        app.QueryAsync<int>("UPDATE zaak SET einddatum = startdatum WHERE uuid = @uuid", new { uuid = Guid.Parse(zaak["uuid"]!.GetValue<string>()) });

    /// <summary>Gives the zaak another archiefstatus (as an archived zaak has).</summary>
    public static Task ArchiveerAsync(this ZakenApp app, JsonObject zaak) =>
        app.QueryAsync<int>("""
            UPDATE zaak SET archiefstatus = 'gearchiveerd', archiefnominatie = 'vernietigen', archiefactiedatum = '2030-01-01'
            WHERE uuid = @uuid
            """, new { uuid = Guid.Parse(zaak["uuid"]!.GetValue<string>()) });

    /// <summary>How many audit records of <paramref name="resource"/> with <paramref name="actie"/> the zaak has for <paramref name="resourceUrl"/>.</summary>
    public static Task<long> AuditCountAsync(this ZakenApp app, JsonObject zaak, string resourceUrl, string actie) =>
        app.QueryAsync<long>("SELECT count(*) FROM audittrail WHERE hoofd_object = @zaak AND resource_url = @resourceUrl AND actie = @actie",
            new { zaak = ZakenApp.Url(zaak), resourceUrl, actie });

    /// <summary>The notifications of the zaak about <paramref name="resourceUrl"/>, as (resource, actie) pairs.</summary>
    public static async Task<List<(string Resource, string Actie)>> NotificationsOfAsync(this ZakenApp app, JsonObject zaak, string resourceUrl) =>
        (await app.NotificationsAsync(ZakenApp.Url(zaak)))
        .Where(n => n["resourceUrl"]!.GetValue<string>() == resourceUrl)
        .Select(n => (n["resource"]!.GetValue<string>(), n["actie"]!.GetValue<string>()))
        .ToList();

    /// <summary>Every attribute of <paramref name="sent"/> is in <paramref name="rendered"/> with the same value (nested groups alike).</summary>
    public static void AssertContains(JsonObject sent, JsonObject rendered)
    {
        foreach (var (key, value) in sent)
        {
            Assert.True(rendered.ContainsKey(key), $"missing {key} in {rendered.ToJsonString()}");
            if (value is JsonObject nested)
                AssertContains(nested, rendered[key]!.AsObject());
            else
                Assert.Equal(value?.ToJsonString(), rendered[key]?.ToJsonString());
        }
    }

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    public static string Unique(string prefix = "") => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A unique string of digits of the given length (filters compare identifiers exactly).</summary>
    public static string Digits(int length) =>
        string.Concat(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).Select(b => (char)('0' + b % 10)))[..length];
}
