using Dapper;
using Npgsql;
using Zgw.Api.Problems;

namespace Zaken.Api.Resources.Common;

/// <summary>
/// The columns of a zaak that the rules and checks of its related resources need (authorisation, closed,
/// archiefstatus, notification kenmerken).
/// </summary>
public sealed class ZaakRef
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public string Identificatie { get; init; } = "";
    public string Bronorganisatie { get; init; } = "";
    public string Zaaktype { get; init; } = "";
    public string Vertrouwelijkheidaanduiding { get; init; } = "";
    public DateOnly Startdatum { get; init; }
    public DateOnly? Einddatum { get; init; }
    public string? Archiefnominatie { get; init; }
    public DateOnly? Archiefactiedatum { get; init; }
    public string Archiefstatus { get; init; } = "";
    public DateOnly? StartdatumBewaartermijn { get; init; }
    public long? HoofdzaakId { get; init; }

    /// <summary>zrc-007: a zaak with an einddatum is closed.</summary>
    public bool IsGesloten => Einddatum is not null;

    public IReadOnlyDictionary<string, string> Kenmerken => new Dictionary<string, string>
    {
        ["bronorganisatie"] = Bronorganisatie,
        ["zaaktype"] = Zaaktype,
        ["vertrouwelijkheidaanduiding"] = Vertrouwelijkheidaanduiding,
    };

    private const string Columns = """
        z.id, z.uuid, z.identificatie, z.bronorganisatie, z.zaaktype, z.vertrouwelijkheidaanduiding, z.startdatum,
        z.einddatum, z.archiefnominatie, z.archiefactiedatum, z.archiefstatus, z.startdatum_bewaartermijn, z.hoofdzaak_id
        """;

    public static Task<ZaakRef?> FindAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<ZaakRef>($"SELECT {Columns} FROM zaak z WHERE z.uuid = @uuid", new { uuid }, tx);

    public static Task<ZaakRef?> FindByIdAsync(NpgsqlConnection c, long id, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<ZaakRef>($"SELECT {Columns} FROM zaak z WHERE z.id = @id", new { id }, tx);

    /// <summary>
    /// Locks the zaak for the rest of the transaction (writes of one zaak and its related data are serialised, so
    /// rules that look at siblings such as "one resultaat" or "the latest status" see a stable zaak).
    /// </summary>
    public static Task<ZaakRef?> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid) =>
        c.QuerySingleOrDefaultAsync<ZaakRef>($"SELECT {Columns} FROM zaak z WHERE z.uuid = @uuid FOR UPDATE", new { uuid }, tx);

    public static Task<ZaakRef?> LockByIdAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.QuerySingleOrDefaultAsync<ZaakRef>($"SELECT {Columns} FROM zaak z WHERE z.id = @id FOR UPDATE", new { id }, tx);

    /// <summary>
    /// The zaak a request body names in <paramref name="field"/>, locked. A URL of a zaak that does not exist is a 400
    /// <c>does_not_exist</c> on that field (Open Zaak), not a 404: the request itself was found.
    /// </summary>
    public static async Task<ZaakRef> LockReferencedAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZakenUrls urls, string field, string url) =>
        await LockAsync(c, tx, urls.RequireZaakUuid(field, url))
        ?? throw ZgwException.Validation(field, ZakenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
}
