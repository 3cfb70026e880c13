using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zgw.ServiceDefaults;

namespace Zgw.Data.AuditTrail;

/// <summary>
/// Writes audit records in the caller's transaction (so a write and its record commit together) and reads
/// a hoofdobject's trail. Table: Zgw.Data/Migrations/0002_audittrail.sql.
/// </summary>
public static class AuditTrailStore
{
    public static async Task<AuditTrailRecord> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditTrailRecord record)
    {
        var stored = record with
        {
            Uuid = record.Uuid == Guid.Empty ? Guid.CreateVersion7() : record.Uuid,
            Aanmaakdatum = record.Aanmaakdatum == default ? DateTimeOffset.UtcNow : record.Aanmaakdatum,
            ActieWeergave = record.ActieWeergave.Length == 0 ? AuditActie.Weergave(record.Actie) : record.ActieWeergave,
        };
        await connection.ExecuteAsync("""
            INSERT INTO audittrail (uuid, bron, applicatie_id, applicatie_weergave, gebruikers_id, gebruikers_weergave,
                                    actie, actie_weergave, resultaat, hoofd_object, resource, resource_url, toelichting,
                                    resource_weergave, aanmaakdatum, oud, nieuw)
            VALUES (@Uuid, @Bron, @ApplicatieId, @ApplicatieWeergave, @GebruikersId, @GebruikersWeergave,
                    @Actie, @ActieWeergave, @Resultaat, @HoofdObject, @Resource, @ResourceUrl, @Toelichting,
                    @ResourceWeergave, @Aanmaakdatum, CAST(@Oud AS jsonb), CAST(@Nieuw AS jsonb))
            """,
            new
            {
                stored.Uuid, stored.Bron, stored.ApplicatieId, stored.ApplicatieWeergave, stored.GebruikersId,
                stored.GebruikersWeergave, stored.Actie, stored.ActieWeergave, stored.Resultaat, stored.HoofdObject,
                stored.Resource, stored.ResourceUrl, stored.Toelichting, stored.ResourceWeergave, stored.Aanmaakdatum,
                Oud = stored.Wijzigingen.Oud?.ToJsonString(),
                Nieuw = stored.Wijzigingen.Nieuw?.ToJsonString(),
            }, transaction);
        return stored;
    }

    /// <summary>Serialises a resource representation for <see cref="AuditTrailWijzigingen"/>.</summary>
    public static JsonNode? Snapshot<T>(T? resource) =>
        resource is null ? null : JsonSerializer.SerializeToNode(resource, ZgwJson.Options);

    public static async Task<IReadOnlyList<AuditTrailRecord>> ListAsync(NpgsqlConnection connection, string hoofdObject)
    {
        var rows = await connection.QueryAsync<Row>(Select + " WHERE hoofd_object = @hoofdObject ORDER BY aanmaakdatum, uuid", new { hoofdObject });
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public static async Task<AuditTrailRecord?> GetAsync(NpgsqlConnection connection, string hoofdObject, Guid uuid)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select + " WHERE hoofd_object = @hoofdObject AND uuid = @uuid", new { hoofdObject, uuid });
        return row?.ToRecord();
    }

    /// <summary>Removes the trail of a destroyed hoofdobject (G8: hard delete), in the destroying transaction.</summary>
    public static Task<int> DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string hoofdObject) =>
        connection.ExecuteAsync("DELETE FROM audittrail WHERE hoofd_object = @hoofdObject", new { hoofdObject }, transaction);

    private const string Select = """
        SELECT uuid, bron, applicatie_id, applicatie_weergave, gebruikers_id, gebruikers_weergave, actie, actie_weergave,
               resultaat, hoofd_object, resource, resource_url, toelichting, resource_weergave, aanmaakdatum,
               oud::text AS oud, nieuw::text AS nieuw
        FROM audittrail
        """;

    private sealed class Row
    {
        public Guid Uuid { get; init; }
        public string Bron { get; init; } = "";
        public string ApplicatieId { get; init; } = "";
        public string ApplicatieWeergave { get; init; } = "";
        public string GebruikersId { get; init; } = "";
        public string GebruikersWeergave { get; init; } = "";
        public string Actie { get; init; } = "";
        public string ActieWeergave { get; init; } = "";
        public int Resultaat { get; init; }
        public string HoofdObject { get; init; } = "";
        public string Resource { get; init; } = "";
        public string ResourceUrl { get; init; } = "";
        public string Toelichting { get; init; } = "";
        public string ResourceWeergave { get; init; } = "";
        public DateTime Aanmaakdatum { get; init; }
        public string? Oud { get; init; }
        public string? Nieuw { get; init; }

        public AuditTrailRecord ToRecord() => new()
        {
            Uuid = Uuid, Bron = Bron, ApplicatieId = ApplicatieId, ApplicatieWeergave = ApplicatieWeergave,
            GebruikersId = GebruikersId, GebruikersWeergave = GebruikersWeergave, Actie = Actie, ActieWeergave = ActieWeergave,
            Resultaat = Resultaat, HoofdObject = HoofdObject, Resource = Resource, ResourceUrl = ResourceUrl,
            Toelichting = Toelichting, ResourceWeergave = ResourceWeergave,
            Aanmaakdatum = new DateTimeOffset(DateTime.SpecifyKind(Aanmaakdatum, DateTimeKind.Utc)),
            Wijzigingen = new AuditTrailWijzigingen(Oud is null ? null : JsonNode.Parse(Oud), Nieuw is null ? null : JsonNode.Parse(Nieuw)),
        };
    }
}
