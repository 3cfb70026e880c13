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

namespace Zaken.Api.Resources.Zaakbesluit;

/// <summary>The body of POST <c>/zaken/{zaak_uuid}/besluiten</c> (OAS <c>ZaakBesluit</c>).</summary>
public sealed record ZaakbesluitRequest(string? Besluit) : IValidatable
{
    public void Validate(Validator v)
    {
        if (v.Required("besluit", Besluit))
            v.Url("besluit", Besluit);
    }
}

/// <summary>A stored zaakbesluit.</summary>
public sealed class ZaakbesluitRow
{
    public long Id { get; init; }
    public Guid Uuid { get; init; }
    public Guid ZaakUuid { get; init; }
    public string Besluit { get; init; } = "";

    public JsonObject ToJson(ZakenUrls urls) => new()
    {
        ["url"] = urls.Nested(ZaakUuid, ZaakbesluitEndpoints.Collection, Uuid),
        ["uuid"] = Uuid.ToString(),
        ["besluit"] = Besluit,
    };
}

/// <summary>
/// <c>/zaken/{zaak_uuid}/besluiten</c> (Zaken API 1.5.1): the reverse index of besluiten on a zaak, written by the
/// Besluiten API when a besluit names the zaak (brc-006). Unpaginated list, create, read, delete. Notification
/// <c>zaakbesluit</c> create only (README §4.1).
/// </summary>
public static class ZaakbesluitEndpoints
{
    public const string Collection = "besluiten";
    public const string Resource = "zaakbesluit";
    private const string Zrc = ZakenService.Zrc;
    private static readonly string[] BesluitProperties = ["url", "besluittype"];
    private static readonly string[] Schrijvers = [ZakenScopes.Bijwerken];

    private const string Columns = "zb.id, zb.uuid, z.uuid AS zaak_uuid, zb.besluit";
    private const string From = "zaakbesluit zb JOIN zaak z ON z.id = zb.zaak_id";

    public static IServiceCollection AddZaakbesluitResource(this IServiceCollection services) => services;

    public static WebApplication MapZaakbesluitEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(ZakenService.Component.ApiPath);
        const string list = "/zaken/{zaak_uuid:guid}/besluiten";
        const string detail = list + "/{uuid:guid}";
        api.MapGet(list, List).RequireScopes(Zrc, ZakenScopes.Lezen);
        api.MapPost(list, Create).RequireScopes(Zrc, Schrijvers);
        api.MapGetWithHead(detail, Read).RequireScopes(Zrc, ZakenScopes.Lezen);
        api.MapDelete(detail, Delete).RequireScopes(Zrc, Schrijvers);
        return app;
    }

    private static async Task<IReadOnlyList<ZaakbesluitRow>> RowsAsync(NpgsqlConnection c, string where, object parameters,
        NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        (await c.QueryAsync<ZaakbesluitRow>(
            $"SELECT {Columns} FROM {From} WHERE {where} ORDER BY zb.id {(forUpdate ? "FOR UPDATE OF zb" : "")}", parameters, tx)).ToList();

    private static async Task<IResult> List(HttpContext ctx, Guid zaak_uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var zaak = await ZaakRef.FindAsync(c, zaak_uuid) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        var rows = await RowsAsync(c, "zb.zaak_id = @id", new { id = zaak.Id });
        return Results.Ok(rows.Select(r => r.ToJson(urls)).ToList());
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid zaak_uuid, Guid uuid, ZgwDatabase db, ZakenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var zaak = await ZaakRef.FindAsync(c, zaak_uuid) ?? throw ZgwException.NotFound();
        var row = (await RowsAsync(c, "zb.uuid = @uuid AND zb.zaak_id = @id", new { uuid, id = zaak.Id })).SingleOrDefault()
                  ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanRead(ctx, zaak);
        return HttpCaching.JsonWithETag(row.ToJson(urls));
    }

    private static async Task<IResult> Create(HttpContext ctx, Guid zaak_uuid, ZgwDatabase db, ZakenUrls urls, ZaakCatalogi catalogi, ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        ZaakRef zaak;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
            zaak = await ZaakRef.FindAsync(c, zaak_uuid) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanWrite(ctx, zaak, Schrijvers);
        var body = await ZgwBody.ReadAsync<ZaakbesluitRequest>(ctx);
        ZaakGuard.EnsureNogTeArchiveren(zaak);
        // The besluit must resolve to a BESLUIT of a Besluiten API.
        await catalogi.ObjectAsync("besluit", body.Besluit!, BesluitProperties, ctx.RequestAborted);
        try
        {
            var created = await db.InTransactionAsync(async (c, tx) =>
            {
                var locked = await ZaakRef.LockAsync(c, tx, zaak_uuid) ?? throw ZgwException.NotFound();
                ZaakGuard.EnsureCanWrite(ctx, locked, Schrijvers);
                ZaakGuard.EnsureNogTeArchiveren(locked);
                if ((await RowsAsync(c, "zb.zaak_id = @id AND zb.besluit = @besluit", new { id = locked.Id, besluit = body.Besluit }, tx)).Count > 0)
                    throw NotUnique();
                var uuid = Guid.CreateVersion7();
                await c.ExecuteAsync("INSERT INTO zaakbesluit (uuid, zaak_id, besluit) VALUES (@uuid, @zaakId, @besluit)",
                    new { uuid, zaakId = locked.Id, besluit = body.Besluit }, tx);
                var json = (await RowsAsync(c, "zb.uuid = @uuid", new { uuid }, tx)).Single().ToJson(urls);
                await events.RecordAsync(c, tx, ctx, locked, Resource, json["url"]!.GetValue<string>(), AuditActie.Create, null, json);
                await ArchiefBerekening.NaWijzigingAsync(ctx, c, tx, locked, Afleidingswijze.IngangsdatumBesluit, Afleidingswijze.VervaldatumBesluit);
                return json;
            }, ctx.RequestAborted);
            return Results.Created(created["url"]!.GetValue<string>(), created);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw NotUnique();
        }
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid zaak_uuid, Guid uuid, ZgwDatabase db, ZakenUrls urls, ZaakEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await db.InTransactionAsync(async (c, tx) =>
        {
            var zaak = await ZaakRef.LockAsync(c, tx, zaak_uuid) ?? throw ZgwException.NotFound();
            var current = (await RowsAsync(c, "zb.uuid = @uuid AND zb.zaak_id = @id", new { uuid, id = zaak.Id }, tx, forUpdate: true)).SingleOrDefault()
                          ?? throw ZgwException.NotFound();
            ZaakGuard.EnsureCanWrite(ctx, zaak, Schrijvers);
            await c.ExecuteAsync("DELETE FROM zaakbesluit WHERE id = @id", new { id = current.Id }, tx);
            var json = current.ToJson(urls);
            // Only the create of a zaakbesluit is announced (README §4.1): audit only.
            await events.RecordAsync(c, tx, ctx, zaak, Resource, json["url"]!.GetValue<string>(), AuditActie.Destroy, json, null, notify: false);
            await ArchiefBerekening.NaWijzigingAsync(ctx, c, tx, zaak, Afleidingswijze.IngangsdatumBesluit, Afleidingswijze.VervaldatumBesluit);
            return 0;
        }, ctx.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>OAS: a besluit is registered on a zaak once (Open Zaak <c>unique</c>).</summary>
    private static ZgwException NotUnique() =>
        ZgwException.Validation("nonFieldErrors", ZakenCodes.Unique, "De velden zaak, besluit moeten een unieke set zijn.");
}
