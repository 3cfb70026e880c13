using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// The body of POST (OAS <c>EnkelvoudigInformatieObjectCreateLockRequest</c>) and PUT/PATCH
/// (<c>EnkelvoudigInformatieObjectWithLockRequest</c>, which adds <see cref="Lock"/>) <c>/enkelvoudiginformatieobjecten</c>.
/// <see cref="Inhoud"/> is the base64 file (decoded by <see cref="EnkelvoudiginformatieobjectRules.DecodeInhoud"/>).
/// </summary>
public sealed record EnkelvoudiginformatieobjectRequest : IValidatable
{
    public string? Identificatie { get; init; }
    public string? Bronorganisatie { get; init; }
    public DateOnly? Creatiedatum { get; init; }
    public string? Titel { get; init; }
    public string? Vertrouwelijkheidaanduiding { get; init; }
    public string? Auteur { get; init; }
    public string? Status { get; init; }
    public bool? InhoudIsVervallen { get; init; }
    public string? Formaat { get; init; }
    public string? Taal { get; init; }
    public string? Bestandsnaam { get; init; }
    public string? Inhoud { get; init; }
    public long? Bestandsomvang { get; init; }
    public string? Link { get; init; }
    public string? Beschrijving { get; init; }
    public DateOnly? Ontvangstdatum { get; init; }
    public DateOnly? Verzenddatum { get; init; }
    public bool? IndicatieGebruiksrecht { get; init; }
    public string? Verschijningsvorm { get; init; }
    public Ondertekening? Ondertekening { get; init; }
    public Integriteit? Integriteit { get; init; }
    public string? Informatieobjecttype { get; init; }
    public List<string?>? Trefwoorden { get; init; }

    /// <summary>Only in PUT/PATCH bodies (drc-009/010); a create ignores it.</summary>
    public string? Lock { get; init; }

    public static readonly string[] Statussen = ["", "in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd"];
    public static readonly string[] Vertrouwelijkheidaanduidingen = ["", .. Vertrouwelijkheid.Levels];

    public void Validate(Validator v)
    {
        v.MaxLength("identificatie", Identificatie, 40);
        if (v.Required("bronorganisatie", Bronorganisatie))
            v.Rsin("bronorganisatie", Bronorganisatie);
        v.Required("creatiedatum", Creatiedatum);
        if (v.Required("titel", Titel))
            v.MaxLength("titel", Titel, 200);
        v.OneOf("vertrouwelijkheidaanduiding", Vertrouwelijkheidaanduiding, Vertrouwelijkheidaanduidingen);
        if (v.Required("auteur", Auteur))
            v.MaxLength("auteur", Auteur, 200);
        v.OneOf("status", Status, Statussen);
        v.MaxLength("formaat", Formaat, 255);
        if (v.Required("taal", Taal))
        {
            v.MaxLength("taal", Taal, 3);
            if (Taal!.Length < 3)
                v.Add("taal", "min_length", "Zorg ervoor dat dit veld minimaal 3 karakters bevat.");
        }
        v.MaxLength("bestandsnaam", Bestandsnaam, 255);
        if (Bestandsomvang < 0)
            v.Add("bestandsomvang", "min_value", "Zorg ervoor dat deze waarde groter of gelijk aan 0 is.");
        v.Url("link", Link, 200);
        v.MaxLength("beschrijving", Beschrijving, 1000);
        Ondertekening?.Validate(v);
        Integriteit?.Validate(v);
        if (v.Required("informatieobjecttype", Informatieobjecttype))
            v.Url("informatieobjecttype", Informatieobjecttype, 200);
        for (var i = 0; i < (Trefwoorden?.Count ?? 0); i++)
            if (v.Required($"trefwoorden.{i}", Trefwoorden![i]))
                v.MaxLength($"trefwoorden.{i}", Trefwoorden[i], 100);
    }
}

/// <summary>
/// OAS <c>Ondertekening</c>. Open Zaak renders an absent one as <c>{"soort": "", "datum": null}</c> and accepts that
/// shape back, so both attributes may be empty; a given soort must be one of the enum.
/// </summary>
public sealed record Ondertekening(string? Soort, DateOnly? Datum)
{
    public static readonly string[] Soorten = ["", "analoog", "digitaal", "pki"];

    public void Validate(Validator v) => v.OneOf("ondertekening.soort", Soort, Soorten);
}

/// <summary>OAS <c>Integriteit</c>; rendered as <c>{"algoritme": "", "waarde": "", "datum": null}</c> when absent (Open Zaak).</summary>
public sealed record Integriteit(string? Algoritme, string? Waarde, DateOnly? Datum)
{
    public static readonly string[] Algoritmen =
        ["", "crc_16", "crc_32", "crc_64", "fletcher_4", "fletcher_8", "fletcher_16", "fletcher_32", "hmac", "md5", "sha_1", "sha_256", "sha_512", "sha_3"];

    public void Validate(Validator v)
    {
        v.OneOf("integriteit.algoritme", Algoritme, Algoritmen);
        v.MaxLength("integriteit.waarde", Waarde, 128);
    }
}

/// <summary>
/// The attributes of one version kept as its jsonb <c>gegevens</c> (0001_documenten.sql): everything the version renders
/// except what are columns (versie, beginRegistratie, inhoud, bestandsomvang, inhoudIsVervallen) and what belongs to the
/// document (indicatieGebruiksrecht, locked, bestandsdelen).
/// </summary>
public sealed record VersieGegevens
{
    public string Identificatie { get; init; } = "";
    public string Bronorganisatie { get; init; } = "";
    public DateOnly Creatiedatum { get; init; }
    public string Titel { get; init; } = "";
    public string Vertrouwelijkheidaanduiding { get; init; } = "";
    public string Auteur { get; init; } = "";
    public string Status { get; init; } = "";
    public string Formaat { get; init; } = "";
    public string Taal { get; init; } = "";
    public string Bestandsnaam { get; init; } = "";
    public string Link { get; init; } = "";
    public string Beschrijving { get; init; } = "";
    public DateOnly? Ontvangstdatum { get; init; }
    public DateOnly? Verzenddatum { get; init; }
    public string Verschijningsvorm { get; init; } = "";
    public Ondertekening? Ondertekening { get; init; }
    public Integriteit? Integriteit { get; init; }
    public string Informatieobjecttype { get; init; } = "";
    public List<string> Trefwoorden { get; init; } = [];

    /// <summary>The gegevens of a request, with the identificatie and vertrouwelijkheidaanduiding as the rules settled them.</summary>
    public static VersieGegevens From(EnkelvoudiginformatieobjectRequest r, string identificatie, string vertrouwelijkheidaanduiding) => new()
    {
        Identificatie = identificatie,
        Bronorganisatie = r.Bronorganisatie!,
        Creatiedatum = r.Creatiedatum!.Value,
        Titel = r.Titel!,
        Vertrouwelijkheidaanduiding = vertrouwelijkheidaanduiding,
        Auteur = r.Auteur!,
        Status = r.Status ?? "",
        Formaat = r.Formaat ?? "",
        Taal = r.Taal!,
        Bestandsnaam = r.Bestandsnaam ?? "",
        Link = r.Link ?? "",
        Beschrijving = r.Beschrijving ?? "",
        Ontvangstdatum = r.Ontvangstdatum,
        Verzenddatum = r.Verzenddatum,
        Verschijningsvorm = r.Verschijningsvorm ?? "",
        Ondertekening = r.Ondertekening,
        Integriteit = r.Integriteit,
        Informatieobjecttype = r.Informatieobjecttype!,
        Trefwoorden = [.. (r.Trefwoorden ?? []).Select(t => t!)],
    };
}
