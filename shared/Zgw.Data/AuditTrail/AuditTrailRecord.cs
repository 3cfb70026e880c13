using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Zgw.Data.AuditTrail;

/// <summary>The audittrail resource as the Zaken/Documenten/Besluiten APIs render it.</summary>
public sealed record AuditTrailRecord
{
    public Guid Uuid { get; init; }
    public required string Bron { get; init; }
    public string ApplicatieId { get; init; } = "";
    public string ApplicatieWeergave { get; init; } = "";
    public string GebruikersId { get; init; } = "";
    public string GebruikersWeergave { get; init; } = "";
    public required string Actie { get; init; }
    public string ActieWeergave { get; init; } = "";
    public int Resultaat { get; init; }
    public required string HoofdObject { get; init; }
    public required string Resource { get; init; }
    public required string ResourceUrl { get; init; }
    public string Toelichting { get; init; } = "";
    public string ResourceWeergave { get; init; } = "";
    public DateTimeOffset Aanmaakdatum { get; init; }
    public AuditTrailWijzigingen Wijzigingen { get; init; } = new(null, null);
}

/// <summary>The full JSON of the resource before and after the change (null for create resp. destroy).</summary>
public sealed record AuditTrailWijzigingen(JsonNode? Oud, JsonNode? Nieuw);

/// <summary>The <c>actie</c> values with their Dutch display names.</summary>
public static class AuditActie
{
    public const string Create = "create";
    public const string List = "list";
    public const string Retrieve = "retrieve";
    public const string Destroy = "destroy";
    public const string Update = "update";
    public const string PartialUpdate = "partial_update";

    public static string Weergave(string actie) => actie switch
    {
        Create => "Object aangemaakt",
        List => "Lijst opgehaald",
        Retrieve => "Object opgehaald",
        Destroy => "Object verwijderd",
        Update => "Object bijgewerkt",
        PartialUpdate => "Object deels bijgewerkt",
        _ => actie,
    };
}
