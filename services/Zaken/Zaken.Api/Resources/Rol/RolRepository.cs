using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Rol;

/// <summary>SQL of the rol resource. Writes take the caller's connection and transaction.</summary>
public sealed class RolRepository(ZgwDatabase database, ZakenUrls urls) : IZaakResourceRenderer
{
    /// <summary>
    /// The filters of GET /rollen. The betrokkeneIdentificatie filters compare the same expressions, under the same
    /// betrokkene_type condition, as the partial expression indexes of 0001_zaken.sql, so those indexes apply.
    /// </summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("betrokkene", FilterKind.Url, "r.betrokkene")
        .Add("betrokkeneType", FilterKind.Choice, "r.betrokkene_type", choices: BetrokkeneShapes.Types)
        .Add("betrokkeneIdentificatie__natuurlijkPersoon__inpBsn", FilterKind.Text, Identificatie("natuurlijk_persoon"), column: Key("inpBsn"))
        .Add("betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie", FilterKind.Text, Identificatie("natuurlijk_persoon"), column: Key("anpIdentificatie"))
        .Add("betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer", FilterKind.Text, Identificatie("natuurlijk_persoon"), column: Key("inpA_nummer"))
        .Add("betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId", FilterKind.Text, Identificatie("niet_natuurlijk_persoon"), column: Key("innNnpId"))
        .Add("betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie", FilterKind.Text, Identificatie("niet_natuurlijk_persoon"), column: Key("annIdentificatie"))
        .Add("betrokkeneIdentificatie__vestiging__vestigingsNummer", FilterKind.Text, Identificatie("vestiging"), column: Key("vestigingsNummer"))
        .Add("betrokkeneIdentificatie__organisatorischeEenheid__identificatie", FilterKind.Text, Identificatie("organisatorische_eenheid"), column: Key("identificatie"))
        .Add("betrokkeneIdentificatie__medewerker__identificatie", FilterKind.Text, Identificatie("medewerker"), column: Key("identificatie"))
        .Add("roltype", FilterKind.Url, "r.roltype")
        .Add("omschrijving", FilterKind.Text, "r.omschrijving")
        .Add("omschrijvingGeneriek", FilterKind.Choice, "r.omschrijving_generiek", choices: RolRequest.OmschrijvingenGeneriek)
        .Allow(ZaakFilter.Parameter)
        .Allow(PageRequest.Parameters);

    private static string Identificatie(string type) => $"(r.betrokkene_type = '{type}' AND {{column}})";

    private static string Key(string key) => $"(r.betrokkene_identificatie ->> '{key}')";

    public string Collection => "rollen";

    /// <summary>The URL of a rol without its uuid: statussen name their <c>gezetdoor</c> rol by URL.</summary>
    private string RolPrefix => urls.Root + "/rollen/";

    /// <summary>The rol columns plus its zaak's uuid and the statussen whose <c>gezetdoor</c> is this rol.</summary>
    private const string Select = """
        SELECT r.id, r.uuid, r.zaak_id, z.uuid AS zaak_uuid, r.betrokkene, r.betrokkene_type, r.roltype, r.omschrijving,
               r.omschrijving_generiek, r.registratiedatum, r.betrokkene_identificatie::text AS betrokkene_identificatie,
               r.gegevens::text AS gegevens,
               ARRAY(SELECT s.uuid FROM status s
                     WHERE s.zaak_id = r.zaak_id AND s.gegevens ->> 'gezetdoor' = @rolPrefix || r.uuid::text
                     ORDER BY s.datum_status_gezet) AS statussen
        FROM rol r JOIN zaak z ON z.id = r.zaak_id
        """;

    public async Task<(int Count, IReadOnlyList<RolRow> Page)> ListAsync(SqlWhere where, PageRequest page)
    {
        await using var c = await database.OpenAsync();
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        parameters.Add("rolPrefix", RolPrefix);
        var count = await c.ExecuteScalarAsync<int>($"SELECT count(*) FROM rol r JOIN zaak z ON z.id = r.zaak_id WHERE {where.Sql}", parameters);
        var rows = await c.QueryAsync<RolRow>($"{Select} WHERE {where.Sql} ORDER BY r.id DESC LIMIT @limit OFFSET @offset", parameters);
        return (count, rows.ToList());
    }

    public async Task<RolRow?> GetAsync(Guid uuid, NpgsqlConnection? connection = null, NpgsqlTransaction? tx = null)
    {
        await using var owned = connection is null ? await database.OpenAsync() : null;
        return await (connection ?? owned!).QuerySingleOrDefaultAsync<RolRow>($"{Select} WHERE r.uuid = @uuid", new { uuid, rolPrefix = RolPrefix }, tx);
    }

    public async Task<IReadOnlyList<JsonObject>> RenderManyAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids, CancellationToken ct)
    {
        if (uuids.Count == 0)
            return [];
        var rows = await c.QueryAsync<RolRow>(new CommandDefinition($"{Select} WHERE r.uuid = ANY(@uuids)", new { uuids = uuids.ToArray(), rolPrefix = RolPrefix },
            cancellationToken: ct));
        return rows.Select(r => r.Render(urls)).ToList();
    }

    /// <summary>The rollen of the zaak with this generic omschrijving (Z26 max-occurences).</summary>
    public static Task<int> CountAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaakId, string omschrijvingGeneriek) =>
        c.ExecuteScalarAsync<int>("SELECT count(*) FROM rol WHERE zaak_id = @zaakId AND omschrijving_generiek = @omschrijvingGeneriek",
            new { zaakId, omschrijvingGeneriek }, tx);

    public static async Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, long zaakId, RolRequest r, Roltype roltype, DateTimeOffset now)
    {
        var uuid = Guid.NewGuid();
        var identificatie = r.NormalizedIdentificatie();
        await c.ExecuteAsync("""
            INSERT INTO rol (uuid, zaak_id, betrokkene, betrokkene_type, roltype, omschrijving, omschrijving_generiek,
                             registratiedatum, betrokkene_identificatie, gegevens)
            VALUES (@uuid, @zaakId, @betrokkene, @betrokkeneType, @roltype, @omschrijving, @omschrijvingGeneriek,
                    @now, CAST(@identificatie AS jsonb), CAST(@gegevens AS jsonb))
            """, new
        {
            uuid,
            zaakId,
            betrokkene = r.Betrokkene ?? "",
            betrokkeneType = r.BetrokkeneType,
            roltype = roltype.Url,
            omschrijving = roltype.Omschrijving,
            omschrijvingGeneriek = roltype.OmschrijvingGeneriek,
            now,
            identificatie = identificatie?.ToJsonString(ZgwJson.Options),
            gegevens = RolRow.ToGegevens(r),
        }, tx);
        return uuid;
    }

    public static Task<int> DeleteAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id) =>
        c.ExecuteAsync("DELETE FROM rol WHERE id = @id", new { id }, tx);
}
