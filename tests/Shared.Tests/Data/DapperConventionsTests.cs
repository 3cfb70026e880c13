using Dapper;
using Zgw.Data;
using Zgw.Testing;

namespace Shared.Tests.Data;

public sealed class DapperConventionsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private sealed class ZaakRow
    {
        public string Identificatie { get; init; } = "";
        public DateOnly Startdatum { get; init; }
        public DateOnly? EinddatumGepland { get; init; }
        public string? BetalingsindicatieWeergave { get; init; }
    }

    [Fact]
    public async Task SnakeCaseColumns_AndDates_MapOntoRecords()
    {
        DapperConventions.Apply();
        await using var ds = database.CreateDataSource();
        await using var c = await ds.OpenConnectionAsync();
        var row = await c.QuerySingleAsync<ZaakRow>("""
            SELECT 'ZAAK-1' AS identificatie, DATE '2024-02-29' AS startdatum, NULL::date AS einddatum_gepland,
                   'Nog niet' AS betalingsindicatie_weergave
            """);
        Assert.Equal(new DateOnly(2024, 2, 29), row.Startdatum);
        Assert.Null(row.EinddatumGepland);
        Assert.Equal("Nog niet", row.BetalingsindicatieWeergave);

        var back = await c.ExecuteScalarAsync<string>("SELECT (@d::date + 1)::text", new { d = new DateOnly(2024, 2, 29) });
        Assert.Equal("2024-03-01", back);
    }
}
