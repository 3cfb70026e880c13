using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Zgw.Api.References;

namespace Documenten.Api.Resources.Objectinformatieobject;

/// <summary>The answer of the source API about a relation: it exists, it does not, or the lookup failed (with the reason).</summary>
public sealed record BronRelatie(bool? Bestaat, string Reden)
{
    public static readonly BronRelatie Ja = new(true, "");
    public static readonly BronRelatie Nee = new(false, "");
    public static BronRelatie Onbekend(string reden) => new(null, reden);
}

/// <summary>
/// drc-003/004 (D2): asks the source of an objectinformatieobject whether the relation exists there — for a zaak
/// <c>GET {Zaken root}/zaakinformatieobjecten?zaak={object}&amp;informatieobject={document}</c>, for a besluit
/// <c>GET {Besluiten root}/besluitinformatieobjecten?besluit={object}&amp;informatieobject={document}</c>. The API root is
/// the object URL before its collection segment (<c>/zaken/</c>, <c>/besluiten/</c>). The call goes through the shared
/// <see cref="SiblingJson"/> (internal address for our own public base, this service's token, the named client
/// <see cref="HttpClientName"/> with resilience from <c>Documenten:Bronnen:Resilience</c>); as the shared
/// <see cref="UrlResolver"/>, hosts outside our own public base are asked only when listed in
/// <c>Zgw:References:AllowedHosts</c>. Never cached (the relation changes) and never throws for a failing source: the
/// answer carries the reason.
/// </summary>
public sealed class ObjectinformatieobjectBron(SiblingJson sibling, SiblingCalls siblings, IOptions<UrlResolverOptions> references)
{
    public const string HttpClientName = "documenten-bronnen";
    public const string ResilienceSection = "Documenten:Bronnen:Resilience";

    /// <summary>The source API, the collection of the object, the list of the source's relations and its filter parameter, per objectType.</summary>
    private static readonly Dictionary<string, (string Api, string Collection, string Relaties, string Parameter)> Bronnen = new()
    {
        [ObjectinformatieobjectMapping.Zaak] = ("Zaken API", "zaken", "zaakinformatieobjecten", "zaak"),
        [ObjectinformatieobjectMapping.Besluit] = ("Besluiten API", "besluiten", "besluitinformatieobjecten", "besluit"),
    };

    /// <summary>True for the object types whose source is asked (zaak, besluit); verzoek is not (see docs/deviations.md).</summary>
    public static bool HeeftBron(string objectType) => Bronnen.ContainsKey(objectType);

    /// <summary>The URL of the source's relation list for <paramref name="object"/> and <paramref name="informatieobject"/>, or null.</summary>
    public static string? RelatiesUrl(string objectType, string @object, string informatieobject)
    {
        if (!Bronnen.TryGetValue(objectType, out var bron))
            return null;
        var segment = $"/{bron.Collection}/";
        var at = @object.LastIndexOf(segment, StringComparison.Ordinal);
        if (at <= 0 || @object.Length == at + segment.Length)
            return null;
        return $"{@object[..at]}/{bron.Relaties}?{bron.Parameter}={Uri.EscapeDataString(@object)}&informatieobject={Uri.EscapeDataString(informatieobject)}";
    }

    /// <summary>Whether the source holds the relation between <paramref name="object"/> and the document at <paramref name="informatieobject"/>.</summary>
    public async Task<BronRelatie> RelatieAsync(string objectType, string @object, string informatieobject, CancellationToken ct)
    {
        var url = RelatiesUrl(objectType, @object, informatieobject);
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return BronRelatie.Onbekend($"De URL is geen {objectType} van een API waarvan de relaties opgevraagd kunnen worden.");
        if (siblings.ToInternal(uri) is null && !references.Value.Allows(uri))
            return BronRelatie.Onbekend($"De host {uri.Authority} staat niet in de lijst van toegestane API's.");

        var api = Bronnen[objectType].Api;
        var result = await sibling.SendAsync(api, HttpMethod.Get, url, null, ct);
        if (!result.Is(HttpStatusCode.OK))
            return BronRelatie.Onbekend(result.Reason.Length > 0 ? result.Reason : $"De {api} antwoordde HTTP {(int?)result.Status}.");
        if (result.Body is not JsonArray && !(result.Body is JsonObject page && page["results"] is JsonArray))
            return BronRelatie.Onbekend($"De {api} gaf geen lijst van relaties.");
        return SiblingJson.Items(result.Body).Any() ? BronRelatie.Ja : BronRelatie.Nee;
    }

    /// <summary>The calls through the named client: standard resilience with short defaults (a caller waits for this lookup), per host.</summary>
    public static void Register(IServiceCollection services) => SiblingJson.Add(services, HttpClientName, ResilienceSection);
}
