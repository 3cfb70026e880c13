using System.Text.Json;
using Dapper;
using Npgsql;
using Zaken.Api.Resources.Archivering;
using Zaken.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Zaken.Api.Resources.Status;

/// <summary>
/// <c>/statussen</c> (Zaken API 1.5.1): list, create, read (GET/HEAD). Creating the eindstatus closes the zaak (Z5 with
/// zrc-021 archiving), a non-final status on a closed zaak reopens it (Z7); the zaak stays locked for the whole write.
/// </summary>
public static class StatusEndpoints
{
    public const string Resource = "status";

    public static IServiceCollection AddStatusResource(this IServiceCollection services)
    {
        services.AddSingleton<StatusRepository>();
        services.AddSingleton<IZaakResourceRenderer>(sp => sp.GetRequiredService<StatusRepository>());
        services.AddSingleton<ArchiefBerekening>();
        return services;
    }

    public static WebApplication MapStatusEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        api.MapGet("/statussen", List).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapPost("/statussen", Create).RequireScopes(ZakenService.Zrc, ZakenScopes.Statuszetters);
        api.MapGetWithHead("/statussen/{uuid:guid}", Read).RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, StatusRepository repository, ZakenUrls urls)
    {
        var where = ZaakUrlFilter.Parse(StatusRepository.ListFilters, ctx.Request.Query, urls);
        ZaakGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        var page = PageRequest.From(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var (count, rows) = await repository.ListAsync(c, where, page);
        return Results.Ok(Paging.Create(ctx, page, count, rows.Select(r => r.ToJson(urls)).ToList()));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, StatusRepository repository, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var row = await repository.GetAsync(c, uuid) ?? throw ZgwException.NotFound();
        var zaak = await ZaakRef.FindAsync(c, row.ZaakUuid) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return HttpCaching.JsonWithETag(row.ToJson(urls));
    }

    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, StatusRepository repository, ZakenUrls urls,
        ZaakCatalogi catalogi, ArchiefBerekening archief, ZaakEvents events, TimeProvider time)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<StatusRequest>(ctx);
        var ct = ctx.RequestAborted;
        var uuid = Guid.NewGuid();
        var url = urls.Of("statussen", uuid);
        try
        {
            var created = await db.InTransactionAsync(async (c, tx) =>
            {
                var zaak = await ZaakRef.LockReferencedAsync(c, tx, urls, "zaak", body.Zaak!);
                StatusRules.Z8_StatusScope(ctx.GetZgwCaller(), zaak, await StatusRepository.HeeftStatusAsync(c, tx, zaak.Id));
                ZaakGuard.EnsureNogTeArchiveren(zaak);

                var statustype = await catalogi.TypeAsync("statustype", body.Statustype!, ["url", "volgnummer"], ct);
                var zaaktype = await catalogi.ZaaktypeAsync("zaak", zaak.Zaaktype, mustBePublished: false, ct);
                StatusRules.Zrc016_StatustypeHoortBijZaaktype(body.Statustype!, zaaktype);

                var datum = body.Datum!.Value;
                StatusRules.DatumStatusGezetNietInToekomst(datum, time.GetUtcNow());
                if (await StatusRepository.BestaatAsync(c, tx, zaak.Id, datum))
                    throw StatusRules.Uniek();
                if (!string.IsNullOrEmpty(body.Gezetdoor))
                {
                    var rol = urls.UuidOf("rollen", body.Gezetdoor);
                    var rolZaakId = rol is null ? null
                        : await c.ExecuteScalarAsync<long?>("SELECT zaak_id FROM rol WHERE uuid = @rol", new { rol }, tx);
                    StatusRules.GezetdoorRolVanZaak(rolZaakId, rol is not null, zaak.Id);
                }

                if (await IsEindstatusAsync(statustype, zaaktype, catalogi, ct))
                    await SluitAsync(c, tx, zaak, DateOnly.FromDateTime(datum.DateTime), catalogi, archief, ct);
                else if (zaak.IsGesloten)
                    await HeropenAsync(c, tx, zaak);

                await StatusRepository.InsertAsync(c, tx, uuid, zaak.Id, body);
                var json = (await repository.GetAsync(c, uuid, tx))!.ToJson(urls);
                await events.RecordAsync(c, tx, ctx, zaak, Resource, url, AuditActie.Create, null, json, notify: true);
                return json;
            }, ct);
            return Results.Created(url, created);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "status_zaak_datum")
        {
            throw StatusRules.Uniek();
        }
    }

    /// <summary>
    /// The eindstatus is the statustype with the highest volgnummer of the zaaktype (Z5): Catalogi says so in
    /// <c>isEindstatus</c>; without that field the volgnummers of the zaaktype's statustypen are compared.
    /// </summary>
    private static async Task<bool> IsEindstatusAsync(JsonElement statustype, Zaaktype zaaktype, ZaakCatalogi catalogi, CancellationToken ct)
    {
        if (statustype.TryGetProperty("isEindstatus", out var eind) && eind.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return eind.GetBoolean();
        var volgnummer = statustype.GetProperty("volgnummer").GetInt32();
        foreach (var other in zaaktype.Statustypen)
        {
            var json = await catalogi.TypeAsync("statustype", other, ["volgnummer"], ct);
            if (json.GetProperty("volgnummer").GetInt32() > volgnummer)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Z5 closing: the preconditions (documents fetched fresh from the Documenten API), then einddatum and the archive fields
    /// (zrc-021). Deelzaken whose brondatum is their hoofdzaak's einddatum get their dates now (Open Zaak).
    /// </summary>
    private static async Task SluitAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak, DateOnly einddatum, ZaakCatalogi catalogi,
        ArchiefBerekening archief, CancellationToken ct)
    {
        var resultaattypeUrl = await c.ExecuteScalarAsync<string?>("SELECT resultaattype FROM resultaat WHERE zaak_id = @Id", new { zaak.Id }, tx);
        var documenten = new List<(string, bool, bool)>();
        foreach (var informatieobject in await c.QueryAsync<string>(
                     "SELECT informatieobject FROM zaakinformatieobject WHERE zaak_id = @Id AND mirror = 'done' ORDER BY id", new { zaak.Id }, tx))
        {
            var document = await catalogi.FreshObjectAsync("informatieobject", informatieobject, [], ct);
            var gebruiksrecht = document.TryGetProperty("indicatieGebruiksrecht", out var g) && g.ValueKind is JsonValueKind.True or JsonValueKind.False;
            var locked = document.TryGetProperty("locked", out var l) && l.ValueKind == JsonValueKind.True;
            documenten.Add((informatieobject, gebruiksrecht, locked));
        }
        var deelzaken = (await c.QueryAsync<DeelzaakRow>("""
            SELECT d.id, d.einddatum, d.archiefactiedatum, r.resultaattype
            FROM zaak d LEFT JOIN resultaat r ON r.zaak_id = d.id
            WHERE d.hoofdzaak_id = @Id ORDER BY d.id
            """, new { zaak.Id }, tx)).ToList();
        StatusRules.Zrc007_AfsluitenVoorwaarden(new StatusRules.Afsluitgegevens(
            resultaattypeUrl is not null, documenten, deelzaken.Select(d => (d.Einddatum is not null, d.Resultaattype is not null)).ToList()));

        var uitkomst = await archief.BerekenAsync(c, tx, zaak, einddatum, await archief.ResultaattypeAsync(resultaattypeUrl!, ct), ct);
        await c.ExecuteAsync("UPDATE zaak SET einddatum = @einddatum WHERE id = @Id", new { einddatum, zaak.Id }, tx);
        await ArchiefBerekening.SchrijfAsync(c, tx, zaak.Id, uitkomst);

        foreach (var deelzaak in deelzaken.Where(d => d.Archiefactiedatum is null))
        {
            var rt = await archief.ResultaattypeAsync(deelzaak.Resultaattype!, ct);
            if (rt.Afleidingswijze != Afleidingswijze.Hoofdzaak)
                continue;
            var deelzaakRef = (await ZaakRef.LockByIdAsync(c, tx, deelzaak.Id))!;
            var deelUitkomst = await archief.BerekenAsync(c, tx, deelzaakRef, deelzaak.Einddatum!.Value, rt, ct, hoofdzaakEinddatum: einddatum);
            await ArchiefBerekening.SchrijfAsync(c, tx, deelzaak.Id, deelUitkomst);
        }
    }

    /// <summary>Z7 reopening: einddatum and the archive fields are cleared (Open Zaak also clears startdatumBewaartermijn).</summary>
    private static async Task HeropenAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRef zaak)
    {
        if (zaak.HoofdzaakId is { } hoofdzaakId)
            StatusRules.Z7_HoofdzaakOpenBijHeropenen(
                await c.ExecuteScalarAsync<DateOnly?>("SELECT einddatum FROM zaak WHERE id = @hoofdzaakId", new { hoofdzaakId }, tx));
        await c.ExecuteAsync("""
            UPDATE zaak SET einddatum = NULL, archiefactiedatum = NULL, archiefnominatie = NULL, startdatum_bewaartermijn = NULL
            WHERE id = @Id
            """, new { zaak.Id }, tx);
    }

    private sealed class DeelzaakRow
    {
        public long Id { get; init; }
        public DateOnly? Einddatum { get; init; }
        public DateOnly? Archiefactiedatum { get; init; }
        public string? Resultaattype { get; init; }
    }
}
