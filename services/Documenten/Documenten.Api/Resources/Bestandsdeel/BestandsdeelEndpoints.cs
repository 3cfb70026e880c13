using Documenten.Api.Resources.Common;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Query;

namespace Documenten.Api.Resources.Bestandsdeel;

/// <summary>
/// <c>PUT /bestandsdelen/{uuid}</c> (D10): one part of a large upload, as <c>multipart/form-data</c> or
/// <c>application/x-www-form-urlencoded</c> {inhoud, lock}, streamed into the content store → 200 <c>BestandsDeel</c>.
/// The body limit of this route is the part size plus form overhead, not the JSON cap.
/// </summary>
public static class BestandsdeelEndpoints
{
    public static IServiceCollection AddBestandsdeelResource(this IServiceCollection services) => services.AddSingleton<BestandsdeelWriter>();

    public static WebApplication MapBestandsdeelEndpoints(this WebApplication app)
    {
        var api = app.MapZgwApi(DocumentenService.Component.ApiPath);
        api.MapPut("/bestandsdelen/{uuid:guid}", Upload).RequireScopes(DocumentenService.Drc, DocumentenScopes.Bijwerken);
        return app;
    }

    private static async Task<IResult> Upload(HttpContext ctx, Guid uuid, BestandsdeelWriter writer, DocumentenUrls urls)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var (deel, lockId) = await writer.UploadAsync(ctx, uuid);
        return Results.Ok(deel.Render(urls, lockId));
    }
}
