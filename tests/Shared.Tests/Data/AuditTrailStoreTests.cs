using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Zgw.Data;
using Zgw.Data.AuditTrail;
using Zgw.Data.Migrations;
using Zgw.Testing;

namespace Shared.Tests.Data;

/// <summary>The audit-trail writer (ZGW G8): records commit with the change, read back in the OAS shape.</summary>
public sealed class AuditTrailStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ZgwDatabase _db = null!;
    private const string Zaak = "https://zgw.example.nl/zaken/api/v1/zaken/1";

    public async Task InitializeAsync()
    {
        DapperConventions.Apply();
        var ds = ZgwDatabase.CreateDataSource(database.ConnectionString, "audit", "tests");
        await new Migrator(ds, "audit", NullLogger.Instance).MigrateAsync(MigrationScript.AuditTrail);
        _db = new ZgwDatabase(ds, "audit");
    }

    public async Task DisposeAsync() => await _db.DataSource.DisposeAsync();

    private static AuditTrailRecord Record(string actie, JsonNode? oud, JsonNode? nieuw) => new()
    {
        Bron = "zrc", Actie = actie, Resultaat = 201, HoofdObject = Zaak, Resource = "status",
        ResourceUrl = "https://zgw.example.nl/zaken/api/v1/statussen/1", ApplicatieId = "client", ApplicatieWeergave = "Client",
        GebruikersId = "u1", GebruikersWeergave = "Jan", Toelichting = "uit X-Audit-Toelichting",
        Wijzigingen = new AuditTrailWijzigingen(oud, nieuw),
    };

    [Fact]
    public async Task WrittenInTheTransaction_ReadBackWithWijzigingen()
    {
        var written = await _db.InTransactionAsync((c, tx) => AuditTrailStore.WriteAsync(c, tx,
            Record(AuditActie.Create, null, AuditTrailStore.Snapshot(new { url = "x", statustoelichting = "nieuw" }))));

        await using var connection = await _db.OpenAsync();
        var read = await AuditTrailStore.GetAsync(connection, Zaak, written.Uuid);
        Assert.NotNull(read);
        Assert.Equal("Object aangemaakt", read.ActieWeergave);
        Assert.Equal("uit X-Audit-Toelichting", read.Toelichting);
        Assert.Null(read.Wijzigingen.Oud);
        Assert.Equal("nieuw", read.Wijzigingen.Nieuw!["statustoelichting"]!.GetValue<string>());
        Assert.Contains(await AuditTrailStore.ListAsync(connection, Zaak), r => r.Uuid == written.Uuid);
    }

    [Fact]
    public async Task RolledBack_LeavesNoRecord()
    {
        var before = await Count();
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.InTransactionAsync<int>(async (c, tx) =>
        {
            await AuditTrailStore.WriteAsync(c, tx, Record(AuditActie.Destroy, new JsonObject(), null));
            throw new InvalidOperationException("rule failed after the write");
        }));
        Assert.Equal(before, await Count());
    }

    [Fact]
    public async Task DestroyingTheHoofdobject_DeletesItsTrail()
    {
        const string other = "https://zgw.example.nl/zaken/api/v1/zaken/2";
        await _db.InTransactionAsync((c, tx) => AuditTrailStore.WriteAsync(c, tx, Record(AuditActie.Create, null, new JsonObject()) with { HoofdObject = other }));
        await _db.InTransactionAsync((c, tx) => AuditTrailStore.DeleteAsync(c, tx, other));
        await using var connection = await _db.OpenAsync();
        Assert.Empty(await AuditTrailStore.ListAsync(connection, other));
    }

    private async Task<int> Count()
    {
        await using var c = await _db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT count(*) FROM audittrail");
    }
}
