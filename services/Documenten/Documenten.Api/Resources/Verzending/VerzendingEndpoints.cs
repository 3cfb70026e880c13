using Documenten.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Documenten.Api.Resources.Verzending;

/// <summary>
/// <c>/verzendingen</c> (Documenten API 1.5.0): paginated list, create, read (+HEAD), update, partial update, delete. The
/// OAS gives these operations no security; as Open Zaak they take the documenten scopes (lezen, aanmaken, bijwerken,
/// verwijderen; docs/deviations.md) and are authorised through the document. Every write commits with its audit record
/// (under the document) and its notification (kanaal <c>documenten</c>, hoofdObject the document).
/// </summary>
public static class VerzendingEndpoints
{
    private const string Drc = DocumentenService.Drc;
    private const string Path = "/" + VerzendingMapping.Collection;

    public static IServiceCollection AddVerzendingResource(this IServiceCollection services) => services;

    public static WebApplication MapVerzendingEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(DocumentenService.Component.ApiPath);
        api.MapGet(Path, List).RequireScopes(Drc, DocumentenScopes.Lezen);
        api.MapPost(Path, Create).RequireScopes(Drc, DocumentenScopes.Aanmaken);
        api.MapGetWithHead(Path + "/{uuid:guid}", Read).RequireScopes(Drc, DocumentenScopes.Lezen);
        api.MapPut(Path + "/{uuid:guid}", Update).RequireScopes(Drc, DocumentenScopes.Bijwerken);
        api.MapPatch(Path + "/{uuid:guid}", PartialUpdate).RequireScopes(Drc, DocumentenScopes.Bijwerken);
        api.MapDelete(Path + "/{uuid:guid}", Delete).RequireScopes(Drc, DocumentenScopes.Verwijderen);
        return app;
    }

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls, DocumentExpander expander)
    {
        var query = ctx.Request.Query;
        var where = VerzendingRepository.ListFilters.Parse(query);
        InformatieobjectVerwijzing.AddFilter(where, query, urls);
        var expand = InformatieobjectVerwijzing.ParseExpand(query);
        var page = PageRequest.From(query);
        DocumentGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var (count, rows) = await VerzendingRepository.ListAsync(c, where, page, ctx.RequestAborted);
        var items = rows.Select(r => (r.Render(urls), r.DocumentId)).ToList();
        await InformatieobjectVerwijzing.ExpandAsync(c, items, expand, urls, expander, ctx.RequestAborted);
        return Results.Ok(Paging.Create(ctx, page, count, items.Select(i => i.Item1).ToList()));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentExpander expander)
    {
        new FilterSet().Allow("expand").Parse(ctx.Request.Query);
        var expand = InformatieobjectVerwijzing.ParseExpand(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var row = await VerzendingRepository.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
        var document = await DocumentRef.FindByIdAsync(c, row.DocumentId) ?? throw ZgwException.NotFound();
        DocumentGuard.EnsureCanRead(ctx, document);
        var json = row.Render(urls);
        await InformatieobjectVerwijzing.ExpandAsync(c, [(json, row.DocumentId)], expand, urls, expander, ctx.RequestAborted);
        return HttpCaching.JsonWithETag(json);
    }

    /// <summary>POST: D11 (exactly one address, contactPersoon) in the body; the document must exist (400 <c>does_not_exist</c>).</summary>
    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<VerzendingRequest>(ctx);
        var uuid = Guid.CreateVersion7();
        var created = await db.InTransactionAsync(async (c, tx) =>
        {
            var document = await DocumentRef.LockReferencedAsync(c, tx, urls, "informatieobject", body.Informatieobject!);
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Aanmaken]);
            await VerzendingRepository.InsertAsync(c, tx, uuid, document.Id, body);
            var row = (await VerzendingRepository.FindAsync(c, uuid, tx))!;
            await events.RecordAsync(c, tx, ctx, document, VerzendingMapping.Resource, urls.Of(VerzendingMapping.Collection, uuid),
                AuditActie.Create, null, row.Render(urls));
            return row;
        }, ctx.RequestAborted);
        var json = created.Render(urls);
        return Results.Created(json["url"]!.GetValue<string>(), json);
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events) =>
        WriteAsync(ctx, uuid, db, urls, events, AuditActie.Update, _ => ZgwBody.ReadAsync<VerzendingRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events) =>
        WriteAsync(ctx, uuid, db, urls, events, AuditActie.PartialUpdate, current => ZgwBody.ReadPatchAsync(ctx, current.ToRequest(urls)));

    /// <summary>
    /// PUT/PATCH. The OAS lets <c>informatieobject</c> change: the verzending then moves to another document, and the caller
    /// needs <c>documenten.bijwerken</c> on both. The audit record is written under both documents; the notification names
    /// the document the verzending belongs to afterwards.
    /// </summary>
    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events,
        string actie, Func<VerzendingRow, Task<VerzendingRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        VerzendingRow existing;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
        {
            existing = await VerzendingRepository.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
            var document = await DocumentRef.FindByIdAsync(c, existing.DocumentId) ?? throw ZgwException.NotFound();
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Bijwerken]);
        }
        var body = await readBody(existing);
        var nieuwUuid = urls.RequireDocumentUuid("informatieobject", body.Informatieobject!);

        var saved = await db.InTransactionAsync(async (c, tx) =>
        {
            var locked = await InformatieobjectVerwijzing.LockAllAsync(c, tx, existing.DocumentUuid, nieuwUuid);
            var oud = locked.FirstOrDefault(d => d.Uuid == existing.DocumentUuid) ?? throw ZgwException.NotFound();
            var nieuw = locked.FirstOrDefault(d => d.Uuid == nieuwUuid)
                        ?? throw ZgwException.Validation("informatieobject", DocumentenCodes.DoesNotExist, "Ongeldige hyperlink - Object bestaat niet.");
            var current = await VerzendingRepository.FindAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            if (current.DocumentId != oud.Id)
                throw ZgwException.NotFound();
            DocumentGuard.EnsureCanWrite(ctx, oud, [DocumentenScopes.Bijwerken]);
            DocumentGuard.EnsureCanWrite(ctx, nieuw, [DocumentenScopes.Bijwerken]);
            await VerzendingRepository.UpdateAsync(c, tx, current.Id, nieuw.Id, body);
            var updated = (await VerzendingRepository.FindAsync(c, uuid, tx))!;
            var url = urls.Of(VerzendingMapping.Collection, uuid);
            if (oud.Id != nieuw.Id)
                await events.RecordAsync(c, tx, ctx, oud, VerzendingMapping.Resource, url, actie, current.Render(urls), updated.Render(urls), notify: false);
            await events.RecordAsync(c, tx, ctx, nieuw, VerzendingMapping.Resource, url, actie, current.Render(urls), updated.Render(urls));
            return updated;
        }, ctx.RequestAborted);
        return Results.Ok(saved.Render(urls));
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await db.InTransactionAsync(async (c, tx) =>
        {
            var found = await VerzendingRepository.FindAsync(c, uuid, tx) ?? throw ZgwException.NotFound();
            var document = await DocumentRef.LockAsync(c, tx, found.DocumentUuid) ?? throw ZgwException.NotFound();
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Verwijderen]);
            var current = await VerzendingRepository.FindAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            await VerzendingRepository.DeleteAsync(c, tx, current.Id);
            await events.RecordAsync(c, tx, ctx, document, VerzendingMapping.Resource, urls.Of(VerzendingMapping.Collection, uuid),
                AuditActie.Destroy, current.Render(urls), null);
            return true;
        }, ctx.RequestAborted);
        return Results.NoContent();
    }
}
