using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Xunit;

namespace Zgw.Testing;

/// <summary>
/// A throwaway database for one test class (use as <c>IClassFixture&lt;PostgresDatabase&gt;</c>): created
/// with PostGIS on first use, dropped with <c>WITH (FORCE)</c> at the end because the app's pooled
/// connections may still be open.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresAdmin)
    {
        Database = Name,
        MaxPoolSize = 20,
    }.ConnectionString;

    public async Task InitializeAsync()
    {
        await ExecuteAdminAsync($"CREATE DATABASE {Name}");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    public NpgsqlDataSource CreateDataSource(string? searchPath = null)
    {
        var builder = new NpgsqlDataSourceBuilder(ConnectionString);
        if (searchPath is not null)
            builder.ConnectionStringBuilder.SearchPath = searchPath;
        return builder.Build();
    }

    /// <summary>A connection (not yet open) with <paramref name="searchPath"/>, e.g. <c>zaken,public</c>.</summary>
    public NpgsqlConnection Connect(string searchPath) =>
        new(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = searchPath }.ConnectionString);

    /// <summary>The notifications a service wrote to its outbox (found through <paramref name="searchPath"/>) for <paramref name="hoofdObject"/>, oldest first.</summary>
    public async Task<List<JsonObject>> OutboxNotificationsAsync(string searchPath, string hoofdObject)
    {
        await using var connection = Connect(searchPath);
        var rows = await connection.QueryAsync<string>(
            "SELECT payload::text FROM outbox WHERE payload ->> 'hoofdObject' = @hoofdObject ORDER BY seq", new { hoofdObject });
        return rows.Select(r => JsonNode.Parse(r)!.AsObject()).ToList();
    }

    private static async Task ExecuteAdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresAdmin) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
