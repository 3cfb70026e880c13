using System.Text.Json.Nodes;
using Zgw.Api.Auth;
using Zgw.Api.Http;

namespace Autorisaties.Api.Resources.Applicatie;

/// <summary>The body of POST/PUT/PATCH <c>/applicaties</c> (OAS schema <c>Applicatie</c> without <c>url</c>).</summary>
public sealed record ApplicatieRequest(
    List<string>? ClientIds,
    string? Label,
    bool? HeeftAlleAutorisaties,
    List<AutorisatieRequest>? Autorisaties) : IValidatable
{
    public void Validate(Validator v) => ApplicatieRules.ValidateFields(this, v);
}

/// <summary>One autorisatie in a request (OAS <c>AutorisatieBase</c> with the fields of its component).</summary>
public sealed record AutorisatieRequest(
    string? Component,
    List<string>? Scopes,
    string? Zaaktype,
    string? Informatieobjecttype,
    string? Besluittype,
    string? MaxVertrouwelijkheidaanduiding)
{
    public Autorisatie ToModel() => new(Component!, Scopes ?? [],
        Component == ZgwScopes.Zrc ? Zaaktype : null,
        Component == ZgwScopes.Drc ? Informatieobjecttype : null,
        Component == ZgwScopes.Brc ? Besluittype : null,
        Component is ZgwScopes.Zrc or ZgwScopes.Drc ? MaxVertrouwelijkheidaanduiding : null);

    public static AutorisatieRequest From(Autorisatie a) =>
        new(a.Component, [.. a.Scopes], a.Zaaktype, a.Informatieobjecttype, a.Besluittype, a.MaxVertrouwelijkheidaanduiding);
}

/// <summary>A stored applicatie.</summary>
public sealed record ApplicatieRecord(
    long Id,
    Guid Uuid,
    string Label,
    bool HeeftAlleAutorisaties,
    IReadOnlyList<string> ClientIds,
    IReadOnlyList<Autorisatie> Autorisaties)
{
    public ApplicatieRequest ToRequest() =>
        new([.. ClientIds], Label, HeeftAlleAutorisaties, Autorisaties.Select(AutorisatieRequest.From).ToList());
}

public static class ApplicatieMapping
{
    private static readonly Dictionary<string, string> ComponentWeergave = new()
    {
        [ZgwScopes.Ac] = "Autorisaties API",
        [ZgwScopes.Nrc] = "Notificaties API",
        [ZgwScopes.Zrc] = "Zaken API",
        [ZgwScopes.Ztc] = "Catalogi API",
        [ZgwScopes.Drc] = "Documenten API",
        [ZgwScopes.Brc] = "Besluiten API",
    };

    /// <summary>The OAS representation: each autorisatie carries the fields of its component only.</summary>
    public static JsonObject ToJson(this ApplicatieRecord a, string url) => new()
    {
        ["url"] = url,
        ["clientIds"] = new JsonArray(a.ClientIds.Select(c => JsonValue.Create(c)).ToArray<JsonNode?>()),
        ["label"] = a.Label,
        ["heeftAlleAutorisaties"] = a.HeeftAlleAutorisaties,
        ["autorisaties"] = new JsonArray(a.Autorisaties.Select(ToJson).ToArray<JsonNode?>()),
    };

    private static JsonNode ToJson(Autorisatie a)
    {
        var json = new JsonObject
        {
            ["component"] = a.Component,
            ["componentWeergave"] = ComponentWeergave.GetValueOrDefault(a.Component, a.Component),
            ["scopes"] = new JsonArray(a.Scopes.Select(s => JsonValue.Create(s)).ToArray<JsonNode?>()),
        };
        switch (a.Component)
        {
            case ZgwScopes.Zrc:
                json["zaaktype"] = a.Zaaktype ?? "";
                json["maxVertrouwelijkheidaanduiding"] = a.MaxVertrouwelijkheidaanduiding ?? "";
                break;
            case ZgwScopes.Drc:
                json["informatieobjecttype"] = a.Informatieobjecttype ?? "";
                json["maxVertrouwelijkheidaanduiding"] = a.MaxVertrouwelijkheidaanduiding ?? "";
                break;
            case ZgwScopes.Brc:
                json["besluittype"] = a.Besluittype ?? "";
                break;
        }
        return json;
    }
}
