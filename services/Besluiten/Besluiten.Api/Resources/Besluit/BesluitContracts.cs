using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Besluiten.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.ServiceDefaults;

namespace Besluiten.Api.Resources.Besluit;

/// <summary>The body of POST/PUT/PATCH <c>/besluiten</c> (OAS <c>Besluit</c> without the read-only fields).</summary>
public sealed record BesluitRequest : IValidatable
{
    public string? Identificatie { get; init; }
    public string? VerantwoordelijkeOrganisatie { get; init; }
    public string? Besluittype { get; init; }
    public string? Zaak { get; init; }
    public DateOnly? Datum { get; init; }
    public string? Toelichting { get; init; }
    public string? Bestuursorgaan { get; init; }
    public DateOnly? Ingangsdatum { get; init; }
    public DateOnly? Vervaldatum { get; init; }
    public string? Vervalreden { get; init; }
    public DateOnly? Publicatiedatum { get; init; }
    public DateOnly? Verzenddatum { get; init; }
    public DateOnly? UiterlijkeReactiedatum { get; init; }

    public void Validate(Validator v)
    {
        v.MaxLength("identificatie", Identificatie, 50);
        if (v.Required("verantwoordelijkeOrganisatie", VerantwoordelijkeOrganisatie))
            v.Rsin("verantwoordelijkeOrganisatie", VerantwoordelijkeOrganisatie);
        if (v.Required("besluittype", Besluittype))
            v.Url("besluittype", Besluittype, 200);
        v.Url("zaak", Zaak, 200);
        v.Required("datum", Datum);
        v.MaxLength("bestuursorgaan", Bestuursorgaan, 50);
        v.Required("ingangsdatum", Ingangsdatum);
        if (!string.IsNullOrEmpty(Vervalreden))
            v.OneOf("vervalreden", Vervalreden, BesluitMapping.Vervalredenen.Keys.ToList());
    }
}

/// <summary>The attributes kept in <c>gegevens</c> (jsonb); the rest are columns.</summary>
public sealed record BesluitGegevens(
    string Toelichting,
    string Bestuursorgaan,
    string Vervalreden,
    DateOnly? Publicatiedatum,
    DateOnly? Verzenddatum,
    DateOnly? UiterlijkeReactiedatum)
{
    public static BesluitGegevens From(BesluitRequest r) =>
        new(r.Toelichting ?? "", r.Bestuursorgaan ?? "", r.Vervalreden ?? "", r.Publicatiedatum, r.Verzenddatum, r.UiterlijkeReactiedatum);

    public string ToJson() => JsonSerializer.Serialize(this, ZgwJson.Options);
}

/// <summary>A stored besluit.</summary>
public sealed class BesluitRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public string Identificatie { get; init; } = "";
    public string VerantwoordelijkeOrganisatie { get; init; } = "";
    public string Besluittype { get; init; } = "";
    public string? Zaak { get; init; }
    public DateOnly Datum { get; init; }
    public DateOnly Ingangsdatum { get; init; }
    public DateOnly? Vervaldatum { get; init; }
    public string Gegevens { get; init; } = "{}";
    public string Mirror { get; init; } = "done";
    public string? Zaakbesluit { get; init; }
    public string? MirrorActor { get; init; }

    public BesluitGegevens Data =>
        JsonSerializer.Deserialize<BesluitGegevens>(Gegevens, ZgwJson.Options) ?? new BesluitGegevens("", "", "", null, null, null);

    public BesluitRef ToRef() => new()
    {
        Id = Id, Uuid = Uuid, Identificatie = Identificatie, VerantwoordelijkeOrganisatie = VerantwoordelijkeOrganisatie,
        Besluittype = Besluittype,
    };

    /// <summary>The request shape of the stored besluit: the base a PATCH is merged onto.</summary>
    public BesluitRequest ToRequest()
    {
        var d = Data;
        return new BesluitRequest
        {
            Identificatie = Identificatie, VerantwoordelijkeOrganisatie = VerantwoordelijkeOrganisatie, Besluittype = Besluittype,
            Zaak = Zaak, Datum = Datum, Toelichting = d.Toelichting, Bestuursorgaan = d.Bestuursorgaan, Ingangsdatum = Ingangsdatum,
            Vervaldatum = Vervaldatum, Vervalreden = d.Vervalreden, Publicatiedatum = d.Publicatiedatum, Verzenddatum = d.Verzenddatum,
            UiterlijkeReactiedatum = d.UiterlijkeReactiedatum,
        };
    }

    /// <summary>The OAS representation (<c>Besluit</c>).</summary>
    public JsonObject ToJson(BesluitenUrls urls)
    {
        var d = Data;
        return new JsonObject
        {
            ["url"] = urls.Besluit(Uuid),
            ["identificatie"] = Identificatie,
            ["verantwoordelijkeOrganisatie"] = VerantwoordelijkeOrganisatie,
            ["besluittype"] = Besluittype,
            ["zaak"] = Zaak ?? "",
            ["datum"] = BesluitMapping.Date(Datum),
            ["toelichting"] = d.Toelichting,
            ["bestuursorgaan"] = d.Bestuursorgaan,
            ["ingangsdatum"] = BesluitMapping.Date(Ingangsdatum),
            ["vervaldatum"] = BesluitMapping.Date(Vervaldatum),
            ["vervalreden"] = d.Vervalreden,
            ["vervalredenWeergave"] = BesluitMapping.Vervalredenen.GetValueOrDefault(d.Vervalreden, ""),
            ["publicatiedatum"] = BesluitMapping.Date(d.Publicatiedatum),
            ["verzenddatum"] = BesluitMapping.Date(d.Verzenddatum),
            ["uiterlijkeReactiedatum"] = BesluitMapping.Date(d.UiterlijkeReactiedatum),
        };
    }
}

public static class BesluitMapping
{
    public const string Resource = "besluit";

    /// <summary>OAS <c>vervalreden</c> and its weergave.</summary>
    public static readonly IReadOnlyDictionary<string, string> Vervalredenen = new Dictionary<string, string>
    {
        ["tijdelijk"] = "Besluit met tijdelijke werking",
        ["ingetrokken_overheid"] = "Besluit ingetrokken door overheid",
        ["ingetrokken_belanghebbende"] = "Besluit ingetrokken o.v.v. belanghebbende",
    };

    public static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
