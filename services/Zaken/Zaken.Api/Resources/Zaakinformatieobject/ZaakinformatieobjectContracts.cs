using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Service.Mirrors;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Zaakinformatieobject;

/// <summary>The body of POST/PUT/PATCH <c>/zaakinformatieobjecten</c> (OAS <c>ZaakInformatieObject</c> without the read-only fields).</summary>
public sealed record ZaakinformatieobjectRequest(
    string? Informatieobject,
    string? Zaak,
    string? Titel,
    string? Beschrijving,
    DateTimeOffset? Vernietigingsdatum,
    string? Status) : IValidatable
{
    public void Validate(Validator v)
    {
        if (v.Required("informatieobject", Informatieobject))
            v.Url("informatieobject", Informatieobject);
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        v.MaxLength("titel", Titel, 200);
        v.Url("status", Status);
    }
}

/// <summary>The attributes kept in <c>gegevens</c> (jsonb).</summary>
public sealed record ZaakinformatieobjectGegevens(string Titel, string Beschrijving, DateTimeOffset? Vernietigingsdatum, string? Status)
{
    public static ZaakinformatieobjectGegevens From(ZaakinformatieobjectRequest r) =>
        new(r.Titel ?? "", r.Beschrijving ?? "", r.Vernietigingsdatum?.ToUniversalTime(), string.IsNullOrEmpty(r.Status) ? null : r.Status);
}

/// <summary>A stored zaakinformatieobject with the uuid of its zaak.</summary>
public sealed class ZaakinformatieobjectRow : IMirroredInformatieobjectRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long ZaakId { get; init; }
    public Guid ZaakUuid { get; init; }
    public string Informatieobject { get; init; } = "";
    public DateTime Registratiedatum { get; init; }
    public string Gegevens { get; init; } = "{}";
    public string Mirror { get; init; } = "";
    public string? Oio { get; init; }
    public string? MirrorActor { get; init; }

    public ZaakinformatieobjectGegevens Data =>
        JsonSerializer.Deserialize<ZaakinformatieobjectGegevens>(Gegevens, ZgwJson.Options) ?? new ZaakinformatieobjectGegevens("", "", null, null);

    public ZaakinformatieobjectRequest ToRequest(ZakenUrls urls)
    {
        var d = Data;
        return new ZaakinformatieobjectRequest(Informatieobject, urls.Zaak(ZaakUuid), d.Titel, d.Beschrijving, d.Vernietigingsdatum, d.Status);
    }

    /// <summary>The OAS representation.</summary>
    public JsonObject ToJson(ZakenUrls urls)
    {
        var d = Data;
        return new JsonObject
        {
            ["url"] = urls.Of(ZaakinformatieobjectMapping.Collection, Uuid),
            ["uuid"] = Uuid.ToString(),
            ["informatieobject"] = Informatieobject,
            ["zaak"] = urls.Zaak(ZaakUuid),
            ["aardRelatieWeergave"] = ZaakinformatieobjectMapping.AardRelatieWeergave,
            ["titel"] = d.Titel,
            ["beschrijving"] = d.Beschrijving,
            ["registratiedatum"] = ZaakinformatieobjectMapping.DateTime(new DateTimeOffset(DateTime.SpecifyKind(Registratiedatum, DateTimeKind.Utc))),
            ["vernietigingsdatum"] = d.Vernietigingsdatum is { } v ? ZaakinformatieobjectMapping.DateTime(v) : null,
            ["status"] = d.Status,
        };
    }
}

public static class ZaakinformatieobjectMapping
{
    public const string Collection = "zaakinformatieobjecten";
    public const string Resource = "zaakinformatieobject";

    /// <summary>zrc-004: the API sets the aard of the relation (OAS <c>AardRelatieWeergaveEnum</c>, "hoort bij").</summary>
    public const string AardRelatieWeergave = "Hoort bij, omgekeerd: kent";

    public static string DateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
