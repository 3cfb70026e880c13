using Dapper;
using Npgsql;
using Zgw.Api.Http;

namespace Notificaties.Api.Resources.Abonnement;

/// <summary>The abonnement rules of zgw-rules N3, with Open Notificaties' codes.</summary>
public static class AbonnementRules
{
    /// <summary>
    /// N3: every kanaal of an abonnement exists (<c>kanaal_naam</c>) and its filter keys are among the kanaal's
    /// declared filters (<c>inconsistent-abonnement-filters</c>).
    /// </summary>
    public static async Task N3_KanalenBestaanEnFiltersPassen(NpgsqlConnection c, AbonnementRequest r, Validator v)
    {
        var names = r.Kanalen!.Select(k => k.Naam!).Distinct().ToArray();
        var declared = (await c.QueryAsync<(string Naam, string[] Filters)>(
            "SELECT naam, filters FROM kanaal WHERE naam = ANY(@names)", new { names })).ToDictionary(k => k.Naam, k => k.Filters);
        for (var i = 0; i < r.Kanalen!.Count; i++)
        {
            var group = r.Kanalen[i];
            if (!declared.TryGetValue(group.Naam!, out var filters))
            {
                v.Add($"kanalen.{i}.naam", "kanaal_naam", $"Kanaal met naam {group.Naam} bestaat niet.");
                continue;
            }
            var unknown = (group.Filters ?? []).Keys.Where(k => !filters.Contains(k)).ToList();
            if (unknown.Count > 0)
                v.Add($"kanalen.{i}.filters", "inconsistent-abonnement-filters",
                    $"Filters {string.Join(", ", unknown)} komen niet voor in de kenmerken van kanaal {group.Naam}.");
        }
    }
}
