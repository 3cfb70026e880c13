using Zgw.Api.References;
using System.Text.Json.Nodes;
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

namespace Zaken.Api.Resources.Zaakeigenschap;

/// <summary>A stored zaakeigenschap.</summary>
public sealed class ZaakeigenschapRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public long ZaakId { get; init; }
    public Guid ZaakUuid { get; init; }
    public string Eigenschap { get; init; } = "";
    public string Naam { get; init; } = "";
    public string Waarde { get; init; } = "";

    public JsonObject ToJson(ZakenUrls urls) => new()
    {
        ["url"] = urls.Nested(ZaakUuid, ZaakeigenschapEndpoints.Collection, Uuid),
        ["uuid"] = Uuid.ToString(),
        ["zaak"] = urls.Zaak(ZaakUuid),
        ["eigenschap"] = Eigenschap,
        ["naam"] = Naam,
        ["waarde"] = Waarde,
    };

    public ZaakeigenschapRequest ToRequest(ZakenUrls urls) => new(urls.Zaak(ZaakUuid), Eigenschap, Waarde);
}

/// <summary>
/// <c>/zaken/{zaak_uuid}/zaakeigenschappen</c> (Zaken API 1.5.1): unpaginated list, create, read, update, partial
/// update, delete. Notifications <c>zaakeigenschap</c> create/update/destroy (README §4.1).
/// </summary>
public static class ZaakeigenschapEndpoints
{
    public const string Collection = "zaakeigenschappen";
    public const string Resource = "zaakeigenschap";
    private const string Zrc = ZakenService.Zrc;

    private const string Columns = "ze.id, ze.uuid, ze.zaak_id, z.uuid AS zaak_uuid, ze.eigenschap, ze.naam, ze.waarde";
    private const string From = "zaakeigenschap ze JOIN zaak z ON z.id = ze.zaak_id";

    public static IServiceCollection AddZaakeigenschapResource(this IServiceCollection services)
    {
        services.AddSingleton<IZaakResourceRenderer, ZaakeigenschapRenderer>();
        return services;
    }

    public static WebApplication MapZaakeigenschapEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        const string list = "/zaken/{zaak_uuid:guid}/zaakeigenschappen";
        const string detail = list + "/{uuid:guid}";
        api.MapGet(list, List).RequireScopes(Zrc, ZakenScopes.Lezen);
        api.MapPost(list, Create).RequireScopes(Zrc, ZakenScopes.Wijzigers);
        api.MapGetWithHead(detail, Read).RequireScopes(Zrc, ZakenScopes.Lezen);
        api.MapPut(detail, Update).RequireScopes(Zrc, ZakenScopes.Wijzigers);
        api.MapPatch(detail, PartialUpdate).RequireScopes(Zrc, ZakenScopes.Wijzigers);
        api.MapDelete(detail, Delete).RequireScopes(Zrc, ZakenScopes.Wijzigers);
        return app;
    }

    internal static async Task<IReadOnlyList<ZaakeigenschapRow>> RowsAsync(NpgsqlConnection c, string where, object parameters,
        NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        (await c.QueryAsync<ZaakeigenschapRow>(
            $"SELECT {Columns} FROM {From} WHERE {where} ORDER BY ze.id {(forUpdate ? "FOR UPDATE OF ze" : "")}", parameters, tx)).ToList();

    private static async Task<ZaakRef> ZaakOfPathAsync(NpgsqlConnection c, Guid zaakUuid) =>
        await ZaakRef.FindAsync(c, zaakUuid) ?? throw ZgwException.NotFound();

    private static async Task<IResult> List(HttpContext ctx, Guid zaak_uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var zaak = await ZaakOfPathAsync(c, zaak_uuid);
        ZaakGuard.EnsureCanRead(ctx, zaak);
        var rows = await RowsAsync(c, "ze.zaak_id = @id", new { id = zaak.Id });
        return Results.Ok(rows.Select(r => r.ToJson(urls)).ToList());
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid zaak_uuid, Guid uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var zaak = await ZaakOfPathAsync(c, zaak_uuid);
        var row = (await RowsAsync(c, "ze.uuid = @uuid AND ze.zaak_id = @id", new { uuid, id = zaak.Id })).SingleOrDefault()
                  ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return HttpCaching.JsonWithETag(row.ToJson(urls));
    }

    /// <summary>
    /// The checks of a create (<paramref name="existing"/> null) or update: the zaak of the path, zaak and eigenschap
    /// unchanged on update, zrc-018, the waarde against the specificatie. Returns the naam (copied from the eigenschap on create).
    /// </summary>
    private static async Task<string> CheckAsync(ZaakeigenschapRequest body, ZaakRef zaak, ZaakeigenschapRow? existing, ZaakCatalogi catalogi,
        ZakenUrls urls, CancellationToken ct)
    {
        if (existing is null)
            ZaakeigenschapRules.ZaakIsZaakVanPad(body, urls, zaak.Uuid);
        else
            ZaakeigenschapRules.ZaakEnEigenschapOnveranderlijk(existing.Eigenschap, body, urls, zaak.Uuid);
        ZaakGuard.EnsureNogTeArchiveren(zaak);
        var eigenschap = await catalogi.TypeAsync("eigenschap", body.Eigenschap!, ZaakeigenschapRules.EigenschapProperties, ct);
        var zaaktype = await catalogi.ZaaktypeAsync("zaak", zaak.Zaaktype, mustBePublished: false, ct);
        ZaakeigenschapRules.Zrc018_EigenschapHoortBijZaaktype(body.Eigenschap!, zaaktype);
        ZaakeigenschapRules.WaardeVolgensSpecificatie(eigenschap, body.Waarde!);
        return existing?.Naam ?? JsonFields.Text(eigenschap, "naam") ?? "";
    }

    private static async Task<IResult> Create(HttpContext ctx, Guid zaak_uuid, ZgwDatabase db, ZakenUrls urls, ZaakCatalogi catalogi, ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        ZaakRef zaak;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
            zaak = await ZaakOfPathAsync(c, zaak_uuid);
        ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
        var body = await ZgwBody.ReadAsync<ZaakeigenschapRequest>(ctx);
        var naam = await CheckAsync(body, zaak, null, catalogi, urls, ctx.RequestAborted);

        var created = await db.InTransactionAsync(async (c, tx) =>
        {
            var locked = await ZaakRef.LockAsync(c, tx, zaak_uuid) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, locked, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(locked);
            var uuid = Guid.CreateVersion7();
            await c.ExecuteAsync("""
                INSERT INTO zaakeigenschap (uuid, zaak_id, eigenschap, naam, waarde) VALUES (@uuid, @zaakId, @eigenschap, @naam, @waarde)
                """, new { uuid, zaakId = locked.Id, eigenschap = body.Eigenschap, naam, waarde = body.Waarde }, tx);
            var row = (await RowsAsync(c, "ze.uuid = @uuid", new { uuid }, tx)).Single();
            var json = row.ToJson(urls);
            await events.RecordAsync(c, tx, ctx, locked, Resource, json["url"]!.GetValue<string>(), AuditActie.Create, null, json);
            await ArchiefBerekening.NaWijzigingAsync(ctx, c, tx, locked, Afleidingswijze.Eigenschap);
            return json;
        }, ctx.RequestAborted);
        return Results.Created(created["url"]!.GetValue<string>(), created);
    }

    private static Task<IResult> Update(HttpContext ctx, Guid zaak_uuid, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakCatalogi catalogi,
        ZaakEvents events) =>
        WriteAsync(ctx, zaak_uuid, uuid, db, urls, catalogi, events, AuditActie.Update, _ => ZgwBody.ReadAsync<ZaakeigenschapRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid zaak_uuid, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakCatalogi catalogi,
        ZaakEvents events) =>
        WriteAsync(ctx, zaak_uuid, uuid, db, urls, catalogi, events, AuditActie.PartialUpdate, current => ZgwBody.ReadPatchAsync(ctx, current.ToRequest(urls)));

    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid zaakUuid, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakCatalogi catalogi,
        ZaakEvents events, string actie, Func<ZaakeigenschapRow, Task<ZaakeigenschapRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        ZaakRef zaak;
        ZaakeigenschapRow existing;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
        {
            zaak = await ZaakOfPathAsync(c, zaakUuid);
            existing = (await RowsAsync(c, "ze.uuid = @uuid AND ze.zaak_id = @id", new { uuid, id = zaak.Id })).SingleOrDefault()
                       ?? throw ZgwException.NotFound();
        }
        ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
        var body = await readBody(existing);
        await CheckAsync(body, zaak, existing, catalogi, urls, ctx.RequestAborted);

        var saved = await db.InTransactionAsync(async (c, tx) =>
        {
            var locked = await ZaakRef.LockAsync(c, tx, zaakUuid) ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, locked, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(locked);
            var current = (await RowsAsync(c, "ze.uuid = @uuid AND ze.zaak_id = @id", new { uuid, id = locked.Id }, tx, forUpdate: true)).SingleOrDefault()
                          ?? throw ZgwException.NotFound();
            await c.ExecuteAsync("UPDATE zaakeigenschap SET waarde = @waarde WHERE id = @id", new { id = current.Id, waarde = body.Waarde }, tx);
            var updated = (await RowsAsync(c, "ze.id = @id", new { id = current.Id }, tx)).Single().ToJson(urls);
            await events.RecordAsync(c, tx, ctx, locked, Resource, updated["url"]!.GetValue<string>(), actie, current.ToJson(urls), updated);
            await ArchiefBerekening.NaWijzigingAsync(ctx, c, tx, locked, Afleidingswijze.Eigenschap);
            return updated;
        }, ctx.RequestAborted);
        return Results.Ok(saved);
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid zaak_uuid, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await db.InTransactionAsync(async (c, tx) =>
        {
            var zaak = await ZaakRef.LockAsync(c, tx, zaak_uuid) ?? throw ZgwException.NotFound();
            var current = (await RowsAsync(c, "ze.uuid = @uuid AND ze.zaak_id = @id", new { uuid, id = zaak.Id }, tx, forUpdate: true)).SingleOrDefault()
                          ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, ZakenScopes.Wijzigers);
            ZaakGuard.EnsureNogTeArchiveren(zaak);
            await c.ExecuteAsync("DELETE FROM zaakeigenschap WHERE id = @id", new { id = current.Id }, tx);
            var json = current.ToJson(urls);
            await events.RecordAsync(c, tx, ctx, zaak, Resource, json["url"]!.GetValue<string>(), AuditActie.Destroy, json, null);
            await ArchiefBerekening.NaWijzigingAsync(ctx, c, tx, zaak, Afleidingswijze.Eigenschap);
            return 0;
        }, ctx.RequestAborted);
        return Results.NoContent();
    }
}

/// <summary>Renders zaakeigenschappen for <c>expand</c> (one query for all uuids).</summary>
public sealed class ZaakeigenschapRenderer(ZakenUrls urls) : IZaakResourceRenderer
{
    public string Collection => ZaakeigenschapEndpoints.Collection;

    public async Task<IReadOnlyList<JsonObject>> RenderManyAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids, CancellationToken ct)
    {
        if (uuids.Count == 0)
            return [];
        var rows = await ZaakeigenschapEndpoints.RowsAsync(c, "ze.uuid = ANY(@uuids)", new { uuids = uuids.ToArray() });
        return rows.Select(r => r.ToJson(urls)).ToList();
    }
}
