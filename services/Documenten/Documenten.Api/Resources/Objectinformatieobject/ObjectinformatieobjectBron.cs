using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
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
/// the object URL before its collection segment (<c>/zaken/</c>, <c>/besluiten/</c>). As the shared
/// <see cref="UrlResolver"/>: URLs under our own public base go to the owning service's internal address
/// (<see cref="SiblingCalls"/>), other hosts only when listed in <c>Zgw:References:AllowedHosts</c>; the call carries this
/// service's own token and goes through the named client <see cref="HttpClientName"/> (timeouts, retries, circuit breaking
/// per host; section <c>Documenten:Bronnen:Resilience</c>). Never cached (the relation changes) and never throws for a
/// failing source: the answer carries the reason.
/// </summary>
public sealed class ObjectinformatieobjectBron(
    IHttpClientFactory httpClients,
    SiblingCalls siblings,
    IOptions<UrlResolverOptions> references,
    ILogger<ObjectinformatieobjectBron> logger)
{
    public const string HttpClientName = "documenten-bronnen";
    public const string ResilienceSection = "Documenten:Bronnen:Resilience";

    /// <summary>The collection of the object, the list of the source's relations and its filter parameter, per objectType.</summary>
    private static readonly Dictionary<string, (string Collection, string Relaties, string Parameter)> Bronnen = new()
    {
        [ObjectinformatieobjectMapping.Zaak] = ("zaken", "zaakinformatieobjecten", "zaak"),
        [ObjectinformatieobjectMapping.Besluit] = ("besluiten", "besluitinformatieobjecten", "besluit"),
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
        var target = siblings.ToInternal(uri) ?? (references.Value.Allows(uri) ? uri : null);
        if (target is null)
            return BronRelatie.Onbekend($"De host {uri.Authority} staat niet in de lijst van toegestane API's.");

        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        siblings.Authorize(request);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                logger.LogWarning("Relation lookup {Url}: HTTP {Status}", target, (int)response.StatusCode);
                return BronRelatie.Onbekend($"De bron antwoordde HTTP {(int)response.StatusCode} op {uri.AbsolutePath}.");
            }
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            var items = json.RootElement switch
            {
                { ValueKind: JsonValueKind.Array } a => a,
                { ValueKind: JsonValueKind.Object } o when o.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Array => r,
                _ => (JsonElement?)null,
            };
            if (items is null)
                return BronRelatie.Onbekend("De bron gaf geen lijst van relaties.");
            return items.Value.GetArrayLength() > 0 ? BronRelatie.Ja : BronRelatie.Nee;
        }
        catch (JsonException)
        {
            return BronRelatie.Onbekend("De bron gaf geen JSON.");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                       or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Relation lookup {Url} failed: {Error}", target, e.Message);
            return BronRelatie.Onbekend($"De bron op {uri.Authority} is niet bereikbaar ({e.GetType().Name}).");
        }
    }


    /// <summary>The named client: standard resilience with short defaults (a caller waits for this lookup), per host.</summary>
    public static void Register(IServiceCollection services)
    {
        SiblingHttpClient.Add(services, HttpClientName, ResilienceSection);
    }
}
