using Zgw.Api.References;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zaken.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;
using static Zaken.Api.Resources.Common.GegevensShape;

namespace Zaken.Api.Resources.Rol;

/// <summary>The body of POST <c>/rollen</c> (OAS <c>Rol</c>, writable fields; the discriminator adds <c>betrokkeneIdentificatie</c>).</summary>
public sealed record RolRequest : IValidatable
{
    public static readonly string[] IndicatiesMachtiging = ["gemachtigde", "machtiginggever"];

    public static readonly string[] OmschrijvingenGeneriek =
        ["adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter", "zaakcoordinator", "mede_initiator"];

    /// <summary>OAS <c>ContactPersoonRol</c>.</summary>
    public static readonly GegevensShape ContactpersoonRolShape = new("ContactPersoonRol",
        Text("emailadres", 254) with { Email = true },
        Text("functie", 50),
        Text("telefoonnummer", 20),
        Text("naam", 40, required: true));

    public string? Zaak { get; init; }
    public string? Betrokkene { get; init; }
    public string? BetrokkeneType { get; init; }
    public string? AfwijkendeNaamBetrokkene { get; init; }
    public string? Roltype { get; init; }
    public string? Roltoelichting { get; init; }
    public string? IndicatieMachtiging { get; init; }
    public JsonNode? ContactpersoonRol { get; init; }
    public JsonNode? BetrokkeneIdentificatie { get; init; }

    public void Validate(Validator v)
    {
        if (v.Required("zaak", Zaak))
            v.Url("zaak", Zaak);
        v.Url("betrokkene", Betrokkene);
        if (v.Required("betrokkeneType", BetrokkeneType))
            v.OneOf("betrokkeneType", BetrokkeneType, BetrokkeneShapes.Types);
        v.MaxLength("afwijkendeNaamBetrokkene", AfwijkendeNaamBetrokkene, 625);
        if (v.Required("roltype", Roltype))
            v.Url("roltype", Roltype);
        if (v.Required("roltoelichting", Roltoelichting))
            v.MaxLength("roltoelichting", Roltoelichting, 1000);
        if (!string.IsNullOrEmpty(IndicatieMachtiging))
            v.OneOf("indicatieMachtiging", IndicatieMachtiging, IndicatiesMachtiging);
        if (ContactpersoonRol is not null)
            ContactpersoonRolShape.Validate(ContactpersoonRol, "contactpersoonRol", v);
        if (BetrokkeneIdentificatie is not null && BetrokkeneType is not null && BetrokkeneShapes.ByType.TryGetValue(BetrokkeneType, out var shape))
            shape.Validate(BetrokkeneIdentificatie, "betrokkeneIdentificatie", v);
        RolRules.InvalidBetrokkene_BetrokkeneOfIdentificatie(this, v);
    }

    /// <summary><c>betrokkeneIdentificatie</c> reduced to the attributes of its shape; null when none was sent.</summary>
    public JsonObject? NormalizedIdentificatie() =>
        BetrokkeneIdentificatie is JsonObject { Count: > 0 } && BetrokkeneShapes.ByType.TryGetValue(BetrokkeneType ?? "", out var shape)
            ? shape.Normalize(BetrokkeneIdentificatie)
            : null;
}

/// <summary>A stored rol with its zaak's uuid and the uuids of the statussen it set (<c>gezetdoor</c>).</summary>
public sealed class RolRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long ZaakId { get; init; }
    public Guid ZaakUuid { get; init; }
    public string Betrokkene { get; init; } = "";
    public string BetrokkeneType { get; init; } = "";
    public string Roltype { get; init; } = "";
    public string Omschrijving { get; init; } = "";
    public string OmschrijvingGeneriek { get; init; } = "";
    public DateTime Registratiedatum { get; init; }
    public string? BetrokkeneIdentificatie { get; init; }
    public string Gegevens { get; init; } = "{}";
    public Guid[] Statussen { get; init; } = [];

    /// <summary>The OAS <c>Rol</c> (with the <c>betrokkeneIdentificatie</c> of its <c>betrokkeneType</c>).</summary>
    public JsonObject Render(ZakenUrls urls)
    {
        var gegevens = JsonNode.Parse(Gegevens) as JsonObject ?? [];
        var identificatie = BetrokkeneIdentificatie is null ? null : JsonNode.Parse(BetrokkeneIdentificatie) as JsonObject;
        return new JsonObject
        {
            ["url"] = urls.Of("rollen", Uuid),
            ["uuid"] = Uuid.ToString(),
            ["zaak"] = urls.Zaak(ZaakUuid),
            ["betrokkene"] = Betrokkene,
            ["betrokkeneType"] = BetrokkeneType,
            ["afwijkendeNaamBetrokkene"] = gegevens["afwijkendeNaamBetrokkene"]?.DeepClone() ?? "",
            ["roltype"] = Roltype,
            ["omschrijving"] = Omschrijving,
            ["omschrijvingGeneriek"] = OmschrijvingGeneriek,
            ["roltoelichting"] = gegevens["roltoelichting"]?.DeepClone() ?? "",
            ["registratiedatum"] = FormatDateTime(Registratiedatum),
            ["indicatieMachtiging"] = gegevens["indicatieMachtiging"]?.DeepClone() ?? "",
            ["contactpersoonRol"] = gegevens["contactpersoonRol"] is JsonObject contact ? RolRequest.ContactpersoonRolShape.Render(contact) : null,
            ["statussen"] = new JsonArray(Statussen.Select(s => (JsonNode)urls.Of("statussen", s)).ToArray()),
            ["betrokkeneIdentificatie"] = identificatie is not null && BetrokkeneShapes.ByType.TryGetValue(BetrokkeneType, out var shape)
                ? shape.Render(identificatie)
                : null,
        };
    }

    /// <summary>ISO-8601 in UTC, as the reference implementation answers (<c>2024-03-01T10:00:00Z</c>).</summary>
    public static string FormatDateTime(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The attributes kept in <c>gegevens</c> (all but the columns).</summary>
    public static string ToGegevens(RolRequest r)
    {
        var json = new JsonObject
        {
            ["afwijkendeNaamBetrokkene"] = r.AfwijkendeNaamBetrokkene ?? "",
            ["roltoelichting"] = r.Roltoelichting ?? "",
            ["indicatieMachtiging"] = r.IndicatieMachtiging ?? "",
            ["contactpersoonRol"] = r.ContactpersoonRol is JsonObject c ? RolRequest.ContactpersoonRolShape.Normalize(c) : null,
        };
        return json.ToJsonString(ZgwJson.Options);
    }
}

/// <summary>A Catalogi ROLTYPE as the rol rules read it.</summary>
public sealed record Roltype(string Url, string Zaaktype, string Omschrijving, string OmschrijvingGeneriek)
{
    public static readonly string[] RequiredProperties = ["zaaktype", "omschrijving", "omschrijvingGeneriek"];

    public static Roltype From(string url, JsonElement json)
    {
        var generiek = JsonFields.Text(json, "omschrijvingGeneriek") ?? "";
        if (!RolRequest.OmschrijvingenGeneriek.Contains(generiek))
            throw ZgwException.Validation("roltype", ZgwCodes.InvalidResource, "De URL verwijst niet naar een ROLTYPE.");
        return new Roltype(url, JsonFields.Text(json, "zaaktype") ?? "", JsonFields.Text(json, "omschrijving") ?? "", generiek);
    }
}
