using System.Text.Json.Nodes;
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

namespace Zaken.Api.Resources.Zaakcontactmoment;

/// <summary>A request that links a zaak to an object of another API by URL (<c>contactmoment</c>, <c>verzoek</c>).</summary>
public interface IKoppelingRequest : IValidatable
{
    string? Zaak { get; }

    /// <summary>The URL of the linked object.</summary>
    string? Doel { get; }
}

/// <summary>
/// What differs between the zaak links of the deprecated Klantinteractie APIs: the collection, the resource name in
/// audit and notifications, and the table with its URL column (also the JSON field name).
/// </summary>
public sealed record KoppelingDefinitie(string Collection, string Resource, string Table, string Veld);

/// <summary>
/// <c>/zaakcontactmomenten</c> and <c>/zaakverzoeken</c> (Zaken API 1.5.1): unpaginated list filtered on <c>zaak</c> and
/// the linked URL, create, read, delete; scope <c>zaken.bijwerken</c>. The linked URL is validated as a URL only
/// (zgw-rules Z25: the Verzoeken/Contactmomenten APIs are deprecated; the zrc-024/025 mirrors are not built). The zaak
/// must be ours and <c>nog_te_archiveren</c>; the closed-zaak rule does not apply (Z6). A zaak links a URL once
/// (<c>unique</c>). Audit on every write; notification on create only.
/// </summary>
public sealed class ZaakKoppeling<TRequest>(KoppelingDefinitie def) where TRequest : class, IKoppelingRequest
{
    private static readonly string[] Schrijvers = [ZakenScopes.Bijwerken];

    private FilterSet ListFilters => new FilterSet()
        .Add(def.Veld, FilterKind.Url, $"k.{def.Veld}")
        .Allow(ZaakFilter.Parameter);

    private string Select => $"SELECT k.id, k.uuid, k.zaak_id, z.uuid AS zaak_uuid, k.{def.Veld} AS doel FROM {def.Table} k JOIN zaak z ON z.id = k.zaak_id";

    public void Map(WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        api.MapGet($"/{def.Collection}", (HttpContext ctx, ZgwDatabase db, ZakenUrls urls) => List(ctx, db, urls))
            .RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapPost($"/{def.Collection}", (HttpContext ctx, ZgwDatabase db, ZakenUrls urls, ZaakEvents events) => Create(ctx, db, urls, events))
            .RequireScopes(ZakenService.Zrc, Schrijvers);
        api.MapGet($"/{def.Collection}/{{uuid:guid}}", (HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls) => Read(ctx, uuid, db, urls))
            .RequireScopes(ZakenService.Zrc, ZakenScopes.Lezen);
        api.MapDelete($"/{def.Collection}/{{uuid:guid}}",
                (HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakEvents events) => Delete(ctx, uuid, db, urls, events))
            .RequireScopes(ZakenService.Zrc, Schrijvers);
    }

    private async Task<IResult> List(HttpContext ctx, ZgwDatabase db, ZakenUrls urls)
    {
        var where = ZaakFilter.Parse(ctx, ListFilters, urls);
        await using var c = await db.OpenAsync();
        var rows = await c.QueryAsync<Row>($"{Select} WHERE {where.Sql} ORDER BY k.id DESC", new DynamicParameters(where.Parameters));
        return Results.Ok(rows.Select(r => Render(r, urls)).ToList());
    }

    private async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync();
        var row = await GetAsync(c, null, uuid) ?? throw ZgwException.NotFound();
        var zaak = await ZaakRef.FindByIdAsync(c, row.ZaakId) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return Results.Ok(Render(row, urls));
    }

    private async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, ZakenUrls urls, ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<TRequest>(ctx);
        try
        {
            var created = await db.InTransactionAsync(async (c, tx) =>
            {
                var zaak = await ZaakRef.LockReferencedAsync(c, tx, urls, "zaak", body.Zaak!);
                ZaakGuard.EnsureCanWrite(ctx, zaak, Schrijvers, closedRule: false);
                ZaakGuard.EnsureNogTeArchiveren(zaak);
                var bestaat = await c.ExecuteScalarAsync<bool>(
                    $"SELECT EXISTS (SELECT 1 FROM {def.Table} WHERE zaak_id = @zaakId AND {def.Veld} = @doel)", new { zaakId = zaak.Id, doel = body.Doel }, tx);
                if (bestaat)
                    throw NietUniek();
                var uuid = Guid.NewGuid();
                await c.ExecuteAsync($"INSERT INTO {def.Table} (uuid, zaak_id, {def.Veld}) VALUES (@uuid, @zaakId, @doel)",
                    new { uuid, zaakId = zaak.Id, doel = body.Doel }, tx);
                var json = Render((await GetAsync(c, tx, uuid))!, urls);
                await events.RecordAsync(c, tx, ctx, zaak, def.Resource, urls.Of(def.Collection, uuid), AuditActie.Create, null, json, notify: true);
                return json;
            }, ctx.RequestAborted);
            return Results.Created(created["url"]!.GetValue<string>(), created);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw NietUniek();
        }
    }

    private async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await db.InTransactionAsync(async (c, tx) =>
        {
            var found = await GetAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
            var zaak = await ZaakRef.LockByIdAsync(c, tx, found.ZaakId) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, Schrijvers, closedRule: false);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            var row = await GetAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
            await c.ExecuteAsync($"DELETE FROM {def.Table} WHERE id = @id", new { id = row.Id }, tx);
            await events.RecordAsync(c, tx, ctx, zaak, def.Resource, urls.Of(def.Collection, uuid), AuditActie.Destroy, Render(row, urls), null,
                notify: false);
            return row.Id;
        }, ctx.RequestAborted);
        return Results.NoContent();
    }

    private Task<Row?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid) =>
        c.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE k.uuid = @uuid", new { uuid }, tx);

    /// <summary>The OAS <c>ZaakContactMoment</c> / <c>ZaakVerzoek</c>.</summary>
    private JsonObject Render(Row row, ZakenUrls urls) => new()
    {
        ["url"] = urls.Of(def.Collection, row.Uuid),
        ["uuid"] = row.Uuid.ToString(),
        ["zaak"] = urls.Zaak(row.ZaakUuid),
        [def.Veld] = row.Doel,
    };

    private ZgwException NietUniek() => ZgwException.Validation(InvalidParam.NonFieldErrors, ZakenCodes.Unique,
        $"De velden zaak, {def.Veld} moeten een unieke set zijn.");

    private sealed class Row
    {
        public long Id { get; init; }
        public Guid Uuid { get; init; }
        public long ZaakId { get; init; }
        public Guid ZaakUuid { get; init; }
        public string Doel { get; init; } = "";
    }
}
