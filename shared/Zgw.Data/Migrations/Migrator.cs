using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Zgw.Data.Migrations;

/// <summary>One forward-only migration: an id that orders it (<c>zaken/0001_initial</c>) and its SQL.</summary>
public sealed record MigrationScript(string Id, string Sql)
{
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>
    /// The <c>.sql</c> files embedded in <paramref name="assembly"/> (csproj: <c>&lt;EmbeddedResource Include="Database/Migrations/*.sql" /&gt;</c>),
    /// ordered by file name, with ids <c>{group}/{file name without .sql}</c>.
    /// </summary>
    public static IReadOnlyList<MigrationScript> FromAssembly(Assembly assembly, string group)
    {
        var scripts = new List<MigrationScript>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var parts = name[..^4].Split('.');
            scripts.Add(new MigrationScript($"{group}/{parts[^1]}", reader.ReadToEnd()));
        }
        return scripts.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The shared tables of the suite: <c>outbox</c> (every service) — see Zgw.Data/Migrations.</summary>
    public static IReadOnlyList<MigrationScript> Outbox => Shared.Where(s => s.Id.Contains("outbox", StringComparison.Ordinal)).ToList();

    /// <summary>The <c>audittrail</c> table (Zaken, Documenten, Besluiten).</summary>
    public static IReadOnlyList<MigrationScript> AuditTrail => Shared.Where(s => s.Id.Contains("audittrail", StringComparison.Ordinal)).ToList();

    private static IReadOnlyList<MigrationScript> Shared { get; } = FromAssembly(typeof(MigrationScript).Assembly, "zgw");
}

/// <summary>
/// Applies numbered, forward-only SQL migrations to one schema. A session-level <c>pg_advisory_lock</c>
/// per schema makes concurrent replicas (or a Job racing a pod) wait for each other; a journal table
/// records what was applied with a checksum, and an applied script that changed afterwards stops the run.
/// Each script runs in its own transaction together with its journal row.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, string schema, ILogger logger)
{
    public async Task<int> MigrateAsync(IEnumerable<MigrationScript> scripts, CancellationToken cancellationToken = default)
    {
        if (!IsIdentifier(schema))
            throw new ArgumentException($"Invalid schema name '{schema}'.");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = LockKey(schema);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@lockKey)", new { lockKey });
        try
        {
            await connection.ExecuteAsync($"""
                CREATE SCHEMA IF NOT EXISTS {schema};
                CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
                    id          text PRIMARY KEY,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                );
                """);
            var applied = (await connection.QueryAsync<(string Id, string Checksum)>(
                $"SELECT id, checksum FROM {schema}.schema_migrations")).ToDictionary(r => r.Id, r => r.Checksum);

            var count = 0;
            foreach (var script in scripts)
            {
                if (applied.TryGetValue(script.Id, out var checksum))
                {
                    if (checksum != script.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {script.Id} was changed after it was applied to schema {schema}; migrations are forward-only: add a new one.");
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync($"SET LOCAL search_path TO {schema}, public", transaction: transaction);
                await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, commandTimeout: 0,
                    cancellationToken: cancellationToken));
                await connection.ExecuteAsync(
                    $"INSERT INTO {schema}.schema_migrations (id, checksum) VALUES (@Id, @Checksum)",
                    new { script.Id, script.Checksum }, transaction);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration} to schema {Schema}", script.Id, schema);
                count++;
            }
            return count;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@lockKey)", new { lockKey });
        }
    }

    private static long LockKey(string schema) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("openzaak-migrate:" + schema)), 0);

    private static bool IsIdentifier(string name) =>
        name.Length is > 0 and < 64 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') &&
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
