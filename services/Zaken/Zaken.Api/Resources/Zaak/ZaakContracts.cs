using System.Text.Json.Nodes;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Zaken.Api.Resources.Zaak;

/// <summary>The body of POST/PUT/PATCH <c>/zaken</c> (OAS <c>Zaak</c>, writable fields).</summary>
public sealed record ZaakRequest : IValidatable
{
    public string? Identificatie { get; init; }
    public string? Bronorganisatie { get; init; }
    public string? Omschrijving { get; init; }
    public string? Toelichting { get; init; }
    public string? Zaaktype { get; init; }
    public DateOnly? Registratiedatum { get; init; }
    public string? VerantwoordelijkeOrganisatie { get; init; }
    public DateOnly? Startdatum { get; init; }
    public DateOnly? EinddatumGepland { get; init; }
    public DateOnly? UiterlijkeEinddatumAfdoening { get; init; }
    public DateOnly? Publicatiedatum { get; init; }
    public string? Communicatiekanaal { get; init; }
    public List<string?>? ProductenOfDiensten { get; init; }
    public string? Vertrouwelijkheidaanduiding { get; init; }
    public string? Betalingsindicatie { get; init; }
    public DateTimeOffset? LaatsteBetaaldatum { get; init; }
    public JsonObject? Zaakgeometrie { get; init; }
    public Verlenging? Verlenging { get; init; }
    public Opschorting? Opschorting { get; init; }
    public string? Selectielijstklasse { get; init; }
    public string? Hoofdzaak { get; init; }
    public List<RelevanteZaak?>? RelevanteAndereZaken { get; init; }
    public List<ZaakKenmerk?>? Kenmerken { get; init; }
    public string? Archiefnominatie { get; init; }
    public string? Archiefstatus { get; init; }
    public DateOnly? Archiefactiedatum { get; init; }
    public string? OpdrachtgevendeOrganisatie { get; init; }
    public string? Processobjectaard { get; init; }
    public DateOnly? StartdatumBewaartermijn { get; init; }
    public Processobject? Processobject { get; init; }

    public static readonly string[] Betalingsindicaties = ["", "nvt", "nog_niet", "gedeeltelijk", "geheel"];
    public static readonly string[] Archiefnominaties = ["", "blijvend_bewaren", "vernietigen"];
    public static readonly string[] Archiefstatussen = ["nog_te_archiveren", "gearchiveerd", "gearchiveerd_procestermijn_onbekend", "overgedragen"];
    public static readonly string[] AardRelaties = ["vervolg", "onderwerp", "bijdrage"];

    public void Validate(Validator v)
    {
        v.MaxLength("identificatie", Identificatie, 40);
        if (v.Required("bronorganisatie", Bronorganisatie))
            v.Rsin("bronorganisatie", Bronorganisatie);
        v.MaxLength("omschrijving", Omschrijving, 80);
        v.MaxLength("toelichting", Toelichting, 1000);
        if (v.Required("zaaktype", Zaaktype))
            v.Url("zaaktype", Zaaktype);
        if (v.Required("verantwoordelijkeOrganisatie", VerantwoordelijkeOrganisatie))
            v.Rsin("verantwoordelijkeOrganisatie", VerantwoordelijkeOrganisatie);
        v.Required("startdatum", Startdatum);
        v.Url("communicatiekanaal", Communicatiekanaal);
        for (var i = 0; i < (ProductenOfDiensten?.Count ?? 0); i++)
            if (v.Required($"productenOfDiensten.{i}", ProductenOfDiensten![i]))
                v.Url($"productenOfDiensten.{i}", ProductenOfDiensten[i]);
        v.OneOf("vertrouwelijkheidaanduiding", Vertrouwelijkheidaanduiding, Vertrouwelijkheid.Levels);
        v.OneOf("betalingsindicatie", Betalingsindicatie, Betalingsindicaties);
        Geometrie.Validate(v, "zaakgeometrie", Zaakgeometrie);
        Verlenging?.Validate(v);
        Opschorting?.Validate(v);
        v.Url("selectielijstklasse", Selectielijstklasse);
        v.Url("hoofdzaak", Hoofdzaak);
        for (var i = 0; i < (RelevanteAndereZaken?.Count ?? 0); i++)
            if (v.Required($"relevanteAndereZaken.{i}", RelevanteAndereZaken![i]))
                RelevanteAndereZaken[i]!.Validate(v, $"relevanteAndereZaken.{i}");
        for (var i = 0; i < (Kenmerken?.Count ?? 0); i++)
            if (v.Required($"kenmerken.{i}", Kenmerken![i]))
                Kenmerken[i]!.Validate(v, $"kenmerken.{i}");
        v.OneOf("archiefnominatie", Archiefnominatie, Archiefnominaties);
        v.OneOf("archiefstatus", Archiefstatus, Archiefstatussen);
        if (!string.IsNullOrEmpty(OpdrachtgevendeOrganisatie))
            v.Rsin("opdrachtgevendeOrganisatie", OpdrachtgevendeOrganisatie);
        v.MaxLength("processobjectaard", Processobjectaard, 200);
        Processobject?.Validate(v);
    }
}

/// <summary>zrc-012: a group attribute may be null (not given); when given, its fields are required.</summary>
public sealed record Verlenging(string? Reden, string? Duur)
{
    public void Validate(Validator v)
    {
        if (v.Required("verlenging.reden", Reden))
            v.MaxLength("verlenging.reden", Reden, 200);
        if (v.Required("verlenging.duur", Duur))
            v.Duration("verlenging.duur", Duur);
    }
}

public sealed record Opschorting(bool? Indicatie, string? Reden)
{
    public void Validate(Validator v)
    {
        v.Required("opschorting.indicatie", Indicatie);
        if (Reden is null)
            v.Add("opschorting.reden", "required", "Dit veld is vereist.");
        v.MaxLength("opschorting.reden", Reden, 200);
    }
}

public sealed record Processobject(string? Datumkenmerk, string? Identificatie, string? Objecttype, string? Registratie)
{
    public void Validate(Validator v)
    {
        foreach (var (name, value) in new[] { ("datumkenmerk", Datumkenmerk), ("identificatie", Identificatie), ("objecttype", Objecttype), ("registratie", Registratie) })
            if (v.Required($"processobject.{name}", value))
                v.MaxLength($"processobject.{name}", value, 250);
    }
}

public sealed record RelevanteZaak(string? Url, string? AardRelatie)
{
    public void Validate(Validator v, string prefix)
    {
        if (v.Required($"{prefix}.url", Url))
            v.Url($"{prefix}.url", Url);
        if (v.Required($"{prefix}.aardRelatie", AardRelatie))
            v.OneOf($"{prefix}.aardRelatie", AardRelatie, ZaakRequest.AardRelaties);
    }
}

public sealed record ZaakKenmerk(string? Kenmerk, string? Bron)
{
    public void Validate(Validator v, string prefix)
    {
        if (v.Required($"{prefix}.kenmerk", Kenmerk))
            v.MaxLength($"{prefix}.kenmerk", Kenmerk, 40);
        if (v.Required($"{prefix}.bron", Bron))
            v.MaxLength($"{prefix}.bron", Bron, 40);
    }
}

/// <summary>The zaak attributes kept as one jsonb document (the rest are columns; see 0001_zaken.sql).</summary>
public sealed record ZaakGegevens
{
    public string Omschrijving { get; init; } = "";
    public string Toelichting { get; init; } = "";
    public string VerantwoordelijkeOrganisatie { get; init; } = "";
    public string Communicatiekanaal { get; init; } = "";
    public List<string> ProductenOfDiensten { get; init; } = [];
    public string Betalingsindicatie { get; init; } = "";
    public DateTimeOffset? LaatsteBetaaldatum { get; init; }
    public Verlenging? Verlenging { get; init; }
    public Opschorting? Opschorting { get; init; }
    public string Selectielijstklasse { get; init; } = "";
    public List<RelevanteZaak> RelevanteAndereZaken { get; init; } = [];
    public List<ZaakKenmerk> Kenmerken { get; init; } = [];
    public string OpdrachtgevendeOrganisatie { get; init; } = "";
    public string? Processobjectaard { get; init; }
    public Processobject? Processobject { get; init; }
}

/// <summary>GeoJSON geometry checks (OAS <c>GeoJSONGeometry</c>, RFC 7946): type and the nesting of coordinates.</summary>
public static class Geometrie
{
    private static readonly Dictionary<string, int> Depth = new()
    {
        ["Point"] = 1, ["MultiPoint"] = 2, ["LineString"] = 2, ["MultiLineString"] = 3, ["Polygon"] = 3, ["MultiPolygon"] = 4,
    };

    public static void Validate(Validator v, string field, JsonObject? geometry)
    {
        if (geometry is null)
            return;
        if (!IsValid(geometry))
            v.Add(field, "invalid", "Ongeldige GeoJSON-geometrie (RFC 7946): type en coordinates kloppen niet.");
    }

    public static bool IsValid(JsonNode? node, int level = 0)
    {
        if (node is not JsonObject geometry || level > 3 || geometry["type"] is not JsonValue t || !t.TryGetValue<string>(out var type))
            return false;
        if (type == "GeometryCollection")
            return geometry["geometries"] is JsonArray parts && parts.All(p => IsValid(p, level + 1));
        return Depth.TryGetValue(type, out var depth) && Coordinates(geometry["coordinates"], depth);
    }

    private static bool Coordinates(JsonNode? node, int depth)
    {
        if (node is not JsonArray array)
            return false;
        if (depth == 1)
            return array.Count is 2 or 3 && array.All(c => c is JsonValue n && n.TryGetValue<double>(out var d) && double.IsFinite(d));
        return array.Count > 0 && array.All(c => Coordinates(c, depth - 1));
    }
}
