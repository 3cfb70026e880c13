using Zgw.Data.Migrations;
using Zgw.ServiceDefaults;

namespace Autorisaties.Api;

/// <summary>The scopes of the Autorisaties API (ZGW A10), plus our internal one.</summary>
public static class AutorisatiesScopes
{
    public const string Lezen = "autorisaties.lezen";
    public const string Bijwerken = "autorisaties.bijwerken";

    /// <summary>Non-standard: read a client's secret material (service identities only; ARCHITECTURE §11.1).</summary>
    public const string CredentialsLezen = "autorisaties.credentials.lezen";
}

/// <summary>Kanaal <c>autorisaties</c>: hoofdObject applicatie, no kenmerken; create, update, destroy.</summary>
public static class AutorisatiesKanaal
{
    public const string Naam = "autorisaties";
    public const string Resource = "applicatie";
}

public static class AutorisatiesService
{
    public static readonly ZgwComponent Component = ZgwComponent.Autorisaties;

    public static IReadOnlyList<MigrationScript> Migrations { get; } =
        [.. MigrationScript.Outbox, .. MigrationScript.FromAssembly(typeof(AutorisatiesService).Assembly, "autorisaties")];
}

/// <summary>Marker for WebApplicationFactory.</summary>
public sealed class AutorisatiesMarker;
