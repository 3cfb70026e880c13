using System.Text.Json;
using Dapper;
using Npgsql;
using Zgw.ServiceDefaults;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// Which version of a document a read asks for (D6): <c>?versie=N</c>, <c>?registratieOp=&lt;datetime&gt;</c> (the latest
/// version registered at or before that moment), both, or neither (the latest version).
/// </summary>
public readonly record struct VersieSelectie(int? Versie = null, DateTimeOffset? RegistratieOp = null)
{
    public static readonly VersieSelectie Laatste = new();

    public bool IsLaatste => Versie is null && RegistratieOp is null;

    /// <summary>The SQL condition on the version alias <c>v</c> (document alias <c>d</c>), with parameters @versie and @registratieOp.</summary>
    internal string Sql => IsLaatste
        ? "v.versie = d.versie"
        : string.Join(" AND ", new[]
        {
            Versie is null ? null : "v.versie = @versie",
            RegistratieOp is null ? null : "v.begin_registratie <= @registratieOp",
        }.Where(s => s is not null));

    internal void AddTo(DynamicParameters parameters)
    {
        parameters.Add("versie", Versie);
        parameters.Add("registratieOp", RegistratieOp?.UtcDateTime);
    }
}

/// <summary>One row of <c>enkelvoudiginformatieobject_versie</c>.</summary>
public sealed class VersieRow
{
    public long DocumentId { get; init; }
    public int Versie { get; init; }
    public DateTime BeginRegistratie { get; init; }
    public string Gegevens { get; init; } = "{}";

    /// <summary>The content store key; null when the version has no content (yet: D10).</summary>
    public string? Inhoud { get; init; }

    public long? Bestandsomvang { get; init; }
    public bool? InhoudIsVervallen { get; init; }

    public VersieGegevens Data => JsonSerializer.Deserialize<VersieGegevens>(Gegevens, ZgwJson.Options) ?? new VersieGegevens();

    public DateTimeOffset BeginRegistratieUtc => new(DateTime.SpecifyKind(BeginRegistratie, DateTimeKind.Utc));
}

/// <summary>What a new version consists of.</summary>
public sealed record VersieValues(
    int Versie,
    DateTimeOffset BeginRegistratie,
    VersieGegevens Gegevens,
    string? Inhoud,
    long? Bestandsomvang,
    bool? InhoudIsVervallen);

/// <summary>
/// SQL of the version table (D6), shared by every write that makes a version (create, PUT/PATCH, the unlock that completes
/// an upload) and every read that selects one (detail, download). Writes take the caller's connection and transaction.
/// </summary>
public static class VersieRepository
{
    private const string Columns = """
        v.document_id, v.versie, v.begin_registratie, v.gegevens::text AS gegevens, v.inhoud, v.bestandsomvang, v.inhoud_is_vervallen
        """;

    /// <summary>The version of document <paramref name="documentId"/> that <paramref name="selectie"/> asks for, or null.</summary>
    public static Task<VersieRow?> FindAsync(NpgsqlConnection c, long documentId, VersieSelectie selectie, NpgsqlTransaction? tx = null)
    {
        var parameters = new DynamicParameters(new { documentId });
        selectie.AddTo(parameters);
        return c.QuerySingleOrDefaultAsync<VersieRow>($"""
            SELECT {Columns}
            FROM enkelvoudiginformatieobject d JOIN enkelvoudiginformatieobject_versie v ON v.document_id = d.id
            WHERE d.id = @documentId AND {selectie.Sql}
            ORDER BY v.versie DESC LIMIT 1
            """, parameters, tx);
    }

    /// <summary>
    /// Inserts version <see cref="VersieValues.Versie"/> of the document. The caller holds the document row lock
    /// (<see cref="Common.DocumentRef.LockAsync"/>) and updates the document's <c>versie</c> in the same transaction.
    /// </summary>
    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, long documentId, VersieValues values) =>
        c.ExecuteAsync("""
            INSERT INTO enkelvoudiginformatieobject_versie (document_id, versie, begin_registratie, gegevens, inhoud, bestandsomvang, inhoud_is_vervallen)
            VALUES (@documentId, @Versie, @BeginRegistratie, CAST(@Gegevens AS jsonb), @Inhoud, @Bestandsomvang, @InhoudIsVervallen)
            """,
            new
            {
                documentId,
                values.Versie,
                BeginRegistratie = values.BeginRegistratie.UtcDateTime,
                Gegevens = JsonSerializer.Serialize(values.Gegevens, ZgwJson.Options),
                values.Inhoud,
                values.Bestandsomvang,
                values.InhoudIsVervallen,
            }, tx);

    /// <summary>Sets the content of an existing version (the unlock that completes a bestandsdelen upload, D10).</summary>
    public static Task SetInhoudAsync(NpgsqlConnection c, NpgsqlTransaction tx, long documentId, int versie, string? inhoud, long? bestandsomvang) =>
        c.ExecuteAsync("""
            UPDATE enkelvoudiginformatieobject_versie SET inhoud = @inhoud, bestandsomvang = @bestandsomvang
            WHERE document_id = @documentId AND versie = @versie
            """, new { documentId, versie, inhoud, bestandsomvang }, tx);

    /// <summary>Every content key of the document (all versions and bestandsdelen): what a destroy removes from the store after its commit.</summary>
    public static async Task<IReadOnlyList<string>> InhoudKeysAsync(NpgsqlConnection c, long documentId, NpgsqlTransaction? tx = null) =>
        (await c.QueryAsync<string>("""
            SELECT inhoud FROM enkelvoudiginformatieobject_versie WHERE document_id = @documentId AND inhoud IS NOT NULL
            UNION SELECT inhoud FROM bestandsdeel WHERE document_id = @documentId AND inhoud IS NOT NULL
            """, new { documentId }, tx)).ToList();
}
