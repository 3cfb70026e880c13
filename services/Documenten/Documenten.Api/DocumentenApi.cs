using Zgw.Data.Migrations;
using Zgw.ServiceDefaults;

namespace Documenten.Api;

/// <summary>The scopes of the Documenten API 1.5.0 (specs README §4.3).</summary>
public static class DocumentenScopes
{
    public const string Lezen = "documenten.lezen";
    public const string Aanmaken = "documenten.aanmaken";
    public const string Bijwerken = "documenten.bijwerken";
    public const string GeforceerdBijwerken = "documenten.geforceerd-bijwerken";
    public const string Verwijderen = "documenten.verwijderen";
    public const string Lock = "documenten.lock";
    public const string GeforceerdUnlock = "documenten.geforceerd-unlock";
    public const string AudittrailsLezen = "audittrails.lezen";

    /// <summary>PUT/PATCH of an enkelvoudiginformatieobject: <c>documenten.bijwerken</c> or <c>documenten.geforceerd-bijwerken</c>.</summary>
    public static readonly string[] Wijzigers = [Bijwerken, GeforceerdBijwerken];

    /// <summary>POST …/unlock: <c>documenten.lock</c>, or <c>documenten.geforceerd-unlock</c> (the lock may then be omitted, D9).</summary>
    public static readonly string[] Ontgrendelaars = [Lock, GeforceerdUnlock];
}

/// <summary>
/// Kanaal <c>documenten</c>: hoofdObject is the enkelvoudiginformatieobject, kenmerken bronorganisatie,
/// informatieobjecttype, vertrouwelijkheidaanduiding (specs README §5).
/// </summary>
public static class DocumentenKanaal
{
    public const string Naam = "documenten";
}

/// <summary>Settings of the Documenten service (section <c>Documenten</c>).</summary>
public sealed class DocumentenOptions
{
    public const string Section = "Documenten";

    public StorageOptions Storage { get; set; } = new();

    /// <summary>
    /// Size of one bestandsdeel of a large upload (D10; Open Zaak <c>DOCUMENTEN_UPLOAD_CHUNK_SIZE</c>), in bytes. Default 100 MiB
    /// (ARCHITECTURE §11.8): a document of N bytes is uploaded in ⌈N / BestandsdeelGrootte⌉ parts, the last holding the remainder.
    /// </summary>
    public long BestandsdeelGrootte { get; set; } = 100L * 1024 * 1024;

    public sealed class StorageOptions
    {
        /// <summary>Folder of the filesystem content store. Relative paths are under the content root; empty: <c>{content root}/inhoud</c>.</summary>
        public string Path { get; set; } = "";
    }
}

public static class DocumentenService
{
    public static readonly ZgwComponent Component = ZgwComponent.Documenten;

    /// <summary>The short component name in autorisaties and scopes, and the audittrail <c>bron</c>.</summary>
    public const string Drc = "drc";

    public static IReadOnlyList<MigrationScript> Migrations { get; } =
        [.. MigrationScript.Outbox, .. MigrationScript.AuditTrail, .. MigrationScript.FromAssembly(typeof(DocumentenService).Assembly, "documenten")];
}

/// <summary>Marker for WebApplicationFactory.</summary>
public sealed class DocumentenMarker;
