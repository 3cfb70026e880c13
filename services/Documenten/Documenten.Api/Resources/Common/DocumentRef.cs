using Dapper;
using Npgsql;
using Zgw.Api.Problems;

namespace Documenten.Api.Resources.Common;

/// <summary>
/// The current state of a document that the rules and checks of its related resources need: authorisation
/// (informatieobjecttype, vertrouwelijkheid), notification kenmerken, lock (D9), gebruiksrecht (D4), latest versie (D6).
/// </summary>
public sealed class DocumentRef
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public string Identificatie { get; init; } = "";
    public string Bronorganisatie { get; init; } = "";
    public string Informatieobjecttype { get; init; } = "";
    public string Vertrouwelijkheidaanduiding { get; init; } = "";
    public string Status { get; init; } = "";
    public bool? IndicatieGebruiksrecht { get; init; }
    public int Versie { get; init; }

    /// <summary>The lock id (D9); null when the document is not locked. Never rendered except by /lock and an upload create.</summary>
    public string? Lock { get; init; }

    public bool Locked => Lock is not null;

    /// <summary>The kenmerken of kanaal <c>documenten</c>.</summary>
    public IReadOnlyDictionary<string, string> Kenmerken => new Dictionary<string, string>
    {
        ["bronorganisatie"] = Bronorganisatie,
        ["informatieobjecttype"] = Informatieobjecttype,
        ["vertrouwelijkheidaanduiding"] = Vertrouwelijkheidaanduiding,
    };

    private const string Columns = """
        d.id, d.uuid, d.identificatie, d.bronorganisatie, d.informatieobjecttype, d.vertrouwelijkheidaanduiding, d.status,
        d.indicatie_gebruiksrecht, d.versie, d.lock
        """;

    public static Task<DocumentRef?> FindAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<DocumentRef>($"SELECT {Columns} FROM enkelvoudiginformatieobject d WHERE d.uuid = @uuid", new { uuid }, tx);

    public static Task<DocumentRef?> FindByIdAsync(NpgsqlConnection c, long id, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<DocumentRef>($"SELECT {Columns} FROM enkelvoudiginformatieobject d WHERE d.id = @id", new { id }, tx);

    /// <summary>
    /// Locks the document row for the rest of the transaction: writes of one document and its related data (new versions,
    /// lock/unlock, gebruiksrechten and the indicatie, bestandsdelen) are serialised.
    /// </summary>
    public static Task<DocumentRef?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid) =>
        c.QuerySingleOrDefaultAsync<DocumentRef>($"SELECT {Columns} FROM enkelvoudiginformatieobject d WHERE d.uuid = @uuid FOR UPDATE", new { uuid }, tx);

    /// <summary>
    /// The document a request body names in <paramref name="field"/> (<c>informatieobject</c>), locked. A URL of a document
    /// that does not exist is a 400 <c>does_not_exist</c> on that field (Open Zaak), not a 404.
    /// </summary>
    public static async Task<DocumentRef> LockReferencedAsync(NpgsqlConnection c, NpgsqlTransaction tx, DocumentenUrls urls, string field, string url) =>
        await LockAsync(c, tx, urls.RequireDocumentUuid(field, url))
        ?? throw ZgwException.Validation(field, DocumentenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");

    /// <summary>Like <see cref="LockReferencedAsync"/> without a lock, for reads and checks before a transaction.</summary>
    public static async Task<DocumentRef> FindReferencedAsync(NpgsqlConnection c, DocumentenUrls urls, string field, string url) =>
        await FindAsync(c, urls.RequireDocumentUuid(field, url))
        ?? throw ZgwException.Validation(field, DocumentenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
}
