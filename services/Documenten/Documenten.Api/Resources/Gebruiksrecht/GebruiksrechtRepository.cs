using Dapper;
using Npgsql;
using Zgw.Api.Query;

namespace Documenten.Api.Resources.Gebruiksrecht;

/// <summary>SQL of <c>gebruiksrechten</c> (joined with its document as <c>d</c>). Writes take the caller's connection and transaction.</summary>
public static class GebruiksrechtRepository
{
    private const string Columns = """
        g.id, g.uuid, g.document_id, d.uuid AS document_uuid, g.startdatum, g.einddatum, g.omschrijving_voorwaarden
        """;

    private const string From = "gebruiksrechten g JOIN enkelvoudiginformatieobject d ON d.id = g.document_id";

    /// <summary>The list filters (OAS <c>gebruiksrechten_list</c>); <c>informatieobject</c> is applied by <c>InformatieobjectVerwijzing.AddFilter</c>.</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("startdatum", FilterKind.DateTime, "g.startdatum", FilterOps.Comparisons)
        .Add("einddatum", FilterKind.DateTime, "g.einddatum", FilterOps.Comparisons)
        .Allow(Common.InformatieobjectVerwijzing.Parameter, "expand");

    public static async Task<IReadOnlyList<GebruiksrechtRow>> ListAsync(NpgsqlConnection c, SqlWhere where, CancellationToken ct) =>
        (await c.QueryAsync<GebruiksrechtRow>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE {where.Sql} ORDER BY g.id", new DynamicParameters(where.Parameters), cancellationToken: ct))).ToList();

    public static Task<GebruiksrechtRow?> FindAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        c.QuerySingleOrDefaultAsync<GebruiksrechtRow>(
            $"SELECT {Columns} FROM {From} WHERE g.uuid = @uuid {(forUpdate ? "FOR UPDATE OF g" : "")}", new { uuid }, tx);

    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid, long documentId, GebruiksrechtRequest r) =>
        c.ExecuteAsync("""
            INSERT INTO gebruiksrechten (uuid, document_id, startdatum, einddatum, omschrijving_voorwaarden)
            VALUES (@uuid, @documentId, @startdatum, @einddatum, @omschrijving)
            """, new { uuid, documentId, startdatum = r.Startdatum!.Value.ToUniversalTime(), einddatum = r.Einddatum?.ToUniversalTime(),
                omschrijving = r.OmschrijvingVoorwaarden }, tx);

    public static Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, GebruiksrechtRequest r) =>
        c.ExecuteAsync("""
            UPDATE gebruiksrechten SET startdatum = @startdatum, einddatum = @einddatum, omschrijving_voorwaarden = @omschrijving WHERE id = @id
            """, new { id, startdatum = r.Startdatum!.Value.ToUniversalTime(), einddatum = r.Einddatum?.ToUniversalTime(),
                omschrijving = r.OmschrijvingVoorwaarden }, tx);

    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.ExecuteAsync("DELETE FROM gebruiksrechten WHERE id = @id", new { id }, tx);

    /// <summary>Whether the document has gebruiksrechten (drc-006: on delete of one, and on update of the document).</summary>
    public static Task<bool> AnyOfDocumentAsync(NpgsqlConnection c, long documentId, NpgsqlTransaction? tx = null) =>
        c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM gebruiksrechten WHERE document_id = @documentId)", new { documentId }, tx);

    /// <summary>
    /// D4: the document's <c>indicatieGebruiksrecht</c> in its current state (what every version renders). No new version:
    /// Open Zaak updates the latest version in place.
    /// </summary>
    public static Task SetIndicatieAsync(NpgsqlConnection c, NpgsqlTransaction tx, long documentId, bool? indicatie) =>
        c.ExecuteAsync("UPDATE enkelvoudiginformatieobject SET indicatie_gebruiksrecht = @indicatie WHERE id = @documentId",
            new { documentId, indicatie }, tx);
}
