using System.Text.Json.Nodes;
using Dapper;
using Documenten.Api.Resources.Common;
using Npgsql;

namespace Documenten.Api.Resources.Bestandsdeel;

/// <summary>One part of a large upload (D10).</summary>
public sealed class BestandsdeelRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long DocumentId { get; init; }
    public int Versie { get; init; }
    public int Volgnummer { get; init; }
    public long Omvang { get; init; }
    public bool Voltooid { get; init; }

    /// <summary>The content store key of the received part; null until it is uploaded.</summary>
    public string? Inhoud { get; init; }

    /// <summary>
    /// OAS <c>BestandsDeel</c> (the answer of <c>PUT /bestandsdelen/{uuid}</c>): url, volgnummer, omvang, voltooid and the
    /// document's <paramref name="lockId"/>. The part's own content has no URL of its own, so <c>inhoud</c> is left out.
    /// </summary>
    public JsonObject Render(DocumentenUrls urls, string lockId) => new()
    {
        ["url"] = urls.Bestandsdeel(Uuid),
        ["volgnummer"] = Volgnummer,
        ["omvang"] = Omvang,
        ["voltooid"] = Voltooid,
        ["lock"] = lockId,
    };
}

/// <summary>
/// SQL of the bestandsdelen of a document (D10): the parts of the upload that fills version <c>versie</c>. A create or
/// update that opens an upload inserts them; <c>PUT /bestandsdelen/{uuid}</c> fills one; the unlock concatenates and
/// removes them.
/// </summary>
public static class BestandsdeelRepository
{
    private const string Columns = "b.id, b.uuid, b.document_id, b.versie, b.volgnummer, b.omvang, b.voltooid, b.inhoud";

    public static async Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, long documentId, int versie,
        IEnumerable<(int Volgnummer, long Omvang)> delen)
    {
        foreach (var (volgnummer, omvang) in delen)
            await c.ExecuteAsync("""
                INSERT INTO bestandsdeel (uuid, document_id, versie, volgnummer, omvang)
                VALUES (@uuid, @documentId, @versie, @volgnummer, @omvang)
                """, new { uuid = Guid.CreateVersion7(), documentId, versie, volgnummer, omvang }, tx);
    }

    /// <summary>The parts of the given documents, in volgnummer order (for rendering a page of documents).</summary>
    public static async Task<ILookup<(long DocumentId, int Versie), BestandsdeelRow>> OfDocumentsAsync(NpgsqlConnection c,
        IReadOnlyCollection<long> documentIds, NpgsqlTransaction? tx = null) =>
        (await c.QueryAsync<BestandsdeelRow>(
            $"SELECT {Columns} FROM bestandsdeel b WHERE b.document_id = ANY(@ids) ORDER BY b.document_id, b.versie, b.volgnummer",
            new { ids = documentIds.ToArray() }, tx)).ToLookup(b => (b.DocumentId, b.Versie));

    public static Task<BestandsdeelRow?> FindAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<BestandsdeelRow>($"SELECT {Columns} FROM bestandsdeel b WHERE b.uuid = @uuid", new { uuid }, tx);

    /// <summary>
    /// The content keys of the parts received so far: what a write that removes the parts (<see cref="DeleteOfDocumentAsync"/>)
    /// deletes from the store after its commit.
    /// </summary>
    public static async Task<IReadOnlyList<string>> InhoudKeysAsync(NpgsqlConnection c, NpgsqlTransaction tx, long documentId) =>
        (await c.QueryAsync<string>("SELECT inhoud FROM bestandsdeel WHERE document_id = @documentId AND inhoud IS NOT NULL",
            new { documentId }, tx)).ToList();

    /// <summary>
    /// Moves a pending upload to a new version (a PUT/PATCH that keeps the content while the upload is open, D6/D10): the
    /// parts received so far stay valid and the unlock fills the new version.
    /// </summary>
    public static Task MoveToVersieAsync(NpgsqlConnection c, NpgsqlTransaction tx, long documentId, int versie) =>
        c.ExecuteAsync("UPDATE bestandsdeel SET versie = @versie WHERE document_id = @documentId", new { documentId, versie }, tx);
    /// <summary>Every part of one document (every version), in (versie, volgnummer) order.</summary>
    public static async Task<IReadOnlyList<BestandsdeelRow>> OfDocumentAsync(NpgsqlConnection c, NpgsqlTransaction tx, long documentId) =>
        (await c.QueryAsync<BestandsdeelRow>(
            $"SELECT {Columns} FROM bestandsdeel b WHERE b.document_id = @documentId ORDER BY b.versie, b.volgnummer",
            new { documentId }, tx)).ToList();

    /// <summary>Stores a received part: its content key, and voltooid (the size matched its omvang).</summary>
    public static Task SetInhoudAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, string inhoud) =>
        c.ExecuteAsync("UPDATE bestandsdeel SET inhoud = @inhoud, voltooid = true WHERE id = @id", new { id, inhoud }, tx);

    /// <summary>Removes every part of the document (after the unlock concatenated them, or when a new upload replaces them).</summary>
    public static Task DeleteOfDocumentAsync(NpgsqlConnection c, NpgsqlTransaction tx, long documentId) =>
        c.ExecuteAsync("DELETE FROM bestandsdeel WHERE document_id = @documentId", new { documentId }, tx);
}
