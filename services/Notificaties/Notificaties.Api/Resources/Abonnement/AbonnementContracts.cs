using System.Text.Json;
using Zgw.Api.Http;
using Zgw.ServiceDefaults;

namespace Notificaties.Api.Resources.Abonnement;

/// <summary>One kanaal of an abonnement with its kenmerk filters (OAS <c>FilterGroup</c>).</summary>
public sealed record FilterGroup(string? Naam, Dictionary<string, string>? Filters);

/// <summary>The body of POST/PUT/PATCH <c>/abonnement</c>.</summary>
public sealed record AbonnementRequest(string? CallbackUrl, string? Auth, List<FilterGroup>? Kanalen) : IValidatable
{
    public void Validate(Validator v)
    {
        if (v.Required("callbackUrl", CallbackUrl))
            v.Url("callbackUrl", CallbackUrl);
        v.Required("auth", Auth);
        if (v.Required("kanalen", Kanalen))
        {
            for (var i = 0; i < Kanalen!.Count; i++)
            {
                if (v.Required($"kanalen.{i}", Kanalen[i]))
                    v.Required($"kanalen.{i}.naam", Kanalen[i].Naam);
            }
        }
    }
}

public sealed record AbonnementRecord(long Id, Guid Uuid, string CallbackUrl, string Auth, IReadOnlyList<FilterGroup> Kanalen)
{
    public AbonnementRequest ToRequest() => new(CallbackUrl, Auth, [.. Kanalen]);

    public object ToDto(ZgwOptions zgw) => new
    {
        url = NotificatiesService.Url(zgw, "abonnement", Uuid),
        callbackUrl = CallbackUrl,
        auth = Auth,
        kanalen = Kanalen.Select(k => new { naam = k.Naam, filters = k.Filters ?? [] }),
    };

    /// <summary>
    /// N4: the abonnement wants a message of <paramref name="kanaal"/> when every filter whose key is among the
    /// message's kenmerken has that value or <c>*</c>.
    /// </summary>
    public bool Wants(string kanaal, IReadOnlyDictionary<string, string> kenmerken) =>
        Kanalen.Any(k => k.Naam == kanaal && (k.Filters ?? []).All(f =>
            !kenmerken.TryGetValue(f.Key, out var value) || f.Value == "*" || f.Value == value));

    internal static IReadOnlyList<FilterGroup> ParseKanalen(string json) =>
        JsonSerializer.Deserialize<List<FilterGroup>>(json, ZgwJson.Options) ?? [];
}
