using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Zgw.ServiceDefaults;

namespace Zgw.Data;

/// <summary>
/// The service's database: one <see cref="NpgsqlDataSource"/> on <c>ConnectionStrings:Database</c> whose
/// connections work in the service's own schema (search path <c>schema, public</c>; PostGIS lives in public).
/// </summary>
public sealed class ZgwDatabase(NpgsqlDataSource dataSource, string schema)
{
    public NpgsqlDataSource DataSource => dataSource;
    public string Schema => schema;

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it: the data change, its outbox row and its
    /// audit record go together or not at all.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        if (Outbox.OutboxSignal.TakePending(transaction))
            Outbox.OutboxSignal.Pulse(schema);
        return result;
    }

    public static NpgsqlDataSource CreateDataSource(string connectionString, string schema, string applicationName)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.SearchPath = $"{schema},public";
        builder.ConnectionStringBuilder.ApplicationName ??= applicationName;
        // API queries are short and many run at once: a parallel plan costs tens of milliseconds of worker start-up and
        // is chosen on row misestimates (the autorisatie filter of a zaken list at 1M rows went from 44 to 130 ms).
        // A connection string that sets its own Options keeps them.
        builder.ConnectionStringBuilder.Options ??= "-c max_parallel_workers_per_gather=0";
        // Statements run over and over with other values: prepared on the second use, PostgreSQL parses and plans them once
        // per connection. Planning was most of PostgreSQL's CPU on a single-zaak GET (1.7–3.6 ms unprepared, 0.15–0.35 ms
        // prepared; docs/benchmarks.md). "Max Auto Prepare=0" in the connection string turns it off (e.g. behind a pooler
        // in transaction mode that does not support prepared statements).
        if (!HasSetting(connectionString, "Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 200;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        // A connection goes back to the pool without the reset round trip (RESET ALL; CLOSE ALL; UNLISTEN *; …), which
        // cost PostgreSQL as much as the query itself on a single-zaak GET. The services keep no session state on pooled
        // connections: settings are per connection string, advisory locks are per transaction (the migrator unlocks its own).
        if (!HasSetting(connectionString, "No Reset On Close"))
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// <summary>Whether the connection string itself sets <paramref name="key"/> (spelled with or without spaces).</summary>
    private static bool HasSetting(string connectionString, string key)
    {
        static string Normal(string k) => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(k => Normal(k) == Normal(key));
    }
}

public static class ZgwDatabaseExtensions
{
    /// <summary>
    /// Registers <see cref="ZgwDatabase"/> for <paramref name="schema"/>, Dapper's conventions and a readiness
    /// check on the database.
    /// </summary>
    public static WebApplicationBuilder AddZgwDatabase(this WebApplicationBuilder builder, string schema)
    {
        DapperConventions.Apply();
        var connectionString = builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured.");
        var dataSource = ZgwDatabase.CreateDataSource(connectionString, schema, $"openzaak-{schema}");
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton(new ZgwDatabase(dataSource, schema));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}

internal sealed class DatabaseHealthCheck(ZgwDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>("SELECT 1");
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable: " + e.Message);
        }
    }
}
