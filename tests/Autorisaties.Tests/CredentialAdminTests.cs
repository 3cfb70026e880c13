using System.Net;
using System.Net.Http.Json;
using System.Text;
using Autorisaties.Api.Admin;
using Microsoft.Extensions.DependencyInjection;
using Zgw.Testing;

namespace Autorisaties.Tests;

/// <summary>The non-standard admin API for client secrets, the CLI verb, and the internal endpoint for verifiers.</summary>
[Collection(AutorisatiesCollection.Name)]
public sealed class CredentialAdminTests(AutorisatiesApp app)
{
    private const string Credentials = "/autorisaties/admin/v1/credentials";

    private static object Lezer(string secret) => new
    {
        secret,
        label = "Lezer via admin",
        autorisaties = new[] { new { component = "ac", scopes = new[] { "autorisaties.lezen" } } },
    };

    [Theory]
    [InlineData(null)]
    [InlineData("fout")]
    public async Task WithoutTheAdminKey_Is403(string? key)
    {
        var response = await app.Admin(key).PutAsJsonAsync($"{Credentials}/x", new { secret = "s" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RegisteredClient_CanUseTheApi_WithExactlyItsAutorisaties()
    {
        var clientId = AutorisatiesApp.NewClientId();
        var put = await app.Admin().PutAsJsonAsync($"{Credentials}/{clientId}", Lezer("een-lang-genoeg-geheim-van-32-bytes!"));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.False(put.Headers.Contains("Warning"));

        var client = app.Client(clientId, "een-lang-genoeg-geheim-van-32-bytes!");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/autorisaties/api/v1/applicaties")).StatusCode);
        await ProblemAssert.IsProblemAsync(
            await client.PostAsJsonAsync("/autorisaties/api/v1/applicaties", new { clientIds = new[] { "y" }, label = "y", heeftAlleAutorisaties = true }),
            HttpStatusCode.Forbidden, "permission_denied");
        var consumer = AutorisatiesApp.Json(await app.Client().GetStringAsync($"/autorisaties/api/v1/applicaties/consumer?clientId={clientId}"));
        Assert.Equal("Lezer via admin", consumer.GetProperty("label").GetString());
    }

    [Fact]
    public async Task ShortSecret_IsAccepted_WithAWarning()
    {
        var put = await app.Admin().PutAsJsonAsync($"{Credentials}/{AutorisatiesApp.NewClientId()}", new { secret = "kort" });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Contains("32 bytes", put.Headers.GetValues("Warning").Single());
    }

    [Fact]
    public async Task Secret_IsEncryptedAtRest()
    {
        var clientId = AutorisatiesApp.NewClientId();
        await app.Admin().PutAsJsonAsync($"{Credentials}/{clientId}", new { secret = "herkenbaar-geheim-1234567890" });
        var stored = await app.QueryAsync<byte[]>("SELECT secret FROM credential WHERE client_id = @clientId", new { clientId });
        Assert.DoesNotContain("herkenbaar", Encoding.UTF8.GetString(stored));
        Assert.True(stored.Length > "herkenbaar-geheim-1234567890".Length);
    }

    [Fact]
    public async Task Rotation_ReplacesTheSecret_AndRevocationEndsAccess()
    {
        var clientId = AutorisatiesApp.NewClientId();
        await app.Admin().PutAsJsonAsync($"{Credentials}/{clientId}", Lezer("eerste-geheim"));
        Assert.Equal(HttpStatusCode.OK, (await app.Client(clientId, "eerste-geheim").GetAsync("/autorisaties/api/v1/applicaties")).StatusCode);

        await app.Admin().PutAsJsonAsync($"{Credentials}/{clientId}", new { secret = "tweede-geheim" });
        await ProblemAssert.IsProblemAsync(await app.Client(clientId, "eerste-geheim").GetAsync("/autorisaties/api/v1/applicaties"),
            HttpStatusCode.Forbidden, "not_authenticated");
        Assert.Equal(HttpStatusCode.OK, (await app.Client(clientId, "tweede-geheim").GetAsync("/autorisaties/api/v1/applicaties")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().DeleteAsync($"{Credentials}/{clientId}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await app.Client(clientId, "tweede-geheim").GetAsync("/autorisaties/api/v1/applicaties"),
            HttpStatusCode.Forbidden, "not_authenticated");
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin().DeleteAsync($"{Credentials}/{clientId}")).StatusCode);
    }

    [Fact]
    public async Task AdminApplicatie_FollowsTheSameRules()
    {
        var response = await app.Admin().PutAsJsonAsync($"{Credentials}/{AutorisatiesApp.NewClientId()}", new
        {
            secret = "s", autorisaties = new[] { new { component = "zrc", scopes = new[] { "zaken.lezen" } } },
        });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "autorisaties.0.zaaktype", "required");
    }

    [Fact]
    public async Task InternalEndpoint_GivesVerifiersTheSecretAndApplicatie_OnlyWithTheServiceScope()
    {
        var clientId = AutorisatiesApp.NewClientId();
        await app.Admin().PutAsJsonAsync($"{Credentials}/{clientId}", Lezer("intern-geheim"));

        var material = AutorisatiesApp.Json(await app.Client(AutorisatiesApp.ServiceClient).GetStringAsync($"/autorisaties/internal/v1/clients/{clientId}"));
        Assert.Equal("intern-geheim", Encoding.UTF8.GetString(Convert.FromBase64String(material.GetProperty("secrets")[0].GetString()!)));
        Assert.Equal("autorisaties.lezen", material.GetProperty("applicatie").GetProperty("autorisaties")[0].GetProperty("scopes")[0].GetString());

        await ProblemAssert.IsProblemAsync(await app.Client(AutorisatiesApp.Lezer).GetAsync($"/autorisaties/internal/v1/clients/{clientId}"),
            HttpStatusCode.Forbidden, "permission_denied");
        await ProblemAssert.IsProblemAsync(await app.Client(AutorisatiesApp.ServiceClient).GetAsync("/autorisaties/internal/v1/clients/onbekend"),
            HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task CliVerb_SetsAndRevokesASecret()
    {
        var clientId = AutorisatiesApp.NewClientId();
        var originalIn = Console.In;
        try
        {
            Console.SetIn(new StringReader("cli-geheim\n"));
            var code = await CredentialCommand.RunAsync(Host(), ["set", clientId]);
            Assert.Equal(0, code);
        }
        finally
        {
            Console.SetIn(originalIn);
        }
        var repository = app.Factory.Services.GetRequiredService<CredentialRepository>();
        Assert.Equal("cli-geheim", Encoding.UTF8.GetString((await repository.GetSecretsAsync(clientId)).Single()));
        Assert.Equal(0, await CredentialCommand.RunAsync(Host(), ["delete", clientId]));
        Assert.Empty(await repository.GetSecretsAsync(clientId));
        Assert.Equal(2, await CredentialCommand.RunAsync(Host(), ["onzin"]));
    }

    /// <summary>The CLI verb runs on the service's own built host; the test hands it the test host's services.</summary>
    private Microsoft.AspNetCore.Builder.WebApplication Host()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Services.AddSingleton(app.Factory.Services.GetRequiredService<Zgw.Data.ZgwDatabase>());
        builder.Services.AddSingleton(app.Factory.Services.GetRequiredService<CredentialProtector>());
        builder.Services.AddSingleton(app.Factory.Services.GetRequiredService<CredentialRepository>());
        return builder.Build();
    }
}
