using System.Diagnostics;
using Microsoft.Extensions.Options;
using Zgw.Api;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Messaging;

namespace Notificaties.Api.Resources.Notificatie;

/// <summary>The body of <c>POST /notificaties</c> (OAS <c>Message</c>).</summary>
public sealed record NotificatieRequest(
    string? Kanaal,
    string? HoofdObject,
    string? Resource,
    string? ResourceUrl,
    string? Actie,
    DateTimeOffset? Aanmaakdatum,
    Dictionary<string, string>? Kenmerken) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Required("kanaal", Kanaal);
        v.MaxLength("kanaal", Kanaal, 50);
        if (v.Required("hoofdObject", HoofdObject))
            v.Url("hoofdObject", HoofdObject);
        v.Required("resource", Resource);
        v.MaxLength("resource", Resource, 100);
        if (v.Required("resourceUrl", ResourceUrl))
            v.Url("resourceUrl", ResourceUrl);
        v.Required("actie", Actie);
        v.MaxLength("actie", Actie, 100);
        v.Required("aanmaakdatum", Aanmaakdatum);
    }

    public NotificatieMessage ToMessage() =>
        new(Kanaal!, HoofdObject!, Resource!, ResourceUrl!, Actie!, Aanmaakdatum!.Value, Kenmerken ?? []);
}

/// <summary>
/// <c>POST /notificaties</c>: the standard way in for any publisher (a vendor's component, or our own services in
/// HTTP mode). The message is stored with its deliveries before the 200 (as the spec declares) is sent. A
/// <c>Zgw-Message-Id</c> header makes a retried POST harmless.
/// </summary>
public static class NotificatieEndpoints
{
    public static WebApplication MapNotificatieEndpoints(this WebApplication app)
    {
        app.MapZgwApi(NotificatiesService.Component.ApiPath)
            .MapPost("/notificaties", Publish)
            .RequireScopes(ZgwScopes.Nrc, NotificatiesScopes.Publiceren);
        return app;
    }

    private static async Task<IResult> Publish(HttpContext ctx, NotificatieStore store)
    {
        FilterSet.None.Parse(ctx.Request.Query);
        var body = await ZgwBody.ReadAsync<NotificatieRequest>(ctx);
        var message = body.ToMessage();
        var messageId = Guid.TryParse(ctx.Request.Headers[ZgwHeaders.MessageId], out var given) ? given : Guid.CreateVersion7();
        await store.ReceiveAsync(message, messageId, Activity.Current?.Id, ctx.RequestAborted);
        return Results.Ok(message);
    }
}
