using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Query;
using Zgw.ServiceDefaults;
using Zgw.Testing;

namespace Shared.Tests.Http;

/// <summary>A request record like a resource's contracts: nullable fields checked by Validate.</summary>
public sealed record VoorbeeldRequest(string? Omschrijving, DateOnly? Startdatum, int? Aantal, string? Zaaktype, List<string>? Trefwoorden)
    : IValidatable
{
    public void Validate(Validator v)
    {
        v.Required("omschrijving", Omschrijving);
        v.MaxLength("omschrijving", Omschrijving, 10);
        v.Required("startdatum", Startdatum);
        v.Url("zaaktype", Zaaktype);
    }
}

/// <summary>
/// A small API built with the shared machinery exactly as a service does it, to test the ZGW HTTP
/// semantics end to end (TestServer, real pipeline).
/// </summary>
public static class ZgwTestApi
{
    public const string Component = "zrc";
    public const string ClientId = "test-client";
    public const string Secret = "geheim"; // 6 bytes: ZGW clients use short secrets (ARCHITECTURE §11.2)
    public const string LimitedClientId = "limited-client";
    public const string AllClientId = "all-client";

    public static readonly FilterSet Filters = new FilterSet()
        .Add("nummer", FilterKind.Int, "n", FilterOps.Exact | FilterOps.Comparisons)
        .Allow(PageRequest.Parameters);

    public static Dictionary<string, string?> Settings(long maxBody = 20 * 1024 * 1024) => new()
    {
        ["Zgw:PublicBaseUrl"] = "https://zgw.example.nl",
        ["Zgw:MaxJsonBodyBytes"] = maxBody.ToString(),
        ["Zgw:Clients:0:ClientId"] = ClientId,
        ["Zgw:Clients:0:Secret"] = Secret,
        ["Zgw:Clients:0:Autorisaties:0:Component"] = Component,
        ["Zgw:Clients:0:Autorisaties:0:Scopes:0"] = "zaken.lezen",
        ["Zgw:Clients:0:Autorisaties:0:Scopes:1"] = "zaken.aanmaken",
        ["Zgw:Clients:0:Autorisaties:0:Zaaktype"] = "https://zgw.example.nl/catalogi/api/v1/zaaktypen/1",
        ["Zgw:Clients:0:Autorisaties:0:MaxVertrouwelijkheidaanduiding"] = "zaakvertrouwelijk",
        ["Zgw:Clients:1:ClientId"] = LimitedClientId,
        ["Zgw:Clients:1:Secret"] = Secret,
        ["Zgw:Clients:1:Autorisaties:0:Component"] = "ztc",
        ["Zgw:Clients:1:Autorisaties:0:Scopes:0"] = "catalogi.lezen",
        ["Zgw:Clients:2:ClientId"] = AllClientId,
        ["Zgw:Clients:2:Secret"] = "een-ander-geheim",
        ["Zgw:Clients:2:HeeftAlleAutorisaties"] = "true",
    };

    public static Task<TestApp> StartAsync(long maxBody = 20 * 1024 * 1024, IDictionary<string, string?>? extra = null) =>
        TestApp.StartAsync(new Dictionary<string, string?>(Settings(maxBody).Concat(extra ?? new Dictionary<string, string?>())),
        builder =>
        {
            builder.AddZgwServiceDefaults("test");
            builder.AddZgwApi();
        },
        app =>
        {
            app.UseZgwApi();
            app.UseZgwServiceDefaults("1.5.1");
            var api = app.MapZgwApi("/zaken/api/v1");
            api.MapPost("/voorbeelden", async (HttpContext ctx) =>
            {
                var body = await ZgwBody.ReadAsync<VoorbeeldRequest>(ctx);
                return Results.Created("https://zgw.example.nl/zaken/api/v1/voorbeelden/1", body);
            }).RequireScopes(Component, "zaken.aanmaken");
            api.MapGet("/getallen", (HttpContext ctx) =>
            {
                var where = Filters.Parse(ctx.Request.Query);
                var page = PageRequest.From(ctx.Request.Query);
                var all = Enumerable.Range(1, 250).ToList();
                var results = all.Skip(page.Offset).Take(page.Size).ToList();
                return Results.Ok(Paging.Create(ctx, page, all.Count, results) with { });
            }).RequireScopes(Component, "zaken.lezen");
            api.MapGetWithHead("/voorbeelden/{id:int}", (int id) =>
                HttpCaching.JsonWithETag(new { url = $"https://zgw.example.nl/zaken/api/v1/voorbeelden/{id}", id }))
                .RequireScopes(Component, "zaken.lezen");
            api.MapMethods("/geo", ["GET", "POST", "DELETE"], () => Results.Ok(new { ok = true }))
                .RequireCrs().RequireScopes(Component, "zaken.lezen");
            api.MapGet("/kapot", IResult () => throw new InvalidOperationException("secret internal detail"))
                .RequireScopes(Component, "zaken.lezen");
            api.MapGet("/download", () => Results.Bytes([1, 2, 3], "application/octet-stream"))
                .WithMetadata(new ZgwProducesMetadata("application/octet-stream"))
                .RequireScopes(Component, "zaken.lezen");
        });

    public static HttpClient Client(this TestApp app, string clientId = ClientId, string secret = Secret) =>
        app.CreateClient().WithToken(clientId, secret);
}

/// <summary>A test class that talks to <see cref="ZgwTestApi"/> as the configured test client.</summary>
public abstract class ZgwTestApiTests(long maxBody = 20 * 1024 * 1024) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await ZgwTestApi.StartAsync(maxBody);
        Client = App.Client();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
