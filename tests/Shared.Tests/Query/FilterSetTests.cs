using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Testing;

namespace Shared.Tests.Query;

/// <summary>
/// The ZGW filter suffixes become SQL with parameters, proven by running the generated WHERE clauses on
/// real PostgreSQL; bad values and unknown parameters are a 400 (ZGW G3).
/// </summary>
public sealed class FilterSetTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly FilterSet Filters = new FilterSet()
        .Add("identificatie", FilterKind.Text, "z.identificatie", FilterOps.Exact | FilterOps.IContains)
        .Add("bronorganisatie", FilterKind.Text, "z.bronorganisatie", FilterOps.Exact | FilterOps.In)
        .Add("zaaktype", FilterKind.Url, "z.zaaktype")
        .Add("startdatum", FilterKind.Date, "z.startdatum", FilterOps.Exact | FilterOps.Comparisons)
        .Add("einddatum", FilterKind.Date, "z.einddatum", FilterOps.Exact | FilterOps.IsNull | FilterOps.Gt | FilterOps.Lt)
        .Add("archiefnominatie", FilterKind.Choice, "z.archiefnominatie", FilterOps.Exact | FilterOps.In, ["blijvend_bewaren", "vernietigen"])
        .Add("rol__betrokkeneType", FilterKind.Text,
            "EXISTS (SELECT 1 FROM rol r WHERE r.zaak_id = z.id AND {column})", column: "r.betrokkene_type")
        .Add("uuid", FilterKind.Uuid, "z.uuid", FilterOps.In)
        .Allow("page", "expand");

    private NpgsqlDataSource _db = null!;

    public async Task InitializeAsync()
    {
        _db = database.CreateDataSource();
        await using var c = await _db.OpenConnectionAsync();
        await c.ExecuteAsync("""
            DROP TABLE IF EXISTS rol; DROP TABLE IF EXISTS zaak;
            CREATE TABLE zaak (id int PRIMARY KEY, uuid uuid, identificatie text, bronorganisatie text, zaaktype text,
                               startdatum date, einddatum date, archiefnominatie text);
            CREATE TABLE rol (zaak_id int, betrokkene_type text);
            INSERT INTO zaak VALUES
              (1, '00000000-0000-0000-0000-000000000001', 'ZAAK-2024-1', '000000000', 'https://x.nl/zt/1', '2024-01-01', NULL, 'vernietigen'),
              (2, '00000000-0000-0000-0000-000000000002', 'ZAAK-2024-2', '111111110', 'https://x.nl/zt/1', '2024-02-01', '2024-03-01', 'blijvend_bewaren'),
              (3, '00000000-0000-0000-0000-000000000003', 'ANDERS_%',   '222222220', 'https://x.nl/zt/2', '2024-03-01', '2024-04-01', NULL);
            INSERT INTO rol VALUES (1, 'natuurlijk_persoon'), (3, 'medewerker');
            """);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<int[]> Ids(string query)
    {
        var where = Filters.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));
        await using var c = await _db.OpenConnectionAsync();
        return (await c.QueryAsync<int>($"SELECT id FROM zaak z WHERE {where.Sql} ORDER BY id", new DynamicParameters(where.Parameters))).ToArray();
    }

    [Theory]
    [InlineData("", new[] { 1, 2, 3 })]
    [InlineData("?identificatie=ZAAK-2024-2", new[] { 2 })]
    [InlineData("?identificatie__icontains=zaak-2024", new[] { 1, 2 })]
    [InlineData("?identificatie__icontains=_%25", new[] { 3 })]
    [InlineData("?bronorganisatie__in=000000000,222222220", new[] { 1, 3 })]
    [InlineData("?zaaktype=https://x.nl/zt/1", new[] { 1, 2 })]
    [InlineData("?startdatum=2024-02-01", new[] { 2 })]
    [InlineData("?startdatum__gt=2024-01-01", new[] { 2, 3 })]
    [InlineData("?startdatum__gte=2024-02-01", new[] { 2, 3 })]
    [InlineData("?startdatum__lt=2024-03-01", new[] { 1, 2 })]
    [InlineData("?startdatum__lte=2024-02-01", new[] { 1, 2 })]
    [InlineData("?startdatum__gte=2024-02-01&startdatum__lt=2024-03-01", new[] { 2 })]
    [InlineData("?einddatum__isnull=true", new[] { 1 })]
    [InlineData("?einddatum__isnull=false", new[] { 2, 3 })]
    [InlineData("?archiefnominatie__in=vernietigen,blijvend_bewaren", new[] { 1, 2 })]
    [InlineData("?rol__betrokkeneType=medewerker", new[] { 3 })]
    [InlineData("?uuid__in=00000000-0000-0000-0000-000000000001,00000000-0000-0000-0000-000000000003", new[] { 1, 3 })]
    [InlineData("?page=2&expand=zaaktype", new[] { 1, 2, 3 })]
    public async Task Filter_SelectsTheMatchingRows(string query, int[] expected) =>
        Assert.Equal(expected, await Ids(query));

    [Fact]
    public async Task ValuesAreParameters_NotSqlText()
    {
        var where = Filters.Parse(new QueryCollection(QueryHelpers.ParseQuery("?identificatie=x' OR '1'='1")));
        Assert.DoesNotContain("OR", where.Sql);
        Assert.Empty(await Ids("?identificatie=x' OR '1'='1"));
    }

    [Theory]
    [InlineData("?startdatum=31-01-2024", "startdatum")]
    [InlineData("?startdatum__gt=morgen", "startdatum__gt")]
    [InlineData("?einddatum__isnull=misschien", "einddatum__isnull")]
    [InlineData("?zaaktype=geen-url", "zaaktype")]
    [InlineData("?archiefnominatie=weggooien", "archiefnominatie")]
    [InlineData("?uuid__in=abc", "uuid__in")]
    public void BadValue_Is400NamingTheParameter(string query, string name)
    {
        var e = Assert.Throws<ZgwException>(() => Filters.Parse(new QueryCollection(QueryHelpers.ParseQuery(query))));
        Assert.Equal(400, e.Status);
        Assert.Contains(e.InvalidParams!, p => p.Name == name && p.Code == "invalid");
    }

    [Theory]
    [InlineData("?zaaktype__in=x")]
    [InlineData("?identificatie__gt=x")]
    [InlineData("?pageSize=5")]
    [InlineData("?Identificatie=x")]
    public void UnknownParameterOrSuffix_Is400UnknownParameters(string query)
    {
        var e = Assert.Throws<ZgwException>(() => Filters.Parse(new QueryCollection(QueryHelpers.ParseQuery(query))));
        Assert.Contains(e.InvalidParams!, p => p.Name == "nonFieldErrors" && p.Code == "unknown-parameters");
    }
}
