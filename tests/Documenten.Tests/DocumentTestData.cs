using System.Text.Json.Nodes;

namespace Documenten.Tests;

/// <summary>
/// State the update/delete tests need that other endpoints create (lock, gebruiksrechten, objectinformatieobjecten,
/// verzendingen), set directly in the database, so these tests do not depend on those endpoints.
/// </summary>
public static class DocumentTestData
{
    public static Guid Uuid(JsonObject document) => Guid.Parse(DocumentenApp.Url(document).Split('/')[^1]);

    /// <summary>Locks the document as <c>POST …/lock</c> would (D9) and returns the lock id.</summary>
    public static async Task<string> LockAsync(this DocumentenApp app, JsonObject document)
    {
        var lockId = Guid.NewGuid().ToString("N");
        await app.QueryAsync<object>("UPDATE enkelvoudiginformatieobject SET lock = @lockId WHERE uuid = @uuid", new { lockId, uuid = Uuid(document) });
        return lockId;
    }

    public static Task UnlockAsync(this DocumentenApp app, JsonObject document) =>
        app.QueryAsync<object>("UPDATE enkelvoudiginformatieobject SET lock = NULL WHERE uuid = @uuid", new { uuid = Uuid(document) });

    /// <summary>The lock id held in the database (null: not locked).</summary>
    public static Task<string?> LockInDatabaseAsync(this DocumentenApp app, JsonObject document) =>
        app.QueryAsync<string?>("SELECT lock FROM enkelvoudiginformatieobject WHERE uuid = @uuid", new { uuid = Uuid(document) });

    /// <summary>A gebruiksrechten row and the indicatie it implies (D4).</summary>
    public static Task AddGebruiksrechtAsync(this DocumentenApp app, JsonObject document) =>
        app.QueryAsync<object>("""
            INSERT INTO gebruiksrechten (uuid, document_id, startdatum, omschrijving_voorwaarden)
            SELECT gen_random_uuid(), id, now(), 'Vrij te gebruiken' FROM enkelvoudiginformatieobject WHERE uuid = @uuid;
            UPDATE enkelvoudiginformatieobject SET indicatie_gebruiksrecht = true WHERE uuid = @uuid;
            """, new { uuid = Uuid(document) });

    public static Task AddObjectinformatieobjectAsync(this DocumentenApp app, JsonObject document) =>
        app.QueryAsync<object>("""
            INSERT INTO objectinformatieobject (uuid, document_id, object, object_type)
            SELECT gen_random_uuid(), id, 'https://zaken.example.nl/zaken/api/v1/zaken/' || gen_random_uuid(), 'zaak'
            FROM enkelvoudiginformatieobject WHERE uuid = @uuid
            """, new { uuid = Uuid(document) });

    public static Task AddVerzendingAsync(this DocumentenApp app, JsonObject document) =>
        app.QueryAsync<object>("""
            INSERT INTO verzending (uuid, document_id, betrokkene, aard_relatie, gegevens)
            SELECT gen_random_uuid(), id, 'https://klanten.example.nl/api/v1/klanten/1', 'geadresseerde', '{"emailadres": "a@example.nl"}'
            FROM enkelvoudiginformatieobject WHERE uuid = @uuid
            """, new { uuid = Uuid(document) });

    /// <summary>Rows of <paramref name="table"/> that belong to the document (by document_id), or audit records (by hoofd_object).</summary>
    public static async Task<long> CountAsync(this DocumentenApp app, string table, long documentId) =>
        await app.QueryAsync<long>($"SELECT count(*) FROM {table} WHERE document_id = @documentId", new { documentId });

    public static async Task<long> DocumentIdAsync(this DocumentenApp app, JsonObject document) =>
        await app.QueryAsync<long>("SELECT id FROM enkelvoudiginformatieobject WHERE uuid = @uuid", new { uuid = Uuid(document) });

    /// <summary>The content store keys of every version of the document.</summary>
    public static async Task<List<string>> InhoudKeysAsync(this DocumentenApp app, JsonObject document)
    {
        var keys = await app.QueryAsync<string[]>("""
            SELECT coalesce(array_agg(v.inhoud ORDER BY v.versie), '{}') FROM enkelvoudiginformatieobject_versie v
            JOIN enkelvoudiginformatieobject d ON d.id = v.document_id WHERE d.uuid = @uuid AND v.inhoud IS NOT NULL
            """, new { uuid = Uuid(document) });
        return [.. keys ?? []];
    }
}
