using System.Globalization;
using System.Text.Json.Nodes;
using Documenten.Api.Resources.Common;
using Zgw.Api.Http;

namespace Documenten.Api.Resources.Gebruiksrecht;

/// <summary>The body of POST/PUT/PATCH <c>/gebruiksrechten</c> (OAS <c>GebruiksrechtenRequest</c>).</summary>
public sealed record GebruiksrechtRequest(
    string? Informatieobject,
    DateTimeOffset? Startdatum,
    DateTimeOffset? Einddatum,
    string? OmschrijvingVoorwaarden) : IValidatable
{
    public void Validate(Validator v)
    {
        if (v.Required("informatieobject", Informatieobject))
            v.Url("informatieobject", Informatieobject);
        v.Required("startdatum", Startdatum);
        v.Required("omschrijvingVoorwaarden", OmschrijvingVoorwaarden);
    }
}

/// <summary>A stored gebruiksrecht with the uuid of its document.</summary>
public sealed class GebruiksrechtRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long DocumentId { get; init; }
    public Guid DocumentUuid { get; init; }
    public DateTime Startdatum { get; init; }
    public DateTime? Einddatum { get; init; }
    public string OmschrijvingVoorwaarden { get; init; } = "";

    /// <summary>The stored object in request shape: the base a PATCH merges into.</summary>
    public GebruiksrechtRequest ToRequest(DocumentenUrls urls) =>
        new(urls.Document(DocumentUuid), Utc(Startdatum), Einddatum is { } e ? Utc(e) : null, OmschrijvingVoorwaarden);

    /// <summary>OAS <c>Gebruiksrechten</c>.</summary>
    public JsonObject Render(DocumentenUrls urls) => new()
    {
        ["url"] = urls.Of(GebruiksrechtMapping.Collection, Uuid),
        ["informatieobject"] = urls.Document(DocumentUuid),
        ["startdatum"] = GebruiksrechtMapping.DateTime(Startdatum),
        ["einddatum"] = Einddatum is { } e ? GebruiksrechtMapping.DateTime(e) : null,
        ["omschrijvingVoorwaarden"] = OmschrijvingVoorwaarden,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

public static class GebruiksrechtMapping
{
    public const string Collection = "gebruiksrechten";

    /// <summary>The resource name in audit records and notifications (Open Zaak: <c>gebruiksrechten</c>).</summary>
    public const string Resource = "gebruiksrechten";

    public static string DateTime(DateTime value) =>
        System.DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
