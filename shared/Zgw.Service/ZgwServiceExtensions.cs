using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zgw.Api;
using Zgw.Data;
using Zgw.Data.Migrations;
using Zgw.Messaging;
using Zgw.ServiceDefaults;

namespace Zgw.Service;

/// <summary>The migrations of the service, registered once so the <c>migrate</c> verb and start-up share them.</summary>
public sealed record ZgwMigrations(IReadOnlyList<MigrationScript> Scripts);

/// <summary>
/// What every ZGW service composes, so its Program.cs stays on one screen: service defaults, the ZGW HTTP
/// machinery, its database schema (named after the component), the bus with the outbox relay, the official
/// OAS document, and the verbs (<c>migrate</c>, and any the service adds).
/// </summary>
public static class ZgwServiceExtensions
{
    public static WebApplicationBuilder AddZgwService(this WebApplicationBuilder builder, ZgwComponent component,
        IReadOnlyList<MigrationScript> migrations, Action<IBusRegistrationConfigurator>? bus = null)
    {
        builder.Services.AddSingleton(component);
        builder.Services.AddSingleton(new ZgwMigrations(migrations));
        builder.AddZgwServiceDefaults(component.Key);
        builder.AddZgwApi();
        builder.AddZgwDatabase(component.Key);
        if (builder.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
            builder.Services.AddHostedService<MigrateOnStartup>(); // registered before the bus: runs first
        builder.AddZgwMessaging(bus);
        return builder;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static WebApplication UseZgwService(this WebApplication app)
    {
        var component = app.Services.GetRequiredService<ZgwComponent>();
        app.UseZgwApi();
        app.UseZgwServiceDefaults(component.ApiVersion);
        app.MapOfficialOpenApi(component, System.Reflection.Assembly.GetCallingAssembly());
        return app;
    }

    /// <summary>
    /// Runs the service, or a verb: <c>migrate</c> applies the migrations and exits (a Kubernetes Job, the local
    /// run script); <paramref name="verbs"/> adds the service's own (e.g. an operator CLI).
    /// </summary>
    public static async Task<int> RunZgwServiceAsync(this WebApplication app, string[] args,
        IReadOnlyDictionary<string, Func<WebApplication, string[], Task<int>>>? verbs = null)
    {
        if (MigrateCommand.IsMigrate(args))
            return await MigrateCommand.RunAsync(app, app.Services.GetRequiredService<ZgwMigrations>().Scripts);
        if (args.Length > 0 && verbs is not null && verbs.TryGetValue(args[0], out var verb))
            return await verb(app, args[1..]);
        await app.RunAsync();
        return 0;
    }

    private sealed class MigrateOnStartup(ZgwDatabase database, ZgwMigrations migrations, ILogger<MigrateOnStartup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            new Migrator(database.DataSource, database.Schema, logger).MigrateAsync(migrations.Scripts, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
