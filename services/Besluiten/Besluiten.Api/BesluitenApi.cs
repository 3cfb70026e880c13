using Zgw.Data.Migrations;
using Zgw.ServiceDefaults;

namespace Besluiten.Api;

/// <summary>The scopes of the Besluiten API 1.1.0 (specs README §4.4).</summary>
public static class BesluitenScopes
{
    public const string Lezen = "besluiten.lezen";
    public const string Aanmaken = "besluiten.aanmaken";
    public const string Bijwerken = "besluiten.bijwerken";
    public const string Verwijderen = "besluiten.verwijderen";
    public const string AudittrailsLezen = "audittrails.lezen";
}

/// <summary>
/// Kanaal <c>besluiten</c>: hoofdObject is the besluit, kenmerken verantwoordelijkeOrganisatie and besluittype
/// (specs README §4.4, §5).
/// </summary>
public static class BesluitenKanaal
{
    public const string Naam = "besluiten";
}

/// <summary>Settings of the Besluiten service (section <c>Besluiten</c>).</summary>
public sealed class BesluitenOptions
{
    public const string Section = "Besluiten";

    /// <summary>How long a besluit or besluitinformatieobject may stay half-done (its mirror call not finished) before the reconciler repairs it.</summary>
    public TimeSpan MirrorGracePeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the reconciler looks for half-done besluiten and besluitinformatieobjecten.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);
}

public static class BesluitenService
{
    public static readonly ZgwComponent Component = ZgwComponent.Besluiten;

    /// <summary>The short component name in autorisaties and scopes, and the audittrail <c>bron</c>.</summary>
    public const string Brc = "brc";

    public static IReadOnlyList<MigrationScript> Migrations { get; } =
        [.. MigrationScript.Outbox, .. MigrationScript.AuditTrail, .. MigrationScript.FromAssembly(typeof(BesluitenService).Assembly, "besluiten")];
}

/// <summary>Marker for WebApplicationFactory.</summary>
public sealed class BesluitenMarker;
