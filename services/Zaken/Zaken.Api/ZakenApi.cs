using Zgw.Data.Migrations;
using Zgw.ServiceDefaults;

namespace Zaken.Api;

/// <summary>The scopes of the Zaken API 1.5.1 (specs README §4.1).</summary>
public static class ZakenScopes
{
    public const string Lezen = "zaken.lezen";
    public const string Aanmaken = "zaken.aanmaken";
    public const string Bijwerken = "zaken.bijwerken";
    public const string GeforceerdBijwerken = "zaken.geforceerd-bijwerken";
    public const string StatussenToevoegen = "zaken.statussen.toevoegen";
    public const string Heropenen = "zaken.heropenen";
    public const string Verwijderen = "zaken.verwijderen";
    public const string AudittrailsLezen = "audittrails.lezen";

    /// <summary>Writes of related data: <c>zaken.bijwerken</c>, or <c>zaken.geforceerd-bijwerken</c> (also on a closed zaak, zrc-007).</summary>
    public static readonly string[] Wijzigers = [Bijwerken, GeforceerdBijwerken];

    /// <summary>Creates of zaakinformatieobjecten and zaakobjecten also accept <c>zaken.aanmaken</c>.</summary>
    public static readonly string[] Toevoegers = [Aanmaken, Bijwerken, GeforceerdBijwerken];

    /// <summary>Deletes of zaakinformatieobjecten and zaakobjecten also accept <c>zaken.verwijderen</c>.</summary>
    public static readonly string[] Ontkoppelaars = [Bijwerken, GeforceerdBijwerken, Verwijderen];

    /// <summary>POST /statussen (Z8): the first status with <c>zaken.aanmaken</c>, more with statussen.toevoegen, reopening with heropenen.</summary>
    public static readonly string[] Statuszetters = [Aanmaken, StatussenToevoegen, Heropenen];
}

/// <summary>Kanaal <c>zaken</c>: hoofdObject is the zaak, kenmerken bronorganisatie, zaaktype, vertrouwelijkheidaanduiding.</summary>
public static class ZakenKanaal
{
    public const string Naam = "zaken";
}

/// <summary>Settings of the Zaken service (section <c>Zaken</c>).</summary>
public sealed class ZakenOptions
{
    public const string Section = "Zaken";

    /// <summary>
    /// Root of the Referentielijsten API; a zaak's <c>communicatiekanaal</c> must lie below it (zrc-010). Its host must be
    /// in <c>Zgw:References:AllowedHosts</c>. Empty: any allow-listed URL that resolves to a communicatiekanaal is accepted.
    /// </summary>
    public string ReferentielijstenApiRoot { get; set; } = "";

    /// <summary>How long a zaakinformatieobject may stay half-done (its mirror call not finished) before the reconciler repairs it.</summary>
    public TimeSpan MirrorGracePeriod { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the delta rows of the zaken counts (zaak_telling) are folded into one row per zaaktype and vertrouwelijkheid.</summary>
    public TimeSpan TellingCompactInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the reconciler looks for half-done zaakinformatieobjecten.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);
}

public static class ZakenService
{
    public static readonly ZgwComponent Component = ZgwComponent.Zaken;

    /// <summary>The short component name in autorisaties and scopes.</summary>
    public const string Zrc = "zrc";

    public static IReadOnlyList<MigrationScript> Migrations { get; } =
        [.. MigrationScript.Outbox, .. MigrationScript.AuditTrail, .. MigrationScript.FromAssembly(typeof(ZakenService).Assembly, "zaken")];
}

/// <summary>Marker for WebApplicationFactory.</summary>
public sealed class ZakenMarker;
