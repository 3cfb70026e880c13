using Dapper;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zaken.Api.Resources.Rol;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zaken.Api.Resources.Klantcontact;

/// <summary>
/// <c>/klantcontacten</c> (Zaken API 1.5.1, deprecated): paginated list (<c>zaak</c>), create, read. A create locks the
/// zaak, checks its autorisatie (A8), the closed-zaak rule (zrc-007) and the archiefstatus, and commits with its audit
/// record and the notification klantcontact create.
/// </summary>
public static class KlantcontactEndpoints
{
    private const string Resource = "klantcontact";
    private const string Collection = "klantcontacten";

    private static readonly FilterSet ListFilters = new FilterSet().Allow(ZaakFilter.Parameter).Allow(PageRequest.Parameters);

    private const string Select = """
        SELECT k.id, k.uuid, k.zaak_id, z.uuid AS zaak_uuid, k.identificatie, k.datumtijd, k.gegevens::text AS gegevens
        FROM klantcontact k JOIN zaak z ON z.id = k.zaak_id
        """;

    public static IServiceCollection AddKlantcontactResource(this IServiceCollection services) => services;

    public static WebApplication MapKlantcontactEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        api.MapGet("/klantcontacten", List).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapPost("/klantcontacten", Create).RequireScopes(ZakenService.Zrc, ZakenScopes.Wijzigers);
        api.MapGet("/klantcontacten/{uuid:guid}", Read).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, ZakenUrls urls)
    {
        var where = ZaakFilter.Parse(ctx, ListFilters, urls);
        var page = PageRequest.From(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var parameters = new DynamicParameters(where.Parameters);
        parameters.Add("limit", page.Size);
        parameters.Add("offset", page.Offset);
        var count = await c.ExecuteScalarAsync<int>($"SELECT count(*) FROM klantcontact k JOIN zaak z ON z.id = k.zaak_id WHERE {where.Sql}", parameters);
        var rows = await c.QueryAsync<KlantcontactRow>($"{Select} WHERE {where.Sql} ORDER BY k.id DESC LIMIT @limit OFFSET @offset", parameters);
        return Results.Ok(Paging.Create(ctx, page, count, rows.Select(r => r.Render(urls)).ToList()));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var row = await GetAsync(c, null, uuid) ?? throw ZgwException.NotFound();
        var zaak = await ZaakRef.FindByIdAsync(c, row.ZaakId) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return Results.Ok(row.Render(urls));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, ZakenUrls urls, ZaakEvents events, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<KlantcontactRequest>(ctx);
        try
        {
            var created = await db.InTransactionAsync(async (c, tx) =>
            {
                var zaak = await ZaakRef.LockReferencedAsync(c, tx, urls, "zaak", body.Zaak!);
                ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
                ZaakGuard.EnsureNogTeArchiveren(zaak);
                KlantcontactRules.DateInFuture_DatumtijdNietInToekomst(body.Datumtijd!.Value, time.GetUtcNow());
                var identificatie = string.IsNullOrEmpty(body.Identificatie) ? await FreeIdentificatieAsync(c, tx) : body.Identificatie;
                if (await ExistsAsync(c, tx, identificatie))
                    throw KlantcontactRules.NietUniek();
                var uuid = Guid.NewGuid();
                await c.ExecuteAsync("""
                    INSERT INTO klantcontact (uuid, zaak_id, identificatie, datumtijd, gegevens)
                    VALUES (@uuid, @zaakId, @identificatie, @datumtijd, CAST(@gegevens AS jsonb))
                    """, new { uuid, zaakId = zaak.Id, identificatie, datumtijd = body.Datumtijd.Value.ToUniversalTime(), gegevens = KlantcontactRow.ToGegevens(body) }, tx);
                var json = (await GetAsync(c, tx, uuid))!.Render(urls);
                await events.RecordAsync(c, tx, ctx, zaak, Resource, urls.Of(Collection, uuid), AuditActie.Create, null, json, notify: true);
                return json;
            }, ctx.RequestAborted);
            return Results.Created(created["url"]!.GetValue<string>(), created);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw KlantcontactRules.NietUniek();
        }
    }

    private static async Task<string> FreeIdentificatieAsync(NpgsqlConnection c, NpgsqlTransaction tx)
    {
        while (true)
        {
            var candidate = KlantcontactRules.NieuweIdentificatie();
            if (!await ExistsAsync(c, tx, candidate))
                return candidate;
        }
    }

    private static Task<bool> ExistsAsync(NpgsqlConnection c, NpgsqlTransaction tx, string identificatie) =>
        c.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM klantcontact WHERE identificatie = @identificatie)", new { identificatie }, tx);

    private static Task<KlantcontactRow?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        c.QuerySingleOrDefaultAsync<KlantcontactRow>($"{Select} WHERE k.uuid = @uuid", new { uuid }, tx);
}
