using System.Net;
using System.Text.Json.Nodes;
using Zaken.Api.Resources.Zaak;
using Zgw.Testing;

namespace Zaken.Tests;

/// <summary>
/// The count of a zaken list without filters comes from zaak_telling (0005_zaak_telling.sql): it must equal counting the
/// rows, for every caller, after creates, changes of vertrouwelijkheid, deletes and folding the deltas.
/// </summary>
[Collection(ZakenCollection.Name)]
public sealed class ZaakTellingTests(ZakenApp app)
{
    private async Task<int> CountAsync(string clientId, string query = "")
    {
        var response = await app.Zaken(clientId).GetAsync($"/zaken/api/v1/zaken?pageSize=1{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["count"]!.GetValue<int>();
    }

    private Task<long> RowsAsync(string where = "TRUE") => app.QueryAsync<long>($"SELECT count(*) FROM zaak WHERE {where}");

    private Task<long> BeperktRowsAsync() => app.QueryAsync<long>(
        "SELECT count(*) FROM zaak WHERE (zaaktype = @a AND vertrouwelijkheid_rang <= 3) OR (zaaktype = @b AND vertrouwelijkheid_rang <= 0)",
        new { a = app.A.Url, b = app.B.Url });

    private async Task AssertCountsMatchAsync()
    {
        Assert.Equal(await RowsAsync(), await CountAsync(ZakenApp.Beheerder));
        Assert.Equal(await BeperktRowsAsync(), await CountAsync(ZakenApp.Beperkt));
        Assert.Equal(await RowsAsync("vertrouwelijkheid_rang = 0"), await CountAsync(ZakenApp.Beheerder, "&maximaleVertrouwelijkheidaanduiding=openbaar"));
        Assert.Equal(await app.QueryAsync<long>("SELECT count(*) FROM zaak WHERE zaaktype = @a AND vertrouwelijkheid_rang = 0", new { a = app.A.Url }),
            await CountAsync(ZakenApp.Aanmaker, "&maximaleVertrouwelijkheidaanduiding=openbaar"));
    }

    [Fact]
    public async Task CountWithoutFilters_EqualsCountingTheRows_ThroughCreatesChangesDeletesAndFolding()
    {
        await AssertCountsMatchAsync();

        var openbaar = await app.CreateZaakAsync(app.A.Url);
        var intern = await app.CreateZaakAsync(app.B.Url, vertrouwelijkheid: "intern");
        await AssertCountsMatchAsync();

        var (patched, _) = await app.Zaken().SendJsonAsync(HttpMethod.Patch, ZakenApp.PathOf(ZakenApp.Url(openbaar)),
            new { vertrouwelijkheidaanduiding = "geheim" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await AssertCountsMatchAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await app.Zaken().DeleteAsync(ZakenApp.PathOf(ZakenApp.Url(intern)))).StatusCode);
        await AssertCountsMatchAsync();

        await app.QueryAsync<int?>(ZaakTellingCompactor.Sql + " RETURNING NULL");
        Assert.Equal(await app.QueryAsync<long>("SELECT count(*) FROM (SELECT DISTINCT zaaktype, vertrouwelijkheid_rang FROM zaak) p"),
            await app.QueryAsync<long>("SELECT count(*) FROM zaak_telling"));
        await AssertCountsMatchAsync();
    }
}
