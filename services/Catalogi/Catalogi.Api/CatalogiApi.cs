using Zgw.Data.Migrations;
using Zgw.ServiceDefaults;

namespace Catalogi.Api;

/// <summary>The scopes of the Catalogi API (ZGW A10).</summary>
public static class CatalogiScopes
{
    public const string Lezen = "catalogi.lezen";
    public const string Schrijven = "catalogi.schrijven";
    public const string GeforceerdSchrijven = "catalogi.geforceerd-schrijven";
    public const string GeforceerdVerwijderen = "catalogi.geforceerd-verwijderen";

    /// <summary>ztc-014: <c>zaken.lezen</c> and <c>documenten.lezen</c> read the Catalogi API like <c>catalogi.lezen</c>.</summary>
    public static readonly string[] Lezers = [Lezen, "zaken.lezen", "documenten.lezen"];

    public static readonly string[] Wijzigers = [Schrijven, GeforceerdSchrijven];
    public static readonly string[] Verwijderaars = [Schrijven, GeforceerdVerwijderen];
}

/// <summary>
/// The kanalen of the Catalogi API: <c>zaaktypen</c>, <c>besluittypen</c>, <c>informatieobjecttypen</c>, each with
/// kenmerk <c>catalogus</c>; create, update, partial_update and destroy of the three main types (not publish, not
/// the sub-types), as Open Zaak does.
/// </summary>
public sealed record CatalogiKanaal(string Naam, string Resource)
{
    public static readonly CatalogiKanaal Zaaktypen = new("zaaktypen", "zaaktype");
    public static readonly CatalogiKanaal Besluittypen = new("besluittypen", "besluittype");
    public static readonly CatalogiKanaal Informatieobjecttypen = new("informatieobjecttypen", "informatieobjecttype");
}

/// <summary>Settings of the Catalogi service (section <c>Catalogi</c>).</summary>
public sealed class CatalogiOptions
{
    public const string Section = "Catalogi";

    /// <summary>
    /// Root of the Selectielijst API (procestypen, resultaten, resultaattypeomschrijvingen), with a trailing slash.
    /// Selectielijst URLs must lie below it (ztc-001, ztc-002); its host must be in <c>Zgw:References:AllowedHosts</c>.
    /// Empty: any allow-listed URL of the right shape is accepted.
    /// </summary>
    public string SelectielijstApiRoot { get; set; } = "https://selectielijst.openzaak.nl/api/v1/";

    /// <summary>
    /// Publish checks as Open Zaak does them (related types published first, at least two statustypen, one
    /// resultaattype and one roltype; code <c>concept-relation</c>). Stricter than Catalogi 1.3.3, which dropped
    /// ztc-012; on by default.
    /// </summary>
    public bool StrictPublish { get; set; } = true;
}

public static class CatalogiService
{
    public static readonly ZgwComponent Component = ZgwComponent.Catalogi;

    public static IReadOnlyList<MigrationScript> Migrations { get; } =
        [.. MigrationScript.Outbox, .. MigrationScript.FromAssembly(typeof(CatalogiService).Assembly, "catalogi")];
}

/// <summary>Marker for WebApplicationFactory.</summary>
public sealed class CatalogiMarker;

public static class CatalogiServiceCollectionExtensions
{
    /// <summary>Registers a resource's repository once, as itself (for its writes) and as a read source.</summary>
    public static IServiceCollection AddCatalogiResource<TRepository>(this IServiceCollection services)
        where TRepository : class, Resources.Common.ITypeSource
    {
        services.AddSingleton<TRepository>();
        services.AddSingleton<Resources.Common.ITypeSource>(sp => sp.GetRequiredService<TRepository>());
        return services;
    }
}
