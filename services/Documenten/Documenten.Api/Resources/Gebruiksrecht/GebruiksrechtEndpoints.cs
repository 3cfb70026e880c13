using System.Text.Json.Nodes;
using Documenten.Api.Resources.Common;
using Npgsql;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Documenten.Api.Resources.Gebruiksrecht;

/// <summary>
/// <c>/gebruiksrechten</c> (Documenten API 1.5.0): unpaginated list, create, read (+HEAD), update, partial update, delete.
/// Authorised through the document (informatieobjecttype + vertrouwelijkheid); every write locks the document row, keeps its
/// <c>indicatieGebruiksrecht</c> (drc-006) and commits with its audit record (under the document) and its notification
/// (kanaal <c>documenten</c>, hoofdObject the document).
/// </summary>
public static class GebruiksrechtEndpoints
{
    private const string Drc = DocumentenService.Drc;
    private const string Path = "/" + GebruiksrechtMapping.Collection;

    public static IServiceCollection AddGebruiksrechtResource(this IServiceCollection services) => services;

    public static WebApplication MapGebruiksrechtEndpoints(this WebApplication app)
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
        var where = GebruiksrechtRepository.ListFilters.Parse(query);
        InformatieobjectVerwijzing.AddFilter(where, query, urls);
        var expand = InformatieobjectVerwijzing.ParseExpand(query);
        DocumentGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var rows = await GebruiksrechtRepository.ListAsync(c, where, ctx.RequestAborted);
        var items = rows.Select(r => (r.Render(urls), r.DocumentId)).ToList();
        await InformatieobjectVerwijzing.ExpandAsync(c, items, expand, urls, expander, ctx.RequestAborted);
        return Results.Ok(items.Select(i => i.Item1).ToList());
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentExpander expander)
    {
        new FilterSet().Allow("expand").Parse(ctx.Request.Query);
        var expand = InformatieobjectVerwijzing.ParseExpand(ctx.Request.Query);
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var row = await GebruiksrechtRepository.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
        var document = await DocumentRef.FindByIdAsync(c, row.DocumentId) ?? throw ZgwException.NotFound();
        DocumentGuard.EnsureCanRead(ctx, document);
        var json = row.Render(urls);
        await InformatieobjectVerwijzing.ExpandAsync(c, [(json, row.DocumentId)], expand, urls, expander, ctx.RequestAborted);
        return HttpCaching.JsonWithETag(json);
    }

    /// <summary>POST: the document must exist (400 <c>does_not_exist</c>); drc-006 sets its indicatie to true.</summary>
    private static async Task<IResult> Create(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<GebruiksrechtRequest>(ctx);
        var uuid = Guid.CreateVersion7();
        var created = await db.InTransactionAsync(async (c, tx) =>
        {
            var document = await DocumentRef.LockReferencedAsync(c, tx, urls, "informatieobject", body.Informatieobject!);
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Aanmaken]);
            await GebruiksrechtRepository.InsertAsync(c, tx, uuid, document.Id, body);
            await GebruiksrechtRules.Drc006_GebruiksrechtZetIndicatieAsync(c, tx, document);
            var row = (await GebruiksrechtRepository.FindAsync(c, uuid, tx))!;
            await events.RecordAsync(c, tx, ctx, document, GebruiksrechtMapping.Resource, urls.Of(GebruiksrechtMapping.Collection, uuid),
                AuditActie.Create, null, row.Render(urls));
            return row;
        }, ctx.RequestAborted);
        var json = created.Render(urls);
        return Results.Created(json["url"]!.GetValue<string>(), json);
    }

    private static Task<IResult> Update(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events) =>
        WriteAsync(ctx, uuid, db, urls, events, AuditActie.Update, _ => ZgwBody.ReadAsync<GebruiksrechtRequest>(ctx));

    private static Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events) =>
        WriteAsync(ctx, uuid, db, urls, events, AuditActie.PartialUpdate, current => ZgwBody.ReadPatchAsync(ctx, current.ToRequest(urls)));

    private static async Task<IResult> WriteAsync(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events,
        string actie, Func<GebruiksrechtRow, Task<GebruiksrechtRequest>> readBody)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        GebruiksrechtRow existing;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
        {
            existing = await GebruiksrechtRepository.FindAsync(c, uuid) ?? throw ZgwException.NotFound();
            var document = await DocumentRef.FindByIdAsync(c, existing.DocumentId) ?? throw ZgwException.NotFound();
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Bijwerken]);
        }
        var body = await readBody(existing);
        GebruiksrechtRules.InformatieobjectOnveranderlijk(existing, body, urls);

        var saved = await db.InTransactionAsync(async (c, tx) =>
        {
            var document = await DocumentRef.LockAsync(c, tx, existing.DocumentUuid) ?? throw ZgwException.NotFound();
            var current = await GebruiksrechtRepository.FindAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Bijwerken]);
            await GebruiksrechtRepository.UpdateAsync(c, tx, current.Id, body);
            var updated = (await GebruiksrechtRepository.FindAsync(c, uuid, tx))!;
            await events.RecordAsync(c, tx, ctx, document, GebruiksrechtMapping.Resource, urls.Of(GebruiksrechtMapping.Collection, uuid), actie,
                current.Render(urls), updated.Render(urls));
            return updated;
        }, ctx.RequestAborted);
        return Results.Ok(saved.Render(urls));
    }

    /// <summary>DELETE: drc-006 resets the document's indicatie to null when this was its last gebruiksrecht.</summary>
    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, ZgwDatabase db, DocumentenUrls urls, DocumentEvents events)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await db.InTransactionAsync(async (c, tx) =>
        {
            var found = await GebruiksrechtRepository.FindAsync(c, uuid, tx) ?? throw ZgwException.NotFound();
            var document = await DocumentRef.LockAsync(c, tx, found.DocumentUuid) ?? throw ZgwException.NotFound();
            DocumentGuard.EnsureCanWrite(ctx, document, [DocumentenScopes.Verwijderen]);
            var current = await GebruiksrechtRepository.FindAsync(c, uuid, tx, forUpdate: true) ?? throw ZgwException.NotFound();
            await GebruiksrechtRepository.DeleteAsync(c, tx, current.Id);
            await GebruiksrechtRules.Drc006_LaatsteGebruiksrechtWistIndicatieAsync(c, tx, document);
            await events.RecordAsync(c, tx, ctx, document, GebruiksrechtMapping.Resource, urls.Of(GebruiksrechtMapping.Collection, uuid),
                AuditActie.Destroy, current.Render(urls), null);
            return true;
        }, ctx.RequestAborted);
        return Results.NoContent();
    }
}
