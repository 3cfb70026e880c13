using Dapper;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Api.Problems;

namespace Catalogi.Api.Resources.Common;

/// <summary>A zaaktype version as its parts (statustypen, roltypen, ...) see it.</summary>
public sealed class ZaaktypeRef
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long CatalogusId { get; init; }
    public Guid CatalogusUuid { get; init; }
    public bool Concept { get; init; }
    public string Identificatie { get; init; } = "";
    public DateOnly BeginGeldigheid { get; init; }
    public DateOnly? EindeGeldigheid { get; init; }
    public string? SelectielijstProcestype { get; init; }
}

/// <summary>A catalogus as the types in it see it.</summary>
public sealed class CatalogusRef
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
}

/// <summary>
/// References inside the Catalogi API: URLs of our own resources (not fetched: looked up, <c>no_match</c> when the
/// URL is not one of ours of the right kind, <c>does_not_exist</c> when nothing has that uuid) and the by-name
/// relations of the history model (T8).
/// </summary>
public static class References
{
    public const string NoMatch = "no_match";
    public const string DoesNotExist = "does_not_exist";
    public const string IncorrectCatalogus = "relations-incorrect-catalogus";

    private const string ZaaktypeColumns = """
        z.id, z.uuid, z.catalogus_id, c.uuid AS catalogus_uuid, z.concept, z.identificatie, z.begin_geldigheid,
        z.einde_geldigheid, z.gegevens->>'selectielijstProcestype' AS selectielijst_procestype
        """;

    /// <summary>
    /// The zaaktype <paramref name="url"/> names. Locked <c>FOR SHARE</c>: a concurrent publish waits for the write of
    /// a part, so a part cannot slip into a zaaktype that is being published (ztc-010).
    /// </summary>
    public static async Task<ZaaktypeRef?> ZaaktypeAsync(NpgsqlConnection c, NpgsqlTransaction tx, CatalogiUrls urls, string? url,
        Validator v, string field = "zaaktype")
    {
        if (!Parse(urls, url, CatalogiKind.Zaaktype, field, v, out var uuid))
            return null;
        var zaaktype = await c.QuerySingleOrDefaultAsync<ZaaktypeRef>($"""
            SELECT {ZaaktypeColumns}
            FROM zaaktype z JOIN catalogus c ON c.id = z.catalogus_id
            WHERE z.uuid = @uuid
            FOR SHARE OF z
            """, new { uuid }, tx);
        if (zaaktype is null)
            v.Add(field, DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
        return zaaktype;
    }

    /// <summary>The zaaktype of a part by the part's own row, locked like <see cref="ZaaktypeAsync"/>.</summary>
    public static Task<ZaaktypeRef> ZaaktypeByIdAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaaktypeId) =>
        c.QuerySingleAsync<ZaaktypeRef>($"""
            SELECT {ZaaktypeColumns}
            FROM zaaktype z JOIN catalogus c ON c.id = z.catalogus_id
            WHERE z.id = @zaaktypeId
            FOR SHARE OF z
            """, new { zaaktypeId }, tx);

    /// <summary>
    /// The catalogus <paramref name="url"/> names. Locked <c>FOR NO KEY UPDATE</c> by writers of its types, so the
    /// version checks of one catalogus (ztc-016) run one at a time.
    /// </summary>
    public static async Task<CatalogusRef?> CatalogusAsync(NpgsqlConnection c, NpgsqlTransaction tx, CatalogiUrls urls, string? url,
        Validator v, string field = "catalogus")
    {
        if (!Parse(urls, url, CatalogiKind.Catalogus, field, v, out var uuid))
            return null;
        var catalogus = await c.QuerySingleOrDefaultAsync<CatalogusRef>(
            "SELECT id, uuid FROM catalogus WHERE uuid = @uuid FOR NO KEY UPDATE", new { uuid }, tx);
        if (catalogus is null)
            v.Add(field, DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
        return catalogus;
    }

    /// <summary>The id of a part (statustype, eigenschap) of the same zaaktype; another zaaktype's is <c>invalid</c>.</summary>
    public static async Task<long?> PartAsync(NpgsqlConnection c, NpgsqlTransaction tx, CatalogiUrls urls, CatalogiKind kind, string? url,
        long zaaktypeId, Validator v, string field)
    {
        if (!Parse(urls, url, kind, field, v, out var uuid))
            return null;
        var row = await c.QuerySingleOrDefaultAsync<PartRow>(
            $"SELECT id, zaaktype_id FROM {CatalogiUrls.Table(kind)} WHERE uuid = @uuid", new { uuid }, tx);
        if (row is null)
            v.Add(field, DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
        else if (row.ZaaktypeId != zaaktypeId)
            v.Add(field, ZgwCodes.Invalid, "Dit object hoort niet bij hetzelfde zaaktype.");
        return row?.Id;
    }

    /// <summary>
    /// The by-name relations of the history model (T8): every name must be the <paramref name="column"/> of a
    /// <paramref name="kind"/> in the catalogus; one only in another catalogus is <c>relations-incorrect-catalogus</c>
    /// (T12), one nowhere <c>does_not_exist</c>.
    /// </summary>
    public static async Task NamesAsync(NpgsqlConnection c, NpgsqlTransaction tx, CatalogiKind kind, string column, long catalogusId,
        IReadOnlyList<string?>? names, string field, Validator v, bool indexed = true)
    {
        var wanted = (names ?? []).Where(n => n is not null).Distinct().ToArray();
        if (wanted.Length == 0)
            return;
        var found = (await c.QueryAsync<(string Name, bool Here)>($"""
            SELECT {column}, bool_or(catalogus_id = @catalogusId)
            FROM {CatalogiUrls.Table(kind)}
            WHERE {column} = ANY(@wanted)
            GROUP BY {column}
            """, new { catalogusId, wanted }, tx)).ToDictionary(r => r.Name, r => r.Here);
        for (var i = 0; i < names!.Count; i++)
        {
            if (names[i] is not { } name || found.GetValueOrDefault(name))
                continue;
            var at = indexed ? $"{field}.{i}" : field;
            if (found.ContainsKey(name))
                v.Add(at, IncorrectCatalogus, $"\"{name}\" hoort bij een andere catalogus.");
            else
                v.Add(at, DoesNotExist, $"Object met {column}={name} bestaat niet.");
        }
    }

    private sealed class PartRow
    {
        public long Id { get; init; }
        public long ZaaktypeId { get; init; }
    }

    private static bool Parse(CatalogiUrls urls, string? url, CatalogiKind kind, string field, Validator v, out Guid uuid)
    {
        uuid = Guid.Empty;
        if (string.IsNullOrEmpty(url))
            return false;
        if (urls.TryGetUuid(url, kind, out uuid))
            return true;
        v.Add(field, NoMatch, "Ongeldige hyperlink - Geen URL match.");
        return false;
    }
}
