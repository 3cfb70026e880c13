using Zgw.Service;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Zaken.Api.Resources.Common;
using Zgw.Api.Auth;
using Zgw.Api.Http;
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
public sealed class ZaakinformatieobjectRow
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

/// <summary>
/// Who asked for a write whose mirror is still being finished (column <c>mirror_actor</c>): the reconciler writes the
/// audit record of a create or delete it completes after a crash in their name.
/// </summary>
public sealed record MirrorActor(string ClientId, string Label, string? UserId, string? UserRepresentation, string Toelichting)
{
    public static MirrorActor Of(HttpContext ctx)
    {
        var caller = ctx.FindZgwCaller();
        return new MirrorActor(caller?.ClientId ?? "", caller?.Applicatie.Label ?? "", caller?.UserId, caller?.UserRepresentation,
            ZgwAudit.Toelichting(ctx));
    }

    public string ToJson() => JsonSerializer.Serialize(this, ZgwJson.Options);

    public static MirrorActor? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<MirrorActor>(json, ZgwJson.Options);

    /// <summary>A request context that carries this actor as caller, for <see cref="ZaakEvents.RecordAsync"/> outside a request.</summary>
    public HttpContext ToContext(TimeProvider time)
    {
        var ctx = new DefaultHttpContext();
        if (ClientId.Length > 0)
            ctx.Features.Set(new ZgwCaller(new ZgwTokenClaims(ClientId, UserId, UserRepresentation, time.GetUtcNow()),
                new Applicatie(null, [ClientId], Label, false, [])));
        if (Toelichting.Length > 0)
            ctx.Request.Headers[ZgwAudit.ToelichtingHeader] = Toelichting;
        return ctx;
    }
}
