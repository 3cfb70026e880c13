using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Zgw.Api.Auth;
using Zgw.ServiceDefaults;

namespace Zgw.Service.Mirrors;

/// <summary>
/// Who asked for a write whose mirror is still being finished (column <c>mirror_actor</c>): the reconciler writes the
/// audit record of a create or delete it completes after a crash in their name.
/// </summary>
public sealed record MirrorActor(string ClientId, string Label, string? UserId, string? UserRepresentation, string Toelichting)
{
    public static MirrorActor Of(HttpContext ctx)
    {
        var caller = ctx.FindZgwCaller();
        return new MirrorActor(caller?.ClientId ?? "", caller?.Applicatie.Label ?? "", caller?.UserId, caller?.UserRepresentation,
            ZgwAudit.Toelichting(ctx));
    }

    public string ToJson() => JsonSerializer.Serialize(this, ZgwJson.Options);

    public static MirrorActor? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<MirrorActor>(json, ZgwJson.Options);

    /// <summary>A request context that carries this actor as caller, for the audit record of a write finished outside a request.</summary>
    public HttpContext ToContext(TimeProvider time)
    {
        var ctx = new DefaultHttpContext();
        if (ClientId.Length > 0)
            ctx.Features.Set(new ZgwCaller(new ZgwTokenClaims(ClientId, UserId, UserRepresentation, time.GetUtcNow()),
                new Applicatie(null, [ClientId], Label, false, [])));
        if (Toelichting.Length > 0)
            ctx.Request.Headers[ZgwAudit.ToelichtingHeader] = Toelichting;
        return ctx;
    }

    /// <summary>The context of the actor stored as <paramref name="json"/>; an anonymous one when none was stored.</summary>
    public static HttpContext ContextOf(string? json, TimeProvider time) =>
        (Parse(json) ?? new MirrorActor("", "", null, null, "")).ToContext(time);
}

/// <summary>The answer of a mirror call to a sibling: done (with the URL of the mirror when there is one) or the sibling's reason.</summary>
public sealed record MirrorOutcome(bool Ok, string? Url, string Reason)
{
    public static MirrorOutcome Success(string? url) => new(true, url, "");
    public static MirrorOutcome Failure(string reason) => new(false, null, reason);
}
