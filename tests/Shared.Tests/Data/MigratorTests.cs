using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Zgw.Data.Migrations;
using Zgw.Testing;

namespace Shared.Tests.Data;

/// <summary>The migrations runner: ordered, journaled, forward-only, safe under concurrent replicas.</summary>
public sealed class MigratorTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly MigrationScript[] Scripts =
    [
        new("svc/0001_initial", "CREATE TABLE voorbeeld (id int PRIMARY KEY);"),
        new("svc/0002_kolom", "ALTER TABLE voorbeeld ADD COLUMN naam text; INSERT INTO voorbeeld VALUES (1, 'een');"),
    ];

    private Migrator For(string schema, NpgsqlDataSource ds) => new(ds, schema, NullLogger.Instance);

    [Fact]
    public async Task AppliesScriptsInOrder_IntoItsOwnSchema_AndJournalsThem()
    {
        await using var ds = database.CreateDataSource();
        Assert.Equal(2, await For("svc_a", ds).MigrateAsync(Scripts));

        await using var c = await ds.OpenConnectionAsync();
        Assert.Equal("een", await c.ExecuteScalarAsync<string>("SELECT naam FROM svc_a.voorbeeld WHERE id = 1"));
        Assert.Equal(["svc/0001_initial", "svc/0002_kolom"],
            await c.QueryAsync<string>("SELECT id FROM svc_a.schema_migrations ORDER BY id"));
    }

    [Fact]
    public async Task SecondRun_AppliesNothing()
    {
        await using var ds = database.CreateDataSource();
        await For("svc_b", ds).MigrateAsync(Scripts);
        Assert.Equal(0, await For("svc_b", ds).MigrateAsync(Scripts));
    }

    [Fact]
    public async Task ConcurrentRuns_ApplyEachScriptOnce()
    {
        await using var ds = database.CreateDataSource();
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => For("svc_c", ds).MigrateAsync(Scripts))));
        Assert.Equal(2, results.Sum());
        await using var c = await ds.OpenConnectionAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM svc_c.voorbeeld"));
    }

    [Fact]
    public async Task ChangedAppliedScript_StopsTheRun()
    {
        await using var ds = database.CreateDataSource();
        await For("svc_d", ds).MigrateAsync(Scripts);
        var changed = new[] { Scripts[0] with { Sql = "CREATE TABLE voorbeeld (id bigint PRIMARY KEY);" }, Scripts[1] };
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => For("svc_d", ds).MigrateAsync(changed));
        Assert.Contains("forward-only", e.Message);
    }

    [Fact]
    public async Task FailingScript_LeavesNoTraceOfItself()
    {
        await using var ds = database.CreateDataSource();
        var broken = new MigrationScript("svc/0003_kapot", "CREATE TABLE half (id int); SELECT * FROM bestaat_niet;");
        await Assert.ThrowsAsync<PostgresException>(() => For("svc_e", ds).MigrateAsync([.. Scripts, broken]));

        await using var c = await ds.OpenConnectionAsync();
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT count(*) FROM svc_e.schema_migrations"));
        Assert.Null(await c.ExecuteScalarAsync<string>("SELECT to_regclass('svc_e.half')::text"));
    }

    [Fact]
    public void SharedScripts_AreEmbedded()
    {
        Assert.Contains(MigrationScript.Outbox, s => s.Id == "zgw/0001_outbox" && s.Sql.Contains("CREATE TABLE outbox"));
        Assert.Contains(MigrationScript.AuditTrail, s => s.Id == "zgw/0002_audittrail" && s.Sql.Contains("CREATE TABLE audittrail"));
    }
}
