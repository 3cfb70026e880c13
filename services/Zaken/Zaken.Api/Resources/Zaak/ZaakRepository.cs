using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api.Auth;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Zaak;

/// <summary>SQL of the zaak resource. Writes take the caller's connection and transaction.</summary>
public sealed class ZaakRepository(ZgwDatabase database, ZakenUrls urls) : IZaakResourceRenderer
{
    public string Collection => "zaken";

    /// <summary>
    /// The representation columns, including the URLs of the related resources as uuid arrays. Correlated subqueries
    /// run only for the rows of the page (the outer query selects from the limited inner one).
    /// </summary>
    private const string Columns = """
        z.id, z.uuid, z.identificatie, z.bronorganisatie, z.zaaktype, z.vertrouwelijkheidaanduiding, z.registratiedatum, z.startdatum,
        z.einddatum, z.einddatum_gepland, z.uiterlijke_einddatum_afdoening, z.publicatiedatum, z.archiefnominatie, z.archiefactiedatum,
        z.archiefstatus, z.startdatum_bewaartermijn, z.gegevens::text AS gegevens, ST_AsGeoJSON(z.zaakgeometrie) AS zaakgeometrie,
        (SELECT h.uuid FROM zaak h WHERE h.id = z.hoofdzaak_id) AS hoofdzaak,
        ARRAY(SELECT d.uuid FROM zaak d WHERE d.hoofdzaak_id = z.id ORDER BY d.id) AS deelzaken,
        ARRAY(SELECT e.uuid FROM zaakeigenschap e WHERE e.zaak_id = z.id ORDER BY e.id) AS eigenschappen,
        ARRAY(SELECT r.uuid FROM rol r WHERE r.zaak_id = z.id ORDER BY r.id) AS rollen,
        (SELECT s.uuid FROM status s WHERE s.zaak_id = z.id ORDER BY s.datum_status_gezet DESC, s.id DESC LIMIT 1) AS status,
        ARRAY(SELECT i.uuid FROM zaakinformatieobject i WHERE i.zaak_id = z.id AND i.mirror = 'done' ORDER BY i.id) AS zaakinformatieobjecten,
        ARRAY(SELECT o.uuid FROM zaakobject o WHERE o.zaak_id = z.id ORDER BY o.id) AS zaakobjecten,
        (SELECT res.uuid FROM resultaat res WHERE res.zaak_id = z.id) AS resultaat
        """;

    public async Task<ZaakRow?> GetAsync(Guid uuid, NpgsqlConnection? connection = null, NpgsqlTransaction? tx = null)
    {
        await using var owned = connection is null ? await database.OpenAsync() : null;
        return await (connection ?? owned!).QuerySingleOrDefaultAsync<ZaakRow>($"SELECT {Columns} FROM zaak z WHERE z.uuid = @uuid", new { uuid }, tx);
    }

    public async Task<IReadOnlyList<JsonObject>> RenderManyAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids, CancellationToken ct)
    {
        var rows = await c.QueryAsync<ZaakRow>(new CommandDefinition($"SELECT {Columns} FROM zaak z WHERE z.uuid = ANY(@uuids)",
            new { uuids = uuids.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.Render(urls)).ToList();
    }

    /// <summary>One page of zaken and the total count for <paramref name="where"/> (filters + autorisatie) in <paramref name="orderBy"/>.</summary>
    /// <param name="telling">
    /// For a list without filters: the autorisatie (and maximaleVertrouwelijkheidaanduiding) conditions on alias <c>t</c>, to
    /// count from <c>zaak_telling</c> (0005_zaak_telling.sql) instead of counting rows.
    /// </param>
    public async Task<(int Count, IReadOnlyList<ZaakRow> Rows)> ListAsync(NpgsqlConnection c, SqlWhere where, string orderBy, PageRequest page,
        CancellationToken ct, SqlWhere? telling = null)
    {
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = telling is null
            ? await c.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM zaak z WHERE {where.Sql}", parameters, cancellationToken: ct))
            : await c.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT coalesce(sum(t.aantal), 0)::int FROM zaak_telling t WHERE {telling.Sql}", new DynamicParameters(telling.Parameters),
                cancellationToken: ct));
        if (count <= page.Offset)
            return (count, []);
        var rows = (await c.QueryAsync<ZaakRow>(new CommandDefinition($"""
            SELECT {BaseColumns}, z.hoofdzaak_id
            FROM zaak z WHERE {where.Sql} ORDER BY {orderBy} LIMIT @limit OFFSET @offset
            """, parameters, cancellationToken: ct))).ToList();
        await AddRelationsAsync(c, rows, ct);
        return (count, rows);
    }

    /// <summary>The columns of the zaak itself (no related resources).</summary>
    private const string BaseColumns = """
        z.id, z.uuid, z.identificatie, z.bronorganisatie, z.zaaktype, z.vertrouwelijkheidaanduiding, z.registratiedatum, z.startdatum,
        z.einddatum, z.einddatum_gepland, z.uiterlijke_einddatum_afdoening, z.publicatiedatum, z.archiefnominatie, z.archiefactiedatum,
        z.archiefstatus, z.startdatum_bewaartermijn, z.gegevens::text AS gegevens, ST_AsGeoJSON(z.zaakgeometrie) AS zaakgeometrie
        """;

    /// <summary>
    /// The related resources of a page of zaken in one round trip: one index scan per relation over all the page's ids,
    /// instead of a correlated subquery per relation per row.
    /// </summary>
    private static async Task AddRelationsAsync(NpgsqlConnection c, List<ZaakRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        var ids = rows.Select(r => r.Id).ToArray();
        var hoofdzaakIds = rows.Where(r => r.HoofdzaakId is not null).Select(r => r.HoofdzaakId!.Value).Distinct().ToArray();
        await using var results = await c.QueryMultipleAsync(new CommandDefinition("""
            SELECT h.id AS zaak_id, h.uuid FROM zaak h WHERE h.id = ANY(@hoofdzaakIds);
            SELECT d.hoofdzaak_id AS zaak_id, d.uuid FROM zaak d WHERE d.hoofdzaak_id = ANY(@ids) ORDER BY d.id;
            SELECT e.zaak_id, e.uuid FROM zaakeigenschap e WHERE e.zaak_id = ANY(@ids) ORDER BY e.id;
            SELECT r.zaak_id, r.uuid FROM rol r WHERE r.zaak_id = ANY(@ids) ORDER BY r.id;
            SELECT DISTINCT ON (s.zaak_id) s.zaak_id, s.uuid FROM status s WHERE s.zaak_id = ANY(@ids)
                ORDER BY s.zaak_id, s.datum_status_gezet DESC, s.id DESC;
            SELECT i.zaak_id, i.uuid FROM zaakinformatieobject i WHERE i.zaak_id = ANY(@ids) AND i.mirror = 'done' ORDER BY i.id;
            SELECT o.zaak_id, o.uuid FROM zaakobject o WHERE o.zaak_id = ANY(@ids) ORDER BY o.id;
            SELECT res.zaak_id, res.uuid FROM resultaat res WHERE res.zaak_id = ANY(@ids);
            """, new { ids, hoofdzaakIds }, cancellationToken: ct));
        async Task<ILookup<long, Guid>> Next() => (await results.ReadAsync<(long ZaakId, Guid Uuid)>()).ToLookup(x => x.ZaakId, x => x.Uuid);
        var hoofdzaken = await Next();
        var deelzaken = await Next();
        var eigenschappen = await Next();
        var rollen = await Next();
        var statussen = await Next();
        var zios = await Next();
        var zaakobjecten = await Next();
        var resultaten = await Next();
        foreach (var row in rows)
        {
            row.Hoofdzaak = row.HoofdzaakId is { } h ? hoofdzaken[h].FirstOrDefault() : null;
            row.Deelzaken = [.. deelzaken[row.Id]];
            row.Eigenschappen = [.. eigenschappen[row.Id]];
            row.Rollen = [.. rollen[row.Id]];
            row.Status = statussen[row.Id].Cast<Guid?>().FirstOrDefault();
            row.Zaakinformatieobjecten = [.. zios[row.Id]];
            row.Zaakobjecten = [.. zaakobjecten[row.Id]];
            row.Resultaat = resultaten[row.Id].Cast<Guid?>().FirstOrDefault();
        }
    }

    /// <summary>
    /// zrc-002: the next free identificatie <c>ZAAK-&lt;yyyy&gt;-&lt;10 digits&gt;</c> (yyyy = year of registratiedatum). The
    /// number comes from a sequence (no lock held by the transaction, unique under concurrency); one taken by a client
    /// that chose it by hand is skipped.
    /// </summary>
    public static async Task<string> NextIdentificatieAsync(NpgsqlConnection c, NpgsqlTransaction tx, string bronorganisatie, DateOnly registratiedatum)
    {
        while (true)
        {
            var nummer = await c.ExecuteScalarAsync<long>("SELECT nextval('zaak_identificatie_nummer')", transaction: tx);
            var identificatie = $"ZAAK-{registratiedatum.Year:D4}-{nummer:D10}";
            var taken = await c.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM zaak WHERE bronorganisatie = @bronorganisatie AND identificatie = @identificatie)",
                new { bronorganisatie, identificatie }, tx);
            if (!taken)
                return identificatie;
        }
    }

    public static Task<long> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakValues z) =>
        c.ExecuteScalarAsync<long>("""
            INSERT INTO zaak (uuid, identificatie, bronorganisatie, zaaktype, vertrouwelijkheidaanduiding, vertrouwelijkheid_rang,
                              registratiedatum, startdatum, einddatum_gepland, uiterlijke_einddatum_afdoening, publicatiedatum,
                              archiefnominatie, archiefactiedatum, archiefstatus, startdatum_bewaartermijn, hoofdzaak_id,
                              zaakgeometrie, gegevens)
            VALUES (@Uuid, @Identificatie, @Bronorganisatie, @Zaaktype, @Vertrouwelijkheidaanduiding, @VertrouwelijkheidRang,
                    @Registratiedatum, @Startdatum, @EinddatumGepland, @UiterlijkeEinddatumAfdoening, @Publicatiedatum,
                    @Archiefnominatie, @Archiefactiedatum, @Archiefstatus, @StartdatumBewaartermijn, @HoofdzaakId,
                    ST_SetSRID(ST_GeomFromGeoJSON(@Zaakgeometrie), 4326), CAST(@Gegevens AS jsonb))
            RETURNING id
            """, z, tx);

    public static Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, ZaakValues z) =>
        c.ExecuteAsync("""
            UPDATE zaak
            SET bronorganisatie = @Bronorganisatie, vertrouwelijkheidaanduiding = @Vertrouwelijkheidaanduiding,
                vertrouwelijkheid_rang = @VertrouwelijkheidRang, registratiedatum = @Registratiedatum, startdatum = @Startdatum,
                einddatum_gepland = @EinddatumGepland, uiterlijke_einddatum_afdoening = @UiterlijkeEinddatumAfdoening,
                publicatiedatum = @Publicatiedatum, archiefnominatie = @Archiefnominatie, archiefactiedatum = @Archiefactiedatum,
                archiefstatus = @Archiefstatus, startdatum_bewaartermijn = @StartdatumBewaartermijn, hoofdzaak_id = @HoofdzaakId,
                zaakgeometrie = ST_SetSRID(ST_GeomFromGeoJSON(@Zaakgeometrie), 4326), gegevens = CAST(@Gegevens AS jsonb)
            WHERE id = @id
            """, new DynamicParameters(z).Also("id", id), tx);

    /// <summary>zrc-023: the zaak and (by foreign key cascade) its deelzaken and all related rows.</summary>
    public static Task DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.ExecuteAsync("DELETE FROM zaak WHERE id = @id", new { id }, tx);

    /// <summary>The zaak and its deelzaken (ids and uuids): what a destroy removes.</summary>
    public static async Task<IReadOnlyList<(long Id, Guid Uuid)>> WithDeelzakenAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long id) =>
        (await c.QueryAsync<(long, Guid)>("SELECT id, uuid FROM zaak WHERE id = @id OR hoofdzaak_id = @id", new { id }, tx)).ToList();

    public static Task<int> BesluitenCountAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long id) =>
        c.ExecuteScalarAsync<int>("SELECT count(*) FROM zaakbesluit b JOIN zaak z ON z.id = b.zaak_id WHERE z.id = @id OR z.hoofdzaak_id = @id",
            new { id }, tx);

    /// <summary>The informatieobject URLs of the zaak's zaakinformatieobjecten (for zrc-022).</summary>
    public static async Task<IReadOnlyList<string>> InformatieobjectenAsync(NpgsqlConnection c, long id) =>
        (await c.QueryAsync<string>("SELECT informatieobject FROM zaakinformatieobject WHERE zaak_id = @id AND mirror = 'done'", new { id })).ToList();
}

/// <summary>The column values of a zaak write.</summary>
public sealed class ZaakValues
{
    public Guid Uuid { get; init; }
    public string Identificatie { get; init; } = "";
    public string Bronorganisatie { get; init; } = "";
    public string Zaaktype { get; init; } = "";
    public string Vertrouwelijkheidaanduiding { get; init; } = "";
    public short VertrouwelijkheidRang => (short)Vertrouwelijkheid.Rank(Vertrouwelijkheidaanduiding);
    public DateOnly Registratiedatum { get; init; }
    public DateOnly Startdatum { get; init; }
    public DateOnly? EinddatumGepland { get; init; }
    public DateOnly? UiterlijkeEinddatumAfdoening { get; init; }
    public DateOnly? Publicatiedatum { get; init; }
    public string? Archiefnominatie { get; init; }
    public DateOnly? Archiefactiedatum { get; init; }
    public string Archiefstatus { get; init; } = "nog_te_archiveren";
    public DateOnly? StartdatumBewaartermijn { get; init; }
    public long? HoofdzaakId { get; init; }
    public string? Zaakgeometrie { get; init; }
    public string Gegevens { get; init; } = "{}";
}

/// <summary>A zaak row with the uuids of its related resources.</summary>
public sealed class ZaakRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public string Identificatie { get; init; } = "";
    public string Bronorganisatie { get; init; } = "";
    public string Zaaktype { get; init; } = "";
    public string Vertrouwelijkheidaanduiding { get; init; } = "";
    public DateOnly Registratiedatum { get; init; }
    public DateOnly Startdatum { get; init; }
    public DateOnly? Einddatum { get; init; }
    public DateOnly? EinddatumGepland { get; init; }
    public DateOnly? UiterlijkeEinddatumAfdoening { get; init; }
    public DateOnly? Publicatiedatum { get; init; }
    public string? Archiefnominatie { get; init; }
    public DateOnly? Archiefactiedatum { get; init; }
    public string Archiefstatus { get; init; } = "";
    public DateOnly? StartdatumBewaartermijn { get; init; }
    public string Gegevens { get; init; } = "{}";
    public string? Zaakgeometrie { get; init; }
    public long? HoofdzaakId { get; init; }

    // The related resources: from correlated subqueries (one zaak) or filled in per page (AddRelationsAsync).
    public Guid? Hoofdzaak { get; set; }
    public Guid[] Deelzaken { get; set; } = [];
    public Guid[] Eigenschappen { get; set; } = [];
    public Guid[] Rollen { get; set; } = [];
    public Guid? Status { get; set; }
    public Guid[] Zaakinformatieobjecten { get; set; } = [];
    public Guid[] Zaakobjecten { get; set; } = [];
    public Guid? Resultaat { get; set; }

    public ZaakGegevens Data => JsonSerializer.Deserialize<ZaakGegevens>(Gegevens, ZgwJson.Options) ?? new ZaakGegevens();

    /// <summary>The request shape of the stored zaak (the base a PATCH is merged onto).</summary>
    public ZaakRequest ToRequest(ZakenUrls urls)
    {
        var g = Data;
        return new ZaakRequest
        {
            Identificatie = Identificatie,
            Bronorganisatie = Bronorganisatie,
            Omschrijving = g.Omschrijving,
            Toelichting = g.Toelichting,
            Zaaktype = Zaaktype,
            Registratiedatum = Registratiedatum,
            VerantwoordelijkeOrganisatie = g.VerantwoordelijkeOrganisatie,
            Startdatum = Startdatum,
            EinddatumGepland = EinddatumGepland,
            UiterlijkeEinddatumAfdoening = UiterlijkeEinddatumAfdoening,
            Publicatiedatum = Publicatiedatum,
            Communicatiekanaal = g.Communicatiekanaal,
            ProductenOfDiensten = [.. g.ProductenOfDiensten],
            Vertrouwelijkheidaanduiding = Vertrouwelijkheidaanduiding,
            Betalingsindicatie = g.Betalingsindicatie,
            LaatsteBetaaldatum = g.LaatsteBetaaldatum,
            Zaakgeometrie = Zaakgeometrie is null ? null : JsonNode.Parse(Zaakgeometrie) as JsonObject,
            Verlenging = g.Verlenging,
            Opschorting = g.Opschorting,
            Selectielijstklasse = g.Selectielijstklasse,
            Hoofdzaak = Hoofdzaak is { } h ? urls.Zaak(h) : null,
            RelevanteAndereZaken = [.. g.RelevanteAndereZaken],
            Kenmerken = [.. g.Kenmerken],
            Archiefnominatie = Archiefnominatie,
            Archiefstatus = Archiefstatus,
            Archiefactiedatum = Archiefactiedatum,
            OpdrachtgevendeOrganisatie = g.OpdrachtgevendeOrganisatie,
            Processobjectaard = g.Processobjectaard,
            StartdatumBewaartermijn = StartdatumBewaartermijn,
            Processobject = g.Processobject,
        };
    }

    private static readonly Dictionary<string, string> BetalingsindicatieWeergaven = new()
    {
        [""] = "",
        ["nvt"] = "Er is geen sprake van te betalen, met de zaak gemoeide, kosten.",
        ["nog_niet"] = "De met de zaak gemoeide kosten zijn (nog) niet betaald.",
        ["gedeeltelijk"] = "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
        ["geheel"] = "De met de zaak gemoeide kosten zijn geheel betaald.",
    };

    /// <summary>The OAS <c>Zaak</c>. Group attributes are always present (zrc-012).</summary>
    public JsonObject Render(ZakenUrls urls)
    {
        var g = Data;
        static JsonNode? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");
        JsonArray Urls(string collection, IEnumerable<Guid> uuids) => new(uuids.Select(u => (JsonNode)urls.Of(collection, u)).ToArray());
        return new JsonObject
        {
            ["url"] = urls.Zaak(Uuid),
            ["uuid"] = Uuid.ToString(),
            ["identificatie"] = Identificatie,
            ["bronorganisatie"] = Bronorganisatie,
            ["omschrijving"] = g.Omschrijving,
            ["toelichting"] = g.Toelichting,
            ["zaaktype"] = Zaaktype,
            ["registratiedatum"] = D(Registratiedatum),
            ["verantwoordelijkeOrganisatie"] = g.VerantwoordelijkeOrganisatie,
            ["startdatum"] = D(Startdatum),
            ["einddatum"] = D(Einddatum),
            ["einddatumGepland"] = D(EinddatumGepland),
            ["uiterlijkeEinddatumAfdoening"] = D(UiterlijkeEinddatumAfdoening),
            ["publicatiedatum"] = D(Publicatiedatum),
            ["communicatiekanaal"] = g.Communicatiekanaal,
            ["productenOfDiensten"] = new JsonArray(g.ProductenOfDiensten.Select(p => (JsonNode)p).ToArray()),
            ["vertrouwelijkheidaanduiding"] = Vertrouwelijkheidaanduiding,
            ["betalingsindicatie"] = g.Betalingsindicatie,
            ["betalingsindicatieWeergave"] = BetalingsindicatieWeergaven.GetValueOrDefault(g.Betalingsindicatie, ""),
            ["laatsteBetaaldatum"] = g.LaatsteBetaaldatum?.ToString("yyyy-MM-dd'T'HH:mm:ssK"),
            ["zaakgeometrie"] = Zaakgeometrie is null ? null : JsonNode.Parse(Zaakgeometrie),
            ["verlenging"] = g.Verlenging is { } v ? new JsonObject { ["reden"] = v.Reden, ["duur"] = v.Duur } : new JsonObject { ["reden"] = "", ["duur"] = null },
            ["opschorting"] = g.Opschorting is { } o
                ? new JsonObject { ["indicatie"] = o.Indicatie ?? false, ["reden"] = o.Reden ?? "" }
                : new JsonObject { ["indicatie"] = false, ["reden"] = "" },
            ["selectielijstklasse"] = g.Selectielijstklasse,
            ["hoofdzaak"] = Hoofdzaak is { } h ? urls.Zaak(h) : null,
            ["deelzaken"] = Urls("zaken", Deelzaken),
            ["relevanteAndereZaken"] = new JsonArray(g.RelevanteAndereZaken
                .Select(r => (JsonNode)new JsonObject { ["url"] = r.Url, ["aardRelatie"] = r.AardRelatie }).ToArray()),
            ["eigenschappen"] = new JsonArray(Eigenschappen.Select(e => (JsonNode)urls.Nested(Uuid, "zaakeigenschappen", e)).ToArray()),
            ["rollen"] = Urls("rollen", Rollen),
            ["status"] = urls.OfOptional("statussen", Status),
            ["zaakinformatieobjecten"] = Urls("zaakinformatieobjecten", Zaakinformatieobjecten),
            ["zaakobjecten"] = Urls("zaakobjecten", Zaakobjecten),
            ["kenmerken"] = new JsonArray(g.Kenmerken.Select(k => (JsonNode)new JsonObject { ["kenmerk"] = k.Kenmerk, ["bron"] = k.Bron }).ToArray()),
            ["archiefnominatie"] = Archiefnominatie is { Length: > 0 } n ? n : null,
            ["archiefstatus"] = Archiefstatus,
            ["archiefactiedatum"] = D(Archiefactiedatum),
            ["resultaat"] = urls.OfOptional("resultaten", Resultaat),
            ["opdrachtgevendeOrganisatie"] = g.OpdrachtgevendeOrganisatie,
            ["processobjectaard"] = g.Processobjectaard ?? "",
            ["startdatumBewaartermijn"] = D(StartdatumBewaartermijn),
            ["processobject"] = g.Processobject is { } p
                ? new JsonObject { ["datumkenmerk"] = p.Datumkenmerk, ["identificatie"] = p.Identificatie, ["objecttype"] = p.Objecttype, ["registratie"] = p.Registratie }
                : new JsonObject { ["datumkenmerk"] = "", ["identificatie"] = "", ["objecttype"] = "", ["registratie"] = "" },
        };
    }
}
