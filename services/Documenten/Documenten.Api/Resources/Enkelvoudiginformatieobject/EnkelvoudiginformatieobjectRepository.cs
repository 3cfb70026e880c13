using System.Text.Json.Nodes;
using Dapper;
using Documenten.Api.Resources.Bestandsdeel;
using Documenten.Api.Resources.Common;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Query;
using Zgw.Data;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// SQL of the document table (<c>enkelvoudiginformatieobject</c>: the current state) joined with the version a read asks
/// for (<see cref="VersieRepository"/>). Writes take the caller's connection and transaction.
/// </summary>
public sealed class EnkelvoudiginformatieobjectRepository(ZgwDatabase database)
{
    private const string Columns = """
        d.id, d.uuid, d.informatieobjecttype AS huidig_informatieobjecttype, d.vertrouwelijkheidaanduiding AS huidige_vertrouwelijkheidaanduiding,
        d.indicatie_gebruiksrecht, d.lock, d.versie AS laatste_versie,
        v.versie, v.begin_registratie, v.gegevens::text AS gegevens, v.inhoud, v.bestandsomvang, v.inhoud_is_vervallen
        """;

    /// <summary>The document with the version <paramref name="selectie"/> asks for (default the latest), or null.</summary>
    public async Task<DocumentRow?> GetAsync(Guid uuid, VersieSelectie selectie = default, NpgsqlConnection? connection = null,
        NpgsqlTransaction? tx = null)
    {
        await using var owned = connection is null ? await database.OpenAsync() : null;
        var c = connection ?? owned!;
        var parameters = new DynamicParameters(new { uuid });
        selectie.AddTo(parameters);
        var row = await c.QuerySingleOrDefaultAsync<DocumentRow>($"""
            SELECT {Columns}
            FROM enkelvoudiginformatieobject d
            CROSS JOIN LATERAL (SELECT * FROM enkelvoudiginformatieobject_versie v
                                WHERE v.document_id = d.id AND {selectie.Sql} ORDER BY v.versie DESC LIMIT 1) v
            WHERE d.uuid = @uuid
            """, parameters, tx);
        if (row is not null)
            await AddBestandsdelenAsync(c, [row], tx);
        return row;
    }

    /// <summary>One page of documents (latest version only, D6) and the total count for <paramref name="where"/> (filters + autorisatie), newest first.</summary>
    public static async Task<(int Count, IReadOnlyList<DocumentRow> Rows)> ListAsync(NpgsqlConnection c, SqlWhere where, PageRequest page,
        CancellationToken ct)
    {
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = await c.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM enkelvoudiginformatieobject d WHERE {where.Sql}", parameters, cancellationToken: ct));
        if (count <= page.Offset)
            return (count, []);
        return (count, await LatestVersionsAsync(c, $"{where.Sql} ORDER BY d.id DESC LIMIT @limit OFFSET @offset", parameters, ct));
    }

    /// <summary>The latest versions (D6) of the documents with these ids, unordered and uncounted (<c>expand=informatieobject</c>).</summary>
    public static Task<List<DocumentRow>> LatestOfAsync(NpgsqlConnection c, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        LatestVersionsAsync(c, "d.id = ANY(@ids)", new DynamicParameters(new { ids = ids.ToArray() }), ct);

    private static async Task<List<DocumentRow>> LatestVersionsAsync(NpgsqlConnection c, string whereAndTail, DynamicParameters parameters,
        CancellationToken ct)
    {
        var rows = (await c.QueryAsync<DocumentRow>(new CommandDefinition($"""
            SELECT {Columns}
            FROM enkelvoudiginformatieobject d
            JOIN enkelvoudiginformatieobject_versie v ON v.document_id = d.id AND v.versie = d.versie
            WHERE {whereAndTail}
            """, parameters, cancellationToken: ct))).ToList();
        await AddBestandsdelenAsync(c, rows);
        return rows;
    }

    private static async Task AddBestandsdelenAsync(NpgsqlConnection c, IReadOnlyList<DocumentRow> rows, NpgsqlTransaction? tx = null)
    {
        if (rows.Count == 0)
            return;
        var delen = await BestandsdeelRepository.OfDocumentsAsync(c, rows.Select(r => r.Id).ToList(), tx);
        foreach (var row in rows)
            row.Bestandsdelen = [.. delen[(row.Id, row.Versie)]];
    }

    /// <summary>
    /// The next free identificatie <c>DOCUMENT-&lt;yyyy&gt;-&lt;10 digits&gt;</c> (yyyy = year of creatiedatum, as Open Zaak). The
    /// number comes from a sequence (no lock held, unique under concurrency); one taken by a client that chose it is skipped.
    /// </summary>
    public static async Task<string> NextIdentificatieAsync(NpgsqlConnection c, NpgsqlTransaction tx, string bronorganisatie, DateOnly creatiedatum)
    {
        while (true)
        {
            var nummer = await c.ExecuteScalarAsync<long>("SELECT nextval('document_identificatie_nummer')", transaction: tx);
            var identificatie = $"DOCUMENT-{creatiedatum.Year:D4}-{nummer:D10}";
            if (!await IdentificatieBestaatAsync(c, tx, bronorganisatie, identificatie))
                return identificatie;
        }
    }

    /// <summary>True when another document of <paramref name="bronorganisatie"/> has <paramref name="identificatie"/>.</summary>
    public static Task<bool> IdentificatieBestaatAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string bronorganisatie, string identificatie,
        long? behalve = null) =>
        c.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM enkelvoudiginformatieobject
                           WHERE bronorganisatie = @bronorganisatie AND identificatie = @identificatie AND id IS DISTINCT FROM @behalve)
            """, new { bronorganisatie, identificatie, behalve }, tx);

    /// <summary>Inserts the document row (its current state); the caller inserts version <see cref="DocumentValues.Versie"/> with it.</summary>
    public static Task<long> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, DocumentValues d) =>
        c.ExecuteScalarAsync<long>("""
            INSERT INTO enkelvoudiginformatieobject (uuid, identificatie, bronorganisatie, informatieobjecttype, vertrouwelijkheidaanduiding,
                                                     vertrouwelijkheid_rang, status, trefwoorden, indicatie_gebruiksrecht, versie, lock)
            VALUES (@Uuid, @Identificatie, @Bronorganisatie, @Informatieobjecttype, @Vertrouwelijkheidaanduiding,
                    @VertrouwelijkheidRang, @Status, @Trefwoorden, @IndicatieGebruiksrecht, @Versie, @Lock)
            RETURNING id
            """, d, tx);

    /// <summary>
    /// Moves the document's current state to a new version (PUT/PATCH, D6): the filter columns, the indicatie and
    /// <c>versie</c>. The lock is not touched (lock/unlock own it).
    /// </summary>
    public static Task UpdateCurrentAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, DocumentValues d) =>
        c.ExecuteAsync("""
            UPDATE enkelvoudiginformatieobject
            SET identificatie = @Identificatie, bronorganisatie = @Bronorganisatie, informatieobjecttype = @Informatieobjecttype,
                vertrouwelijkheidaanduiding = @Vertrouwelijkheidaanduiding, vertrouwelijkheid_rang = @VertrouwelijkheidRang,
                status = @Status, trefwoorden = @Trefwoorden, indicatie_gebruiksrecht = @IndicatieGebruiksrecht, versie = @Versie
            WHERE id = @id
            """, new DynamicParameters(d).Also("id", id), tx);

    /// <summary>drc-008: whether objectinformatieobjecten still point at the document.</summary>
    public static Task<bool> ObjectinformatieobjectenBestaanAsync(NpgsqlConnection c, long id, NpgsqlTransaction? tx = null) =>
        c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM objectinformatieobject WHERE document_id = @id)", new { id }, tx);

    /// <summary>
    /// Destroys the document (D8, hard): its versions, bestandsdelen, gebruiksrechten and verzendingen go with it (ON DELETE
    /// CASCADE); objectinformatieobjecten block it (RESTRICT, 23503). The caller removes the audit trail and, after the
    /// commit, the content.
    /// </summary>
    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.ExecuteAsync("DELETE FROM enkelvoudiginformatieobject WHERE id = @id", new { id }, tx);
}

/// <summary>The column values of the document row (its current state).</summary>
public sealed class DocumentValues
{
    public Guid Uuid { get; init; }
    public string Identificatie { get; init; } = "";
    public string Bronorganisatie { get; init; } = "";
    public string Informatieobjecttype { get; init; } = "";
    public string Vertrouwelijkheidaanduiding { get; init; } = "";
    public short VertrouwelijkheidRang => (short)Vertrouwelijkheid.Rank(Vertrouwelijkheidaanduiding);
    public string Status { get; init; } = "";
    public string[] Trefwoorden { get; init; } = [];
    public bool? IndicatieGebruiksrecht { get; init; }
    public int Versie { get; init; }
    public string? Lock { get; init; }

    /// <summary>The current state of a version's gegevens.</summary>
    public static DocumentValues From(Guid uuid, VersieGegevens g, bool? indicatieGebruiksrecht, int versie, string? lockId) => new()
    {
        Uuid = uuid,
        Identificatie = g.Identificatie,
        Bronorganisatie = g.Bronorganisatie,
        Informatieobjecttype = g.Informatieobjecttype,
        Vertrouwelijkheidaanduiding = g.Vertrouwelijkheidaanduiding,
        Status = g.Status,
        Trefwoorden = [.. g.Trefwoorden],
        IndicatieGebruiksrecht = indicatieGebruiksrecht,
        Versie = versie,
        Lock = lockId,
    };
}

/// <summary>A document with one of its versions (and that version's bestandsdelen): what the API renders.</summary>
public sealed class DocumentRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public string HuidigInformatieobjecttype { get; init; } = "";
    public string HuidigeVertrouwelijkheidaanduiding { get; init; } = "";
    public bool? IndicatieGebruiksrecht { get; init; }
    public string? Lock { get; init; }
    public int LaatsteVersie { get; init; }
    public int Versie { get; init; }
    public DateTime BeginRegistratie { get; init; }
    public string Gegevens { get; init; } = "{}";
    public string? Inhoud { get; init; }
    public long? Bestandsomvang { get; init; }
    public bool? InhoudIsVervallen { get; init; }
    public List<BestandsdeelRow> Bestandsdelen { get; set; } = [];

    private VersieGegevens? _data;
    public VersieGegevens Data => _data ??= new VersieRow { Gegevens = Gegevens }.Data;

    /// <summary>The document's current state for guards, rules and notifications.</summary>
    public DocumentRef ToRef()
    {
        var g = Data;
        return new DocumentRef
        {
            Id = Id,
            Uuid = Uuid,
            Identificatie = g.Identificatie,
            Bronorganisatie = g.Bronorganisatie,
            Informatieobjecttype = HuidigInformatieobjecttype,
            Vertrouwelijkheidaanduiding = HuidigeVertrouwelijkheidaanduiding,
            Status = g.Status,
            IndicatieGebruiksrecht = IndicatieGebruiksrecht,
            Versie = LaatsteVersie,
            Lock = Lock,
        };
    }

    /// <summary>
    /// The stored version in request shape: the base a PATCH merges its fields into (<c>ZgwBody.ReadPatchAsync</c>).
    /// <c>inhoud</c> is null (the content stays unless the PATCH sends new content); <c>lock</c> is not known here.
    /// </summary>
    public EnkelvoudiginformatieobjectRequest ToRequest()
    {
        var g = Data;
        return new EnkelvoudiginformatieobjectRequest
        {
            Identificatie = g.Identificatie,
            Bronorganisatie = g.Bronorganisatie,
            Creatiedatum = g.Creatiedatum,
            Titel = g.Titel,
            Vertrouwelijkheidaanduiding = g.Vertrouwelijkheidaanduiding,
            Auteur = g.Auteur,
            Status = g.Status,
            InhoudIsVervallen = InhoudIsVervallen,
            Formaat = g.Formaat,
            Taal = g.Taal,
            Bestandsnaam = g.Bestandsnaam,
            Inhoud = null,
            Bestandsomvang = Bestandsomvang,
            Link = g.Link,
            Beschrijving = g.Beschrijving,
            Ontvangstdatum = g.Ontvangstdatum,
            Verzenddatum = g.Verzenddatum,
            IndicatieGebruiksrecht = IndicatieGebruiksrecht,
            Verschijningsvorm = g.Verschijningsvorm,
            Ondertekening = g.Ondertekening,
            Integriteit = g.Integriteit,
            Informatieobjecttype = g.Informatieobjecttype,
            Trefwoorden = [.. g.Trefwoorden],
        };
    }

    /// <summary>
    /// The OAS <c>EnkelvoudigInformatieObject</c> of this version. <c>inhoud</c> is the download URL of this version
    /// (<c>…/download?versie=N</c>, as Open Zaak) or null without content. The lock id is never part of it
    /// (<see cref="RenderWithLock"/> adds it where the OAS returns it).
    /// </summary>
    public JsonObject Render(DocumentenUrls urls)
    {
        var g = Data;
        static JsonNode? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");
        return new JsonObject
        {
            ["url"] = urls.Document(Uuid),
            ["identificatie"] = g.Identificatie,
            ["bronorganisatie"] = g.Bronorganisatie,
            ["creatiedatum"] = D(g.Creatiedatum),
            ["titel"] = g.Titel,
            ["vertrouwelijkheidaanduiding"] = g.Vertrouwelijkheidaanduiding,
            ["auteur"] = g.Auteur,
            ["status"] = g.Status,
            ["inhoudIsVervallen"] = InhoudIsVervallen,
            ["formaat"] = g.Formaat,
            ["taal"] = g.Taal,
            ["versie"] = Versie,
            ["beginRegistratie"] = BeginRegistratie.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
            ["bestandsnaam"] = g.Bestandsnaam,
            ["inhoud"] = Inhoud is null ? null : urls.Download(Uuid, Versie),
            ["bestandsomvang"] = Bestandsomvang,
            ["link"] = g.Link,
            ["beschrijving"] = g.Beschrijving,
            ["ontvangstdatum"] = D(g.Ontvangstdatum),
            ["verzenddatum"] = D(g.Verzenddatum),
            ["indicatieGebruiksrecht"] = IndicatieGebruiksrecht,
            ["verschijningsvorm"] = g.Verschijningsvorm,
            ["ondertekening"] = new JsonObject { ["soort"] = g.Ondertekening?.Soort ?? "", ["datum"] = D(g.Ondertekening?.Datum) },
            ["integriteit"] = new JsonObject
            {
                ["algoritme"] = g.Integriteit?.Algoritme ?? "", ["waarde"] = g.Integriteit?.Waarde ?? "", ["datum"] = D(g.Integriteit?.Datum),
            },
            ["informatieobjecttype"] = g.Informatieobjecttype,
            ["locked"] = Lock is not null,
            ["bestandsdelen"] = new JsonArray(Bestandsdelen.Select(b => (JsonNode)new JsonObject
            {
                ["url"] = urls.Bestandsdeel(b.Uuid),
                ["volgnummer"] = b.Volgnummer,
                ["omvang"] = b.Omvang,
                ["voltooid"] = b.Voltooid,
            }).ToArray()),
            ["trefwoorden"] = new JsonArray(g.Trefwoorden.Select(t => (JsonNode)t).ToArray()),
        };
    }

    /// <summary>
    /// OAS <c>EnkelvoudigInformatieObjectWithLock</c> (the PUT/PATCH response): <see cref="Render"/> with the lock on each
    /// bestandsdeel of an upload the update opened (<c>BestandsDeel.lock</c> is required; the caller just sent that lock).
    /// </summary>
    public JsonObject RenderForLockHolder(DocumentenUrls urls)
    {
        var json = Render(urls);
        foreach (var deel in json["bestandsdelen"]!.AsArray())
            deel!["lock"] = Lock ?? "";
        return json;
    }

    /// <summary>
    /// OAS <c>EnkelvoudigInformatieObjectCreateLock</c> (the create response): <see cref="Render"/> plus <c>lock</c> — the
    /// lock id when the create opened a bestandsdelen upload (D10), else <c>""</c> (Open Zaak) — and the lock on every part.
    /// </summary>
    public JsonObject RenderWithLock(DocumentenUrls urls)
    {
        var json = Render(urls);
        foreach (var deel in json["bestandsdelen"]!.AsArray())
            deel!["lock"] = Lock ?? "";
        json["lock"] = Lock ?? "";
        return json;
    }
}
