using System.Globalization;
using Documenten.Api.Resources.Common;
using Documenten.Api.Storage;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// <c>/enkelvoudiginformatieobjecten</c> (Documenten API 1.5.0): list (latest versions), create, read (+HEAD, any version),
/// download (any version). Every write commits with its audit record and its notification on kanaal <c>documenten</c>.
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
        return app;
    }

    /// <summary>The list filters (OAS <c>enkelvoudiginformatieobject_list</c>); <c>trefwoorden</c> matches any of the comma-separated words.</summary>
    public static readonly FilterSet ListFilters = new FilterSet()
        .Add("identificatie", FilterKind.Text, "d.identificatie")
        .Add("bronorganisatie", FilterKind.Text, "d.bronorganisatie")
        .Add("trefwoorden", FilterKind.CommaListOverlap, "d.trefwoorden")
        .Allow(PageRequest.Parameters);

    private static async Task<IResult> List(HttpContext ctx, ZgwDatabase db, DocumentenUrls urls)
    {
        var where = ListFilters.Parse(ctx.Request.Query);
        var page = PageRequest.From(ctx.Request.Query);
        DocumentGuard.AddAutorisatieFilter(where, ctx.GetZgwCaller());
        await using var c = await db.OpenAsync(ctx.RequestAborted);
        var (count, rows) = await EnkelvoudiginformatieobjectRepository.ListAsync(c, where, page, ctx.RequestAborted);
        return Results.Ok(Paging.Create(ctx, page, count, rows.Select(r => r.Render(urls)).ToList()));
    }

    private static async Task<IResult> Create(HttpContext ctx, EnkelvoudiginformatieobjectWriter writer, DocumentenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<EnkelvoudiginformatieobjectRequest>(ctx);
        var created = await writer.CreateAsync(ctx, body);
        return Results.Created(urls.Document(created.Uuid), created.RenderWithLock(urls));
    }

    private static async Task<IResult> Read(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectRepository repository, DocumentenUrls urls)
    {
        var row = await FindVersionAsync(ctx, uuid, repository);
        return HttpCaching.JsonWithETag(row.Render(urls));
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
    private static async Task<DocumentRow> FindVersionAsync(HttpContext ctx, Guid uuid, EnkelvoudiginformatieobjectRepository repository)
    {
        var selectie = ParseVersieSelectie(ctx.Request.Query);
        var row = await repository.GetAsync(uuid, selectie) ?? throw ZgwException.NotFound();
        var g = row.Data;
        DocumentGuard.EnsureCanRead(ctx, g.Informatieobjecttype, g.Vertrouwelijkheidaanduiding);
        return row;
    }

    /// <summary>The query of a detail read or download: only <c>versie</c> (integer) and <c>registratieOp</c> (ISO-8601 date-time).</summary>
    public static VersieSelectie ParseVersieSelectie(IQueryCollection query)
    {
        new FilterSet().Allow("versie", "registratieOp").Parse(query);
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
