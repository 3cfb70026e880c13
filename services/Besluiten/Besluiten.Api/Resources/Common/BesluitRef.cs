using Dapper;
using Npgsql;

namespace Besluiten.Api.Resources.Common;

/// <summary>
/// What the checks of a besluit and its besluitinformatieobjecten need: authorisation (besluittype), the audit record
/// (identificatie) and the notification kenmerken (verantwoordelijkeOrganisatie, besluittype).
/// </summary>
public sealed class BesluitRef
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public string Identificatie { get; init; } = "";
    public string VerantwoordelijkeOrganisatie { get; init; } = "";
    public string Besluittype { get; init; } = "";

    /// <summary>The kenmerken of kanaal <c>besluiten</c> (specs README §4.4).</summary>
    public IReadOnlyDictionary<string, string> Kenmerken => new Dictionary<string, string>
    {
        ["verantwoordelijkeOrganisatie"] = VerantwoordelijkeOrganisatie,
        ["besluittype"] = Besluittype,
    };

    private const string Columns = "b.id, b.uuid, b.identificatie, b.verantwoordelijke_organisatie, b.besluittype";

    /// <summary>A finished besluit (<c>mirror = 'done'</c>): the only kind lists, updates, deletes and related writes see.</summary>
    public static Task<BesluitRef?> FindDoneAsync(NpgsqlConnection c, Guid uuid, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<BesluitRef?>($"SELECT {Columns} FROM besluit b WHERE b.uuid = @uuid AND b.mirror = 'done'", new { uuid }, tx);

    public static Task<BesluitRef?> FindByIdAsync(NpgsqlConnection c, long id, NpgsqlTransaction? tx = null) =>
        c.QuerySingleOrDefaultAsync<BesluitRef?>($"SELECT {Columns} FROM besluit b WHERE b.id = @id", new { id }, tx);

    /// <summary>Locks a finished besluit for the rest of the transaction: writes of one besluit and its relations are serialised.</summary>
    public static Task<BesluitRef?> LockDoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid uuid) =>
        c.QuerySingleOrDefaultAsync<BesluitRef?>(
            $"SELECT {Columns} FROM besluit b WHERE b.uuid = @uuid AND b.mirror = 'done' FOR UPDATE", new { uuid }, tx);

    public static Task<BesluitRef?> LockByIdAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.QuerySingleOrDefaultAsync<BesluitRef?>($"SELECT {Columns} FROM besluit b WHERE b.id = @id FOR UPDATE", new { id }, tx);
}
