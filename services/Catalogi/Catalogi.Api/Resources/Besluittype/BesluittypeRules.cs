using Catalogi.Api.Resources.Common;
using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Catalogi.Api.Resources.Besluittype;

/// <summary>The rules of the besluittype (zgw-rules §T).</summary>
public static class BesluittypeRules
{
    /// <summary>
    /// Open Zaak's publish check for a besluittype (behind <c>Catalogi:StrictPublish</c>, T4): every informatieobjecttype it
    /// names has a published version. 400 <c>concept-relation</c>.
    /// </summary>
    public static async Task InformatieobjecttypenGepubliceerdAsync(NpgsqlConnection c, NpgsqlTransaction tx, long besluittypeId, Validator v)
    {
        var concept = await c.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (
                SELECT 1 FROM besluittype b, unnest(b.informatieobjecttypen) AS naam
                WHERE b.id = @besluittypeId
                  AND NOT EXISTS (SELECT 1 FROM informatieobjecttype i WHERE i.catalogus_id = b.catalogus_id AND i.omschrijving = naam AND NOT i.concept))
            """, new { besluittypeId }, tx);
        if (concept)
            v.Add(InvalidParam.NonFieldErrors, "concept-relation", "Alle gerelateerde informatieobjecttypen moeten gepubliceerd zijn.");
    }
}
