using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zgw.Data.Migrations;

namespace Zgw.Data;

/// <summary>
/// The <c>migrate</c> verb of every service (<c>Zaken.Api migrate</c>): apply the migrations and exit, as a
/// Kubernetes Job or the local run script does.
/// </summary>
public static class MigrateCommand
{
    public static bool IsMigrate(string[] args) => args.Length > 0 && args[0] == "migrate";

    public static async Task<int> RunAsync(WebApplication app, IEnumerable<MigrationScript> scripts)
    {
        var database = app.Services.GetRequiredService<ZgwDatabase>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrate");
        var applied = await new Migrator(database.DataSource, database.Schema, logger).MigrateAsync(scripts);
        logger.LogInformation("Schema {Schema} is up to date ({Applied} migrations applied now)", database.Schema, applied);
        return 0;
    }
}
