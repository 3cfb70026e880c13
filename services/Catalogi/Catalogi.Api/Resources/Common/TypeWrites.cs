using Microsoft.AspNetCore.Http;
using Npgsql;
using Zgw.Api.Auth;
using Zgw.Api.Problems;
using Zgw.Api.Query;
using Zgw.Data;
using Zgw.Messaging;

namespace Catalogi.Api.Resources.Common;

/// <summary>What the write operations of every resource share: the transaction, unique keys, scopes, answers, notifications.</summary>
public static class TypeWrites
{
    /// <summary>Unique keys that a concurrent write can still break after the checks: the same 400 as the check.</summary>
    private static readonly Dictionary<string, InvalidParam> UniqueConstraints = new(StringComparer.Ordinal)
    {
        ["catalogus_domein_rsin"] = new(InvalidParam.NonFieldErrors, "unique", "De velden domein, rsin moeten een unieke set zijn."),
        ["statustype_zaaktype_volgnummer"] = new(InvalidParam.NonFieldErrors, "unique", "De velden zaaktype, volgnummer moeten een unieke set zijn."),
        ["eigenschap_zaaktype_naam"] = new(InvalidParam.NonFieldErrors, "unique", "De velden zaaktype, naam moeten een unieke set zijn."),
        ["resultaattype_zaaktype_omschrijving"] = new(InvalidParam.NonFieldErrors, "unique", "De velden zaaktype, omschrijving moeten een unieke set zijn."),
        ["ziot_zaaktype_volgnummer"] = new(InvalidParam.NonFieldErrors, "unique", "De velden zaaktype, volgnummer moeten een unieke set zijn."),
    };

    /// <summary>True when the caller holds <paramref name="scope"/> of the Catalogi API (e.g. a geforceerd scope).</summary>
    public static bool Heeft(HttpContext context, string scope) => context.GetZgwCaller().HasAnyScope([scope], ZgwScopes.Ztc);

    /// <summary>Runs a write in one transaction; a unique key broken by a concurrent write is a 400 <c>unique</c>.</summary>
    public static async Task<T> SaveAsync<T>(ZgwDatabase database, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work)
    {
        try
        {
            return await database.InTransactionAsync(work);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation &&
                                          UniqueConstraints.TryGetValue(e.ConstraintName ?? "", out var invalid))
        {
            throw ZgwException.Validation([invalid]);
        }
    }

    /// <summary>201 with <c>Location</c> and the object as a GET shows it.</summary>
    public static async Task<IResult> CreatedAsync(CatalogiReader reader, CatalogiUrls urls, CatalogiKind kind, Guid uuid)
    {
        var json = await reader.FindAsync(kind, uuid, TypeReads.Today, ExpandTree.Empty) ?? throw ZgwException.NotFound();
        return Results.Created(urls.Of(kind, uuid), json);
    }

    /// <summary>200 with the object as a GET shows it.</summary>
    public static async Task<IResult> OkAsync(CatalogiReader reader, CatalogiKind kind, Guid uuid) =>
        Results.Ok(await reader.FindAsync(kind, uuid, TypeReads.Today, ExpandTree.Empty) ?? throw ZgwException.NotFound());

    /// <summary>The notification of a write of a main type, in the write's transaction (kenmerk <c>catalogus</c>).</summary>
    public static Task NotifyAsync(NpgsqlConnection c, NpgsqlTransaction tx, CatalogiKanaal kanaal, string url, string catalogusUrl, string actie) =>
        NotificatieOutbox.EnqueueAsync(c, tx, new NotificatieMessage(kanaal.Naam, url, kanaal.Resource, url, actie, DateTimeOffset.UtcNow,
            new Dictionary<string, string> { ["catalogus"] = catalogusUrl }));
}
