using Documenten.Api.Resources.Common;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Documenten.Api.Resources.Objectinformatieobject;

/// <summary>
/// <c>/objectinformatieobjecten</c> (Documenten API 1.5.0): unpaginated list, create, read (+HEAD), delete — the mirror of
/// zaakinformatieobjecten and besluitinformatieobjecten, written by the Zaken and Besluiten APIs (D2). Authorised through the
/// document; writes are audited under the document and not notified (specs README §4.3).
/// </summary>
public static class ObjectinformatieobjectEndpoints
{
    private const string Drc = DocumentenService.Drc;
    private const string Path = "/" + ObjectinformatieobjectMapping.Collection;

    public static IServiceCollection AddObjectinformatieobjectResource(this IServiceCollection services)
    {
        services.AddSingleton<ObjectinformatieobjectBron>();
        ObjectinformatieobjectBron.Register(services);
        return services;
    }

    public static WebApplication MapObjectinformatieobjectEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(DocumentenService.Component.ApiPath);
        api.MapGet(Path, List).RequireScopes(Drc, DocumentenScopes.Lezen);
        api.MapPost(Path, Create).RequireScopes(Drc, DocumentenScopes.Aanmaken);
        api.MapGetWithHead(Path + "/{uuid:guid}", Read).RequireScopes(Drc, DocumentenScopes.Lezen);
        api.MapDelete(Path + "/{uuid:guid}", Delete).RequireScopes(Drc, DocumentenScopes.Verwijderen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls)
    {
        var query = ctx.Request.Query;
        var where = ObjectinformatieobjectRepository.ListFilters.Parse(query);
        InformatieobjectVerwijzing.AddFilter(where, query, urls);
        DocumentGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var rows = await ObjectinformatieobjectRepository.ListAsync(c, where, ctx.RequestAborted);
        return Results.Ok(rows.Select(r => r.Render(urls)).ToList());
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var row = await ObjectinformatieobjectRepository.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
        var document = await DocumentRef.FindByIdAsync(c, row.DocumentId) ?? throw ZgwException.NotFound();
        DocumentGuard.EnsureCanRead(ctx, document);
        return HttpCaching.JsonWithETag(row.Render(urls));
    }

    /// <summary>
    /// POST: the document must exist (400 <c>does_not_exist</c>), drc-002 unique, drc-003/004 the relation exists in the
    /// source (asked before the transaction, so no row lock is held during the call).
    /// </summary>
    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events, ObjectinformatieobjectBron bron)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<ObjectinformatieobjectRequest>(ctx);
        var ct = ctx.RequestAborted;
        DocumentRef document;
        await using (var c = await db.OpenAsync(ct))
        {
            document = await DocumentRef.FindReferencedAsync(c, urls, "informatieobject", body.Informatieobject!);
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Aanmaken]);
            await ObjectinformatieobjectRules.Drc002_UniekPerObjectAsync(c, null, document.Id, body.Object!);
        }
        var documentUrl = urls.Document(document.Uuid);
        await ObjectinformatieobjectRules.Drc003_RelatieBestaatInBronAsync(bron, body.ObjectType!, body.Object!, documentUrl, ct);

        var uuid = Guid.CreateVersion7();
        try
        {
            var created = await db.InTransactionAsync(async (c, tx) =>
            {
                var locked = await DocumentRef.LockReferencedAsync(c, tx, urls, "informatieobject", body.Informatieobject!);
                DocumentGuard.EnsureCanWrite(ctx, locked, [DocumentenScopes.Aanmaken]);
                await ObjectinformatieobjectRules.Drc002_UniekPerObjectAsync(c, tx, locked.Id, body.Object!);
                await ObjectinformatieobjectRepository.InsertAsync(c, tx, uuid, locked.Id, body.Object!, body.ObjectType!);
                var row = (await ObjectinformatieobjectRepository.FindAsync(c, uuid, tx))!;
                await events.RecordAsync(c, tx, ctx, locked, ObjectinformatieobjectMapping.Resource,
                    urls.Of(ObjectinformatieobjectMapping.Collection, uuid), AuditActie.Create, null, row.Render(urls), notify: false);
                return row;
            }, ct);
            var json = created.Render(urls);
            return Results.Created(json["url"]!.GetValue<string>(), json);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw ObjectinformatieobjectRules.NietUniek();
        }
    }

    /// <summary>DELETE: only when the source no longer holds the relation (Open Zaak <c>remote-relation-exists</c>).</summary>
    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events, ObjectinformatieobjectBron bron)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var ct = ctx.RequestAborted;
        ObjectinformatieobjectRow existing;
        await using (var c = await db.OpenAsync(ct))
        {
            existing = await ObjectinformatieobjectRepository.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
            var document = await DocumentRef.FindByIdAsync(c, existing.DocumentId) ?? throw ZgwException.NotFound();
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Verwijderen]);
        }
        await ObjectinformatieobjectRules.Drc003_RelatieVerdwenenUitBronAsync(bron, existing, urls.Document(existing.DocumentUuid), ct);

        await db.InTransactionAsync(async (c, tx) =>
        {
            var document = await DocumentRef.LockAsync(c, tx, existing.DocumentUuid) ?? throw ZgwException.NotFound();
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Verwijderen]);
            var current = await ObjectinformatieobjectRepository.FindAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            await ObjectinformatieobjectRepository.DeleteAsync(c, tx, current.Id);
            await events.RecordAsync(c, tx, ctx, document, ObjectinformatieobjectMapping.Resource, urls.Of(ObjectinformatieobjectMapping.Collection, uuid),
                AuditActie.Destroy, current.Render(urls), null, notify: false);
            return true;
        }, ct);
        return Results.NoContent();
    }
}
