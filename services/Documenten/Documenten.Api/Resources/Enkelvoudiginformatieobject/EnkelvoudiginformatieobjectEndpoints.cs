using System.Globalization;
using System.Text.Json.Nodes;
using Documenten.Api.Resources.Common;
using Documenten.Api.Storage;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// <c>/enkelvoudiginformatieobjecten</c> (Documenten API 1.5.0): list (latest versions), <c>_zoek</c>, create, read (+HEAD,
/// any version), download (any version), update, partial update (each a new version), destroy. List, read and <c>_zoek</c>
/// take <c>expand</c>. Every write commits with its audit record and its notification on kanaal <c>documenten</c>.
/// </summary>
public static class EnkelvoudiginformatieobjectEndpoints
{
    private const string Path = "/" + DocumentenUrls.Documenten;

    public static IServiceCollection AddEnkelvoudiginformatieobjectResource(this IServiceCollection services)
    {
        services.AddSingleton<EnkelvoudiginformatieobjectRepository>();
        services.AddSingleton<EnkelvoudiginformatieobjectWriter>();
        return services;
    }

    public static WebApplication MapEnkelvoudiginformatieobjectEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(DocumentenService.Component.ApiPath);
        api.MapGet(Path, List).RequireScopes(DocumentenService.Drc, DocumentenScopes.Lezen);
        api.MapPost(Path, Create).RequireScopes(DocumentenService.Drc, DocumentenScopes.Aanmaken);
        api.MapGetWithHead(Path + "/{uuid:guid}", Read).RequireScopes(DocumentenService.Drc, DocumentenScopes.Lezen);
        api.MapGet(Path + "/{uuid:guid}/download", Download).RequireScopes(DocumentenService.Drc, DocumentenScopes.Lezen)
            .WithMetadata(new ZgwProducesMetadata("application/octet-stream"));
        api.MapPost(Path + "/_zoek", Zoek).RequireScopes(DocumentenService.Drc, DocumentenScopes.Lezen);
        api.MapPut(Path + "/{uuid:guid}", Update).RequireScopes(DocumentenService.Drc, DocumentenScopes.Wijzigers);
        api.MapPatch(Path + "/{uuid:guid}", PartialUpdate).RequireScopes(DocumentenService.Drc, DocumentenScopes.Wijzigers);
        api.MapDelete(Path + "/{uuid:guid}", Delete).RequireScopes(DocumentenService.Drc, DocumentenScopes.Verwijderen);
        return app;
    }

    /// <summary>The list filters (OAS <c>enkelvoudiginformatieobject_list</c>); <c>trefwoorden</c> matches any of the comma-separated words.</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("identificatie", FilterKind.Text, "d.identificatie")
        .Add("bronorganisatie", FilterKind.Text, "d.bronorganisatie")
        .Add("trefwoorden", FilterKind.CommaListOverlap, "d.trefwoorden")
        .Allow([.. PageRequest.Parameters, "expand"]);

    /// <summary>The body fields of <c>_zoek</c> (OAS <c>EIOZoekRequest</c>): <c>uuid__in</c> (required), identificatie, bronorganisatie, expand.</summary>
    public static readonly FilterSet ZoekFilters = new FilterSet()
        .Add("uuid", FilterKind.Uuid, "d.uuid", FilterOps.In)
        .Add("identificatie", FilterKind.Text, "d.identificatie")
        .Add("bronorganisatie", FilterKind.Text, "d.bronorganisatie")
        .Allow("expand");

    private static Task<IResult> List(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls, DocumentExpander expander)
    {
        var query = ctx.Request.Query;
        var where = ListFilters.Parse(query);
        return PageAsync(ctx, db, urls, expander, where, query["expand"].LastOrDefault(), PageRequest.From(query));
    }

    /// <summary>
    /// POST /_zoek (D12): the filters in the body, for searches by many uuids. An empty body is a 400 <c>empty_search_body</c>
    /// (Open Zaak); <c>uuid__in</c> is required (OAS). Same page structure, autorisatie and expand as the list.
    /// </summary>
    private static async Task<IResult> Zoek(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls, DocumentExpander expander)
    {
        new FilterSet().Allow(PageRequest.Parameters).Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<JsonObject>(ctx);
        var query = EnkelvoudiginformatieobjectZoek.ToQuery(body);
        var where = ZoekFilters.Parse(query);
        return await PageAsync(ctx, db, urls, expander, where, query["expand"].LastOrDefault(), PageRequest.From(ctx.Request.Query));
    }

    private static async Task<IResult> PageAsync(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls, DocumentExpander expander, SqlWhere where,
        string? expand, PageRequest page)
    {
        var tree = DocumentExpander.Parse(expand);
        DocumentGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        List<JsonObject> results;
        int count;
        await using (var c = await db.OpenAsync(ctx.RequestAborted))
        {
            var (n, rows) = await EnkelvoudiginformatieobjectRepository.ListAsync(c, where, page, ctx.RequestAborted);
            count = n;
            results = rows.Select(r => r.Render(urls)).ToList();
        }
        await expander.ExpandAsync(results, tree, ctx.RequestAborted);
        return Results.Ok(Paging.Create(ctx, page, count, results));
    }

    private static async Task<IResult> Create(HttpContext ctx, EnkelvoudiginformatieobjectWriter writer, DocumentenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<EnkelvoudiginformatieobjectRequest>(ctx);
        var created = await writer.CreateAsync(ctx, body);
        return Results.Created(urls.Document(created.Uuid), created.RenderWithLock(urls));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectRepository repository, DocumentenUrls urls,
        DocumentExpander expander)
    {
        var tree = DocumentExpander.Parse(ctx.Request.Query["expand"].LastOrDefault());
        var row = await FindVersionAsync(ctx, uuid, repository, expand: true);
        var json = row.Render(urls);
        await expander.ExpandAsync([json], tree, ctx.RequestAborted);
        return HttpCaching.JsonWithETag(json);
    }

    /// <summary>PUT: the whole document (OAS <c>EnkelvoudigInformatieObjectWithLockRequest</c>); a new version (D6).</summary>
    private static async Task<IResult> Update(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectWriter writer,
        EnkelvoudiginformatieobjectRepository repository, DocumentenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var current = await CurrentForWriteAsync(ctx, uuid, repository);
        // Read like a PATCH onto an empty request: the same validation as ReadAsync, plus which fields the body contained.
        var (body, sent) = await ZgwBody.ReadPatchWithFieldsAsync(ctx, new EnkelvoudiginformatieobjectRequest());
        var updated = await writer.UpdateAsync(ctx, current, body, sent, AuditActie.Update);
        return Results.Ok(updated.RenderForLockHolder(urls));
    }

    /// <summary>PATCH: the sent fields onto the latest version (<see cref="DocumentRow.ToRequest"/>); a new version (D6).</summary>
    private static async Task<IResult> PartialUpdate(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectWriter writer,
        EnkelvoudiginformatieobjectRepository repository, DocumentenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var current = await CurrentForWriteAsync(ctx, uuid, repository);
        var (body, sent) = await ZgwBody.ReadPatchWithFieldsAsync(ctx, current.ToRequest());
        var updated = await writer.UpdateAsync(ctx, current, body, sent, AuditActie.PartialUpdate);
        return Results.Ok(updated.RenderForLockHolder(urls));
    }

    private static async Task<IResult> Delete(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectWriter writer)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        await writer.DeleteAsync(ctx, uuid);
        return Results.NoContent();
    }

    /// <summary>The latest version of the document to change (404), which the caller must be allowed to change (403) before its body is read.</summary>
    private static async Task<DocumentRow> CurrentForWriteAsync(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectRepository repository)
    {
        var current = await repository.GetAsync(uuid) ?? throw ZgwException.NotFound();
        DocumentGuard.EnsureCanWrite(ctx, current.ToRef(), DocumentenScopes.Wijzigers);
        return current;
    }

    /// <summary>The content of the version asked for, streamed from the store (D7), with HTTP Range support; 404 when that version has no content.</summary>
    private static async Task<IResult> Download(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectRepository repository, IInhoudStore store)
    {
        var row = await FindVersionAsync(ctx, uuid, repository);
        var stream = row.Inhoud is null ? null : await store.OpenReadAsync(row.Inhoud, ctx.RequestAborted);
        if (stream is null)
            throw ZgwException.NotFound("Dit informatieobject heeft (in deze versie) geen inhoud.");
        var naam = row.Data.Bestandsnaam;
        return Results.Stream(stream, "application/octet-stream", naam.Length > 0 ? naam : null, enableRangeProcessing: true);
    }

    /// <summary>Parses <c>versie</c> / <c>registratieOp</c> (D6), finds that version (404) and checks the caller may read it (403).</summary>
    private static async Task<DocumentRow> FindVersionAsync(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectRepository repository,
        bool expand = false)
    {
        var selectie = ParseVersieSelectie(ctx.Request.Query, expand);
        var row = await repository.GetAsync(uuid, selectie) ?? throw ZgwException.NotFound();
        var g = row.Data;
        DocumentGuard.EnsureCanRead(ctx, g.Informatieobjecttype, g.Vertrouwelijkheidaanduiding);
        return row;
    }

    /// <summary>
    /// The query of a detail read or download: only <c>versie</c> (integer) and <c>registratieOp</c> (ISO-8601 date-time), and
    /// with <paramref name="expand"/> (the detail read) <c>expand</c>.
    /// </summary>
    public static VersieSelectie ParseVersieSelectie(IQueryCollection query, bool expand = false)
    {
        new FilterSet().Allow(expand ? ["versie", "registratieOp", "expand"] : ["versie", "registratieOp"]).Parse(query);
        var v = new Validator();
        int? versie = null;
        DateTimeOffset? registratieOp = null;
        if (query.TryGetValue("versie", out var versieValues))
        {
            if (int.TryParse(versieValues[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                versie = n;
            else
                v.Add("versie", ZgwCodes.Invalid, "Voer een geheel getal in.");
        }
        if (query.TryGetValue("registratieOp", out var opValues))
        {
            if (DateTimeOffset.TryParse(opValues[^1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var op))
                registratieOp = op.ToUniversalTime();
            else
                v.Add("registratieOp", ZgwCodes.Invalid, "Voer een geldige datum/tijd in (ISO-8601).");
        }
        v.ThrowIfInvalid();
        return new VersieSelectie(versie, registratieOp);
    }
}
