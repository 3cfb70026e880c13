using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Api.Query;

namespace Zaken.Api.Resources.Zaak;

/// <summary>
/// The filters and ordering of <c>GET /zaken</c> and <c>POST /zaken/_zoek</c> (OAS; specs README §4.1). Every filter is a
/// column with an index, or an <c>EXISTS</c> over rollen that uses the rol indexes (0001_zaken.sql).
/// </summary>
public static class ZaakQuery
{
    public const string MaximaleVertrouwelijkheidaanduiding = "maximaleVertrouwelijkheidaanduiding";

    private const string Rol = "EXISTS (SELECT 1 FROM rol r WHERE r.zaak_id = z.id AND {column})";

    private static string RolIdentificatie(string betrokkeneType, string key) =>
        $"EXISTS (SELECT 1 FROM rol r WHERE r.zaak_id = z.id AND r.betrokkene_type = '{betrokkeneType}' AND {{column}})";

    private static readonly (string Parameter, string BetrokkeneType, string Key)[] RolIdentificaties =
    [
        ("natuurlijkPersoon__inpBsn", "natuurlijk_persoon", "inpBsn"),
        ("natuurlijkPersoon__anpIdentificatie", "natuurlijk_persoon", "anpIdentificatie"),
        ("natuurlijkPersoon__inpA_nummer", "natuurlijk_persoon", "inpA_nummer"),
        ("nietNatuurlijkPersoon__innNnpId", "niet_natuurlijk_persoon", "innNnpId"),
        ("nietNatuurlijkPersoon__annIdentificatie", "niet_natuurlijk_persoon", "annIdentificatie"),
        ("vestiging__vestigingsNummer", "vestiging", "vestigingsNummer"),
        ("medewerker__identificatie", "medewerker", "identificatie"),
        ("organisatorischeEenheid__identificatie", "organisatorische_eenheid", "identificatie"),
    ];

    public static readonly string[] BetrokkeneTypen =
        ["natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", "organisatorische_eenheid", "medewerker"];

    public static readonly string[] OmschrijvingenGeneriek =
        ["adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator", "klantcontacter", "zaakcoordinator", "mede_initiator"];

    /// <summary>The fields <c>ordering</c> accepts and their columns.</summary>
    public static readonly Dictionary<string, string> Orderings = new()
    {
        ["startdatum"] = "z.startdatum",
        ["einddatum"] = "z.einddatum",
        ["publicatiedatum"] = "z.publicatiedatum",
        ["archiefactiedatum"] = "z.archiefactiedatum",
        ["registratiedatum"] = "z.registratiedatum",
        ["identificatie"] = "z.identificatie",
    };

    public static readonly FilterSet List = Filters(zoek: false).Allow([.. PageRequest.Parameters, "expand", "ordering", MaximaleVertrouwelijkheidaanduiding]);

    /// <summary>The body fields of <c>_zoek</c> (ZaakZoek): the list filters plus uuid__in and zaaktype__in.</summary>
    public static readonly FilterSet Zoek = Filters(zoek: true).Allow("expand", "ordering", MaximaleVertrouwelijkheidaanduiding, "zaakgeometrie");

    private static FilterSet Filters(bool zoek)
    {
        var set = new FilterSet()
            .Add("identificatie", FilterKind.Text, "z.identificatie")
            .Add("bronorganisatie", FilterKind.Text, "z.bronorganisatie", FilterOps.Exact | FilterOps.In)
            .Add("zaaktype", FilterKind.Url, "z.zaaktype", zoek ? FilterOps.Exact | FilterOps.In : FilterOps.Exact)
            .Add("archiefnominatie", FilterKind.Choice, "z.archiefnominatie", FilterOps.Exact | FilterOps.In, ["blijvend_bewaren", "vernietigen"])
            .Add("archiefactiedatum", FilterKind.Date, "z.archiefactiedatum", FilterOps.Exact | FilterOps.IsNull | FilterOps.Lt | FilterOps.Gt)
            .Add("archiefstatus", FilterKind.Choice, "z.archiefstatus", FilterOps.Exact | FilterOps.In, ZaakRequest.Archiefstatussen)
            .Add("startdatum", FilterKind.Date, "z.startdatum", FilterOps.Exact | FilterOps.Comparisons)
            .Add("registratiedatum", FilterKind.Date, "z.registratiedatum", FilterOps.Exact | FilterOps.Gt | FilterOps.Lt)
            .Add("einddatum", FilterKind.Date, "z.einddatum", FilterOps.Exact | FilterOps.IsNull | FilterOps.Gt | FilterOps.Lt)
            .Add("einddatumGepland", FilterKind.Date, "z.einddatum_gepland", FilterOps.Exact | FilterOps.Gt | FilterOps.Lt)
            .Add("uiterlijkeEinddatumAfdoening", FilterKind.Date, "z.uiterlijke_einddatum_afdoening", FilterOps.Exact | FilterOps.Gt | FilterOps.Lt)
            .Add("rol__betrokkeneType", FilterKind.Choice, Rol, choices: BetrokkeneTypen, column: "r.betrokkene_type")
            .Add("rol__betrokkene", FilterKind.Url, Rol, column: "r.betrokkene")
            .Add("rol__omschrijvingGeneriek", FilterKind.Choice, Rol, choices: OmschrijvingenGeneriek, column: "r.omschrijving_generiek");
        foreach (var (parameter, type, key) in RolIdentificaties)
            set.Add($"rol__betrokkeneIdentificatie__{parameter}", FilterKind.Text, RolIdentificatie(type, key),
                column: $"(r.betrokkene_identificatie ->> '{key}')");
        if (zoek)
            set.Add("uuid", FilterKind.Uuid, "z.uuid", FilterOps.In);
        return set;
    }

    /// <summary><c>maximaleVertrouwelijkheidaanduiding</c>: zaken at or below that level.</summary>
    public static void AddMaximaleVertrouwelijkheid(SqlWhere where, string? value, string alias = "z")
    {
        if (string.IsNullOrEmpty(value))
            return;
        var rank = Vertrouwelijkheid.Rank(value);
        if (rank < 0)
            throw ZgwException.Validation(MaximaleVertrouwelijkheidaanduiding, ZgwCodes.InvalidChoice, $"\"{value}\" is een ongeldige keuze.");
        where.AddRaw($"{alias}.vertrouwelijkheid_rang <= {where.Parameter((short)rank)}");
    }

    /// <summary>
    /// <c>ordering</c>: comma-separated fields, <c>-</c> for descending; always ending in <c>z.id DESC</c> so pages are stable
    /// (default newest first, ARCHITECTURE §11.12). An unknown field is a 400.
    /// </summary>
    public static string OrderBy(string? ordering)
    {
        var parts = new List<string>();
        foreach (var item in (ordering ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var descending = item.StartsWith('-');
            var name = descending ? item[1..] : item;
            if (!Orderings.TryGetValue(name, out var column))
                throw ZgwException.Validation("ordering", ZgwCodes.Invalid,
                    $"Ongeldige sortering \"{item}\"; mogelijk: {string.Join(", ", Orderings.Keys)} (met - voor aflopend).");
            parts.Add(descending ? $"{column} DESC NULLS LAST" : $"{column} ASC NULLS FIRST");
        }
        parts.Add("z.id DESC");
        return string.Join(", ", parts);
    }

    /// <summary>
    /// Turns a <c>_zoek</c> body into query-string form so it is checked by the same filter definitions: strings as they
    /// are, arrays (for <c>__in</c>) comma-joined, booleans and numbers as text. <c>zaakgeometrie</c> is returned apart.
    /// Anything else (nested objects, unknown fields) is a 400.
    /// </summary>
    public static (QueryCollection Query, JsonObject? Within) FromZoekBody(JsonObject body)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        JsonObject? within = null;
        var errors = new List<InvalidParam>();
        foreach (var (name, node) in body)
        {
            if (name == "zaakgeometrie")
            {
                if (node is null)
                    continue;
                if (node is JsonObject geo && geo["within"] is JsonObject w && geo.Count == 1 && Geometrie.IsValid(w))
                    within = w;
                else
                    errors.Add(new InvalidParam("zaakgeometrie", ZgwCodes.Invalid, "Verwacht {\"within\": <GeoJSON-geometrie>}."));
                continue;
            }
            switch (node)
            {
                case null:
                    continue;
                case JsonArray array when array.All(i => i is JsonValue):
                    values[name] = string.Join(",", array.Select(i => Text(i!)));
                    break;
                case JsonValue value:
                    values[name] = Text(value);
                    break;
                default:
                    errors.Add(new InvalidParam(name, ZgwCodes.Invalid, "Ongeldige waarde voor dit filter."));
                    break;
            }
        }
        if (errors.Count > 0)
            throw ZgwException.Validation(errors);
        return (new QueryCollection(values), within);
    }

    private static string Text(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };
}
