using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;

namespace Catalogi.Api.Resources.Common;

/// <summary>
/// What the writes of a part of a zaaktype (statustype, roltype, eigenschap, resultaattype, zaakobjecttype,
/// zaaktype-informatieobjecttype) need to know of it. A part is versioned with its zaaktype: its begin/eindeGeldigheid are
/// the zaaktype's (T10), so they are not stored, and ztc-010 guards it while the zaaktype is published.
/// </summary>
public interface IOnderdeel<TRequest> where TRequest : class
{
    CatalogiKind Kind { get; }

    string? Zaaktype(TRequest r);
    DateOnly? BeginGeldigheid(TRequest r);
    DateOnly? EindeGeldigheid(TRequest r);

    /// <summary>The stored part in request form, URL references and the zaaktype's geldigheid filled in; null when absent.</summary>
    Task<TRequest?> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid uuid);

    /// <summary>
    /// The part's own checks inside the write's transaction (<paramref name="self"/> is its id on update); returns the request
    /// to store, with what is derived (e.g. from the Selectielijst) filled in.
    /// </summary>
    Task<TRequest> CheckAsync(NpgsqlConnection c, NpgsqlTransaction tx, TRequest r, ZaaktypeRef zaaktype, long? self, Validator v,
        CancellationToken cancellationToken);

    Task<Guid> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, TRequest r, ZaaktypeRef zaaktype);
    Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, long id, TRequest r, ZaaktypeRef zaaktype);

    /// <summary>Whether ztc-010 protects the part: its zaaktype is published (a zaaktype-informatieobjecttype: also its informatieobjecttype).</summary>
    Task<bool> BeschermdAsync(NpgsqlConnection c, NpgsqlTransaction tx, TRequest r, ZaaktypeRef zaaktype) => Task.FromResult(!zaaktype.Concept);
}

/// <summary>The write operations of the parts of a zaaktype: create, update (PUT), partial update (PATCH), delete, with ztc-010 and T10.</summary>
public static class OnderdeelWrites
{
    public static RouteGroupBuilder MapOnderdeelWrites<TRequest, TPart>(this RouteGroupBuilder api, string path)
        where TRequest : class where TPart : IOnderdeel<TRequest>
    {
        var detail = path + "/{uuid:guid}";
        api.MapPost(path, (HttpContext ctx, TPart part, ZgwDatabase db, CatalogiReader reader, CatalogiUrls urls) =>
            CreateAsync(ctx, part, db, reader, urls)).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Wijzigers);
        api.MapPut(detail, (HttpContext ctx, Guid uuid, TPart part, ZgwDatabase db, CatalogiReader reader, CatalogiUrls urls) =>
            WriteAsync(ctx, uuid, part, db, reader, urls, patch: false)).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Wijzigers);
        api.MapPatch(detail, (HttpContext ctx, Guid uuid, TPart part, ZgwDatabase db, CatalogiReader reader, CatalogiUrls urls) =>
            WriteAsync(ctx, uuid, part, db, reader, urls, patch: true)).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Wijzigers);
        api.MapDelete(detail, (HttpContext ctx, Guid uuid, TPart part, ZgwDatabase db) =>
            DeleteAsync(ctx, uuid, part, db)).RequireScopes(ZgwScopes.Ztc, CatalogiScopes.Verwijderaars);
        return api;
    }

    private static async Task<IResult> CreateAsync<TRequest>(HttpContext ctx, IOnderdeel<TRequest> part, ZgwDatabase db, CatalogiReader reader,
        CatalogiUrls urls) where TRequest : class
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<TRequest>(ctx);
        var uuid = await TypeWrites.SaveAsync(db, async (c, tx) =>
        {
            var v = new Validator();
            var zaaktype = await References.ZaaktypeAsync(c, tx, urls, part.Zaaktype(body), v);
            var checkedBody = zaaktype is null ? body : await CheckAsync(ctx, c, tx, part, body, zaaktype, null, v);
            v.ThrowIfInvalid();
            return await part.InsertAsync(c, tx, checkedBody, zaaktype!);
        });
        return await TypeWrites.CreatedAsync(reader, urls, part.Kind, uuid);
    }

    private static async Task<IResult> WriteAsync<TRequest>(HttpContext ctx, Guid uuid, IOnderdeel<TRequest> part, ZgwDatabase db,
        CatalogiReader reader, CatalogiUrls urls, bool patch) where TRequest : class
    {
        FilterSet.None.Parse(ctx.Request.Query);
        TRequest current;
        await using (var c = await db.OpenAsync())
            current = await part.GetAsync(c, null, uuid) ?? throw ZgwException.NotFound();
        var body = patch ? await ZgwBody.ReadPatchAsync(ctx, current) : await ZgwBody.ReadAsync<TRequest>(ctx);
        await TypeWrites.SaveAsync(db, async (c, tx) =>
        {
            var (id, huidig) = await LockAsync(c, tx, part.Kind, uuid);
            var v = new Validator();
            var stored = await part.GetAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
            if (await part.BeschermdAsync(c, tx, stored, huidig))
                CatalogiRules.Ztc010_OnderdeelVanGepubliceerdZaaktype(false, TypeWrites.Heeft(ctx, CatalogiScopes.GeforceerdSchrijven), v);
            v.ThrowIfInvalid();
            var zaaktype = await References.ZaaktypeAsync(c, tx, urls, part.Zaaktype(body), v);
            var checkedBody = zaaktype is null ? body : await CheckAsync(ctx, c, tx, part, body, zaaktype, id, v);
            v.ThrowIfInvalid();
            await part.UpdateAsync(c, tx, id, checkedBody, zaaktype!);
            return id;
        });
        return await TypeWrites.OkAsync(reader, part.Kind, uuid);
    }

    private static async Task<IResult> DeleteAsync<TRequest>(HttpContext ctx, Guid uuid, IOnderdeel<TRequest> part, ZgwDatabase db)
        where TRequest : class
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await TypeWrites.SaveAsync(db, async (c, tx) =>
        {
            var (id, zaaktype) = await LockAsync(c, tx, part.Kind, uuid);
            var stored = await part.GetAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
            var v = new Validator();
            if (await part.BeschermdAsync(c, tx, stored, zaaktype))
                CatalogiRules.Ztc010_OnderdeelVanGepubliceerdZaaktype(false, TypeWrites.Heeft(ctx, CatalogiScopes.GeforceerdVerwijderen), v,
                    InvalidParam.NonFieldErrors);
            v.ThrowIfInvalid();
            await c.ExecuteAsync($"DELETE FROM {CatalogiUrls.Table(part.Kind)} WHERE id = @id", new { id }, tx);
            return id;
        });
        return Results.NoContent();
    }

    /// <summary>ztc-010 for the (new) zaaktype, T10 for the geldigheid, then the part's own checks.</summary>
    private static async Task<TRequest> CheckAsync<TRequest>(HttpContext ctx, NpgsqlConnection c, NpgsqlTransaction tx, IOnderdeel<TRequest> part,
        TRequest body, ZaaktypeRef zaaktype, long? self, Validator v) where TRequest : class
    {
        if (await part.BeschermdAsync(c, tx, body, zaaktype))
            CatalogiRules.Ztc010_OnderdeelVanGepubliceerdZaaktype(false, TypeWrites.Heeft(ctx, CatalogiScopes.GeforceerdSchrijven), v);
        CatalogiRules.OnderdeelGeldigheidVanZaaktype(part.BeginGeldigheid(body), part.EindeGeldigheid(body), zaaktype, v);
        return await part.CheckAsync(c, tx, body, zaaktype, self, v, ctx.RequestAborted);
    }

    /// <summary>
    /// Locks the part's zaaktype (<c>FOR SHARE</c>) and then the part (<c>FOR UPDATE</c>) — zaaktype first, the order a zaaktype
    /// delete or publish takes too — and returns the part's id and zaaktype (404 when it is gone).
    /// </summary>
    private static async Task<(long Id, ZaaktypeRef Zaaktype)> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, CatalogiKind kind, Guid uuid)
    {
        var table = CatalogiUrls.Table(kind);
        var zaaktypeId = await c.QuerySingleOrDefaultAsync<long?>($"SELECT zaaktype_id FROM {table} WHERE uuid = @uuid", new { uuid }, tx)
                         ?? throw ZgwException.NotFound();
        var zaaktype = await References.ZaaktypeByIdAsync(c, tx, zaaktypeId);
        var row = await c.QuerySingleOrDefaultAsync<PartRow>(
            $"SELECT id, zaaktype_id FROM {table} WHERE uuid = @uuid FOR UPDATE", new { uuid }, tx)
            ?? throw ZgwException.NotFound();
        return (row.Id, row.ZaaktypeId == zaaktype.Id ? zaaktype : await References.ZaaktypeByIdAsync(c, tx, row.ZaaktypeId));
    }

    private sealed class PartRow
    {
        public long Id { get; init; }
        public long ZaaktypeId { get; init; }
    }
}
