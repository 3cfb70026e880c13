using Zgw.Data.Migrations;
using Zgw.ServiceDefaults;

namespace Notificaties.Api;

/// <summary>The scopes of the Notificaties API (ZGW A10).</summary>
public static class NotificatiesScopes
{
    public const string Publiceren = "notificaties.publiceren";
    public const string Consumeren = "notificaties.consumeren";
}

public static class NotificatiesService
{
    public static readonly ZgwComponent Component = ZgwComponent.Notificaties;

    public static IReadOnlyList<MigrationScript> Migrations { get; } =
        [.. MigrationScript.Outbox, .. MigrationScript.FromAssembly(typeof(NotificatiesService).Assembly, "notificaties")];

    public static string Url(ZgwOptions zgw, string collection, Guid uuid) => $"{zgw.PublicApiRoot(Component)}/{collection}/{uuid}";
}

/// <summary>Marker for WebApplicationFactory.</summary>
public sealed class NotificatiesMarker;
