using System.Text.Json;
using System.Text.Json.Nodes;
using Documenten.Api.Resources.Common;
using Zgw.Api.Http;
using Zgw.ServiceDefaults;

namespace Documenten.Api.Resources.Verzending;

/// <summary>The body of POST/PUT/PATCH <c>/verzendingen</c> (OAS <c>VerzendingRequest</c>).</summary>
public sealed record VerzendingRequest : IValidatable
{
    public string? Betrokkene { get; init; }
    public string? Informatieobject { get; init; }
    public string? AardRelatie { get; init; }
    public string? Toelichting { get; init; }
    public DateOnly? Ontvangstdatum { get; init; }
    public DateOnly? Verzenddatum { get; init; }
    public string? ContactPersoon { get; init; }
    public string? Contactpersoonnaam { get; init; }
    public BinnenlandsCorrespondentieadres? BinnenlandsCorrespondentieadres { get; init; }
    public BuitenlandsCorrespondentieadres? BuitenlandsCorrespondentieadres { get; init; }
    public CorrespondentiePostadres? CorrespondentiePostadres { get; init; }
    public string? Faxnummer { get; init; }
    public string? Emailadres { get; init; }
    public bool? MijnOverheid { get; init; }
    public string? Telefoonnummer { get; init; }

    /// <summary>OAS <c>AardRelatieEnum</c>.</summary>
    public static readonly string[] AardRelaties = ["afzender", "geadresseerde"];

    public void Validate(Validator v)
    {
        if (v.Required("betrokkene", Betrokkene))
            v.Url("betrokkene", Betrokkene, 200);
        if (v.Required("informatieobject", Informatieobject))
            v.Url("informatieobject", Informatieobject);
        if (v.Required("aardRelatie", AardRelatie))
            v.OneOf("aardRelatie", AardRelatie, AardRelaties);
        v.MaxLength("toelichting", Toelichting, 200);
        if (v.Required("contactPersoon", ContactPersoon))
            v.Url("contactPersoon", ContactPersoon, 1000);
        v.MaxLength("contactpersoonnaam", Contactpersoonnaam, 40);
        BinnenlandsCorrespondentieadres?.Validate(v, "binnenlandsCorrespondentieadres");
        BuitenlandsCorrespondentieadres?.Validate(v, "buitenlandsCorrespondentieadres");
        CorrespondentiePostadres?.Validate(v, "correspondentiePostadres");
        v.MaxLength("faxnummer", Faxnummer, 15);
        v.MaxLength("emailadres", Emailadres, 100);
        v.MaxLength("telefoonnummer", Telefoonnummer, 15);
        VerzendingRules.D11_PreciesEenAdres(this, v);
    }
}

/// <summary>OAS <c>BinnenlandsCorrespondentieadresVerzendingRequest</c>.</summary>
public sealed record BinnenlandsCorrespondentieadres(
    string? Huisletter, int? Huisnummer, string? HuisnummerToevoeging, string? NaamOpenbareRuimte, string? Postcode, string? Woonplaatsnaam)
{
    public void Validate(Validator v, string prefix)
    {
        v.MaxLength($"{prefix}.huisletter", Huisletter, 1);
        if (v.Required($"{prefix}.huisnummer", Huisnummer) && Huisnummer is < 1 or > 99999)
            v.Add($"{prefix}.huisnummer", Huisnummer < 1 ? "min_value" : "max_value", "Zorg ervoor dat deze waarde tussen 1 en 99999 ligt.");
        v.MaxLength($"{prefix}.huisnummerToevoeging", HuisnummerToevoeging, 4);
        if (v.Required($"{prefix}.naamOpenbareRuimte", NaamOpenbareRuimte))
            v.MaxLength($"{prefix}.naamOpenbareRuimte", NaamOpenbareRuimte, 80);
        v.MaxLength($"{prefix}.postcode", Postcode, 6);
        if (v.Required($"{prefix}.woonplaatsnaam", Woonplaatsnaam))
            v.MaxLength($"{prefix}.woonplaatsnaam", Woonplaatsnaam, 80);
    }

    public JsonObject Render() => new()
    {
        ["huisletter"] = Huisletter ?? "",
        ["huisnummer"] = Huisnummer,
        ["huisnummerToevoeging"] = HuisnummerToevoeging ?? "",
        ["naamOpenbareRuimte"] = NaamOpenbareRuimte ?? "",
        ["postcode"] = Postcode ?? "",
        ["woonplaatsnaam"] = Woonplaatsnaam ?? "",
    };
}

/// <summary>OAS <c>BuitenlandsCorrespondentieadresVerzendingRequest</c>.</summary>
public sealed record BuitenlandsCorrespondentieadres(string? AdresBuitenland1, string? AdresBuitenland2, string? AdresBuitenland3, string? LandPostadres)
{
    public void Validate(Validator v, string prefix)
    {
        if (v.Required($"{prefix}.adresBuitenland1", AdresBuitenland1))
            v.MaxLength($"{prefix}.adresBuitenland1", AdresBuitenland1, 35);
        v.MaxLength($"{prefix}.adresBuitenland2", AdresBuitenland2, 35);
        v.MaxLength($"{prefix}.adresBuitenland3", AdresBuitenland3, 35);
        if (v.Required($"{prefix}.landPostadres", LandPostadres))
            v.Url($"{prefix}.landPostadres", LandPostadres, 200);
    }

    public JsonObject Render() => new()
    {
        ["adresBuitenland1"] = AdresBuitenland1 ?? "",
        ["adresBuitenland2"] = AdresBuitenland2 ?? "",
        ["adresBuitenland3"] = AdresBuitenland3 ?? "",
        ["landPostadres"] = LandPostadres ?? "",
    };
}

/// <summary>OAS <c>BuitenlandsCorrespondentiepostadresVerzendingRequest</c> (field <c>correspondentiePostadres</c>).</summary>
public sealed record CorrespondentiePostadres(int? PostBusOfAntwoordnummer, string? PostadresPostcode, string? PostadresType, string? Woonplaatsnaam)
{
    /// <summary>OAS <c>PostadresTypeEnum</c>.</summary>
    public static readonly string[] PostadresTypen = ["antwoordnummer", "postbusnummer"];

    public void Validate(Validator v, string prefix)
    {
        if (v.Required($"{prefix}.postBusOfAntwoordnummer", PostBusOfAntwoordnummer) && PostBusOfAntwoordnummer is < 1 or > 9999)
            v.Add($"{prefix}.postBusOfAntwoordnummer", PostBusOfAntwoordnummer < 1 ? "min_value" : "max_value",
                "Zorg ervoor dat deze waarde tussen 1 en 9999 ligt.");
        if (v.Required($"{prefix}.postadresPostcode", PostadresPostcode))
            v.MaxLength($"{prefix}.postadresPostcode", PostadresPostcode, 6);
        if (v.Required($"{prefix}.postadresType", PostadresType))
            v.OneOf($"{prefix}.postadresType", PostadresType, PostadresTypen);
        if (v.Required($"{prefix}.woonplaatsnaam", Woonplaatsnaam))
            v.MaxLength($"{prefix}.woonplaatsnaam", Woonplaatsnaam, 80);
    }

    public JsonObject Render() => new()
    {
        ["postBusOfAntwoordnummer"] = PostBusOfAntwoordnummer,
        ["postadresPostcode"] = PostadresPostcode ?? "",
        ["postadresType"] = PostadresType ?? "",
        ["woonplaatsnaam"] = Woonplaatsnaam ?? "",
    };
}

/// <summary>The attributes kept in <c>verzending.gegevens</c> (jsonb): everything but the document, betrokkene and aardRelatie.</summary>
public sealed record VerzendingGegevens(
    string Toelichting,
    DateOnly? Ontvangstdatum,
    DateOnly? Verzenddatum,
    string ContactPersoon,
    string Contactpersoonnaam,
    BinnenlandsCorrespondentieadres? BinnenlandsCorrespondentieadres,
    BuitenlandsCorrespondentieadres? BuitenlandsCorrespondentieadres,
    CorrespondentiePostadres? CorrespondentiePostadres,
    string? Faxnummer,
    string? Emailadres,
    bool MijnOverheid,
    string? Telefoonnummer)
{
    public static VerzendingGegevens From(VerzendingRequest r) => new(
        r.Toelichting ?? "", r.Ontvangstdatum, r.Verzenddatum, r.ContactPersoon!, r.Contactpersoonnaam ?? "",
        r.BinnenlandsCorrespondentieadres, r.BuitenlandsCorrespondentieadres, r.CorrespondentiePostadres,
        r.Faxnummer, r.Emailadres, r.MijnOverheid ?? false, r.Telefoonnummer);

    public string ToJson() => JsonSerializer.Serialize(this, ZgwJson.Options);
}

/// <summary>A stored verzending with the uuid of its document.</summary>
public sealed class VerzendingRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long DocumentId { get; init; }
    public Guid DocumentUuid { get; init; }
    public string Betrokkene { get; init; } = "";
    public string AardRelatie { get; init; } = "";
    public string Gegevens { get; init; } = "{}";

    private VerzendingGegevens? _data;

    public VerzendingGegevens Data => _data ??= JsonSerializer.Deserialize<VerzendingGegevens>(Gegevens, ZgwJson.Options)!;

    /// <summary>The stored object in request shape: the base a PATCH merges into.</summary>
    public VerzendingRequest ToRequest(DocumentenUrls urls)
    {
        var g = Data;
        return new VerzendingRequest
        {
            Betrokkene = Betrokkene,
            Informatieobject = urls.Document(DocumentUuid),
            AardRelatie = AardRelatie,
            Toelichting = g.Toelichting,
            Ontvangstdatum = g.Ontvangstdatum,
            Verzenddatum = g.Verzenddatum,
            ContactPersoon = g.ContactPersoon,
            Contactpersoonnaam = g.Contactpersoonnaam,
            BinnenlandsCorrespondentieadres = g.BinnenlandsCorrespondentieadres,
            BuitenlandsCorrespondentieadres = g.BuitenlandsCorrespondentieadres,
            CorrespondentiePostadres = g.CorrespondentiePostadres,
            Faxnummer = g.Faxnummer,
            Emailadres = g.Emailadres,
            MijnOverheid = g.MijnOverheid,
            Telefoonnummer = g.Telefoonnummer,
        };
    }

    /// <summary>OAS <c>Verzending</c>.</summary>
    public JsonObject Render(DocumentenUrls urls)
    {
        var g = Data;
        return new JsonObject
        {
            ["url"] = urls.Of(VerzendingMapping.Collection, Uuid),
            ["betrokkene"] = Betrokkene,
            ["informatieobject"] = urls.Document(DocumentUuid),
            ["aardRelatie"] = AardRelatie,
            ["toelichting"] = g.Toelichting,
            ["ontvangstdatum"] = g.Ontvangstdatum?.ToString("yyyy-MM-dd"),
            ["verzenddatum"] = g.Verzenddatum?.ToString("yyyy-MM-dd"),
            ["contactPersoon"] = g.ContactPersoon,
            ["contactpersoonnaam"] = g.Contactpersoonnaam,
            ["binnenlandsCorrespondentieadres"] = g.BinnenlandsCorrespondentieadres?.Render(),
            ["buitenlandsCorrespondentieadres"] = g.BuitenlandsCorrespondentieadres?.Render(),
            ["correspondentiePostadres"] = g.CorrespondentiePostadres?.Render(),
            ["faxnummer"] = g.Faxnummer,
            ["emailadres"] = g.Emailadres,
            ["mijnOverheid"] = g.MijnOverheid,
            ["telefoonnummer"] = g.Telefoonnummer,
        };
    }
}

public static class VerzendingMapping
{
    public const string Collection = "verzendingen";
    public const string Resource = "verzending";
}
