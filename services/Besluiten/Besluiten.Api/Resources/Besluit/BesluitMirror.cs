using Besluiten.Api.Resources.Besluitinformatieobject;
using Besluiten.Api.Resources.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Data;
using Zgw.Data.AuditTrail;
using Zgw.Service.Mirrors;

namespace Besluiten.Api.Resources.Besluit;

/// <summary>
/// brc-006 and brc-009 with the protocol of ARCHITECTURE §11.4. A besluit with a zaak is committed as <c>pending</c>
/// first (the Zaken API reads the besluit while it validates the zaakbesluit), then <c>POST {zaak}/besluiten</c> is
/// called while the row is locked; on success the row becomes <c>done</c> with the audit record and notification in that
/// same transaction; on failure the row is deleted and the client gets 400 <c>pending-relations</c>. A destroy marks the
/// besluit <c>removing</c> (hidden everywhere, also from the Documenten API's source check), removes the
/// objectinformatieobjecten of its besluitinformatieobjecten and its zaakbesluit, then the besluit and its audit trail;
/// when a sibling fails the besluit is restored and the client gets 400 <c>pending-relations</c>. Besluiten a crash left
/// half-done are finished or undone by <see cref="ReconcileAsync"/>.
/// </summary>
public sealed class BesluitMirror(
    ZgwDatabase db,
    ZakenClient zaken,
    BesluitinformatieobjectMirror informatieobjecten,
    BesluitEvents events,
    BesluitenUrls urls,
    TimeProvider time,
    IOptions<BesluitenOptions> options,
    ILogger<BesluitMirror> logger)
{
    /// <summary>
    /// The mirror, and the reconciler that every <see cref="BesluitenOptions.ReconcileInterval"/> repairs the half-done
    /// besluitinformatieobjecten and then the half-done besluiten.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<ZakenClient>();
        services.AddSingleton<BesluitMirror>();
        MirrorReconciler.Add(services, sp => sp.GetRequiredService<IOptions<BesluitenOptions>>().Value.ReconcileInterval, async (sp, ct) =>
        {
            await sp.GetRequiredService<BesluitinformatieobjectMirror>().ReconcileAsync(ct);
            await sp.GetRequiredService<BesluitMirror>().ReconcileAsync(ct);
        });
    }

    /// <summary>Step 2 of a create with a zaak: the zaakbesluit, then <c>done</c> + audit + notification, or the besluit removed and a 400.</summary>
    public async Task<BesluitRow> FinishCreateAsync(long id, HttpContext ctx)
    {
        var (row, failure) = await db.InTransactionAsync(async (c, tx) =>
        {
            var current = await BesluitRepository.LockAsync(c, tx, id);
            if (current is null)
                return (null, "het besluit is tussentijds verwijderd.");
            if (current.Mirror == "done")
                return (current, null);
            var outcome = await zaken.CreateAsync(current.Zaak!, urls.Besluit(current.Uuid), CancellationToken.None);
            if (!outcome.Ok)
            {
                await BesluitRepository.DeleteAsync(c, tx, id);
                return ((BesluitRow?)null, outcome.Reason);
            }
            return (await CompleteCreateAsync(c, tx, current, outcome.Url, ctx), (string?)null);
        });
        return row ?? throw BesluitRules.PendingRelations("zaak", failure ?? "onbekende fout.");
    }

    /// <summary>
    /// Step 2 of a destroy (brc-009): the OIOs of its besluitinformatieobjecten, the zaakbesluit (Open Zaak), then the besluit
    /// with its besluitinformatieobjecten and audit trail + the notification. A sibling failing → the besluit is
    /// restored (the besluitinformatieobjecten already removed stay removed, with their audit record) and 400.
    /// </summary>
    public async Task FinishDeleteAsync(long id, HttpContext ctx)
    {
        var failure = await TryDeleteAsync(id, ctx, CancellationToken.None);
        if (failure is not null)
        {
            await using (var c = await db.OpenAsync())
                await BesluitRepository.MarkDoneAsync(c, null, id, null);
            throw BesluitRules.PendingRelations("nonFieldErrors", failure);
        }
    }

    /// <summary>The destroy steps; null when the besluit is gone, else the sibling's reason.</summary>
    private async Task<string?> TryDeleteAsync(long id, HttpContext ctx, CancellationToken ct)
    {
        if (await informatieobjecten.RemoveAllOfBesluitAsync(id, ctx, ct) is { } documentenFailure)
            return documentenFailure;
        BesluitRow? row;
        await using (var c = await db.OpenAsync(ct))
            row = await BesluitRepository.FindByIdAsync(c, id);
        if (row is null)
            return null;
        if (row.Zaak is not null)
        {
            var removed = await zaken.RemoveAsync(row.Zaakbesluit, row.Zaak, urls.Besluit(row.Uuid), ct);
            if (!removed.Ok)
                return removed.Reason;
        }
        await db.InTransactionAsync(async (c, tx) =>
        {
            var current = await BesluitRepository.LockAsync(c, tx, id);
            if (current is null)
                return 0;
            var besluit = current.ToRef();
            var url = urls.Besluit(current.Uuid);
            await BesluitRepository.DeleteAsync(c, tx, id);
            // G8/brc-009: the audit trail goes with the besluit; the destroy is still announced.
            await AuditTrailStore.DeleteAsync(c, tx, url);
            await events.NotifyAsync(c, tx, besluit, BesluitMapping.Resource, url, AuditActie.Destroy);
            return 0;
        }, ct);
        return null;
    }

    /// <summary>
    /// Finishes or undoes the besluiten a crash left half-done (older than <see cref="BesluitenOptions.MirrorGracePeriod"/>):
    /// <c>pending</c> with a zaakbesluit at the Zaken API → done + audit + notification; without → removed; <c>removing</c>
    /// → the destroy is finished. Each besluit under a <c>FOR UPDATE SKIP LOCKED</c> claim, so replicas share the work and
    /// never touch a besluit a request is still finishing.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.MirrorGracePeriod;
        IReadOnlyList<long> candidates;
        await using (var c = await db.OpenAsync(ct))
            candidates = await BesluitRepository.HalfDoneAsync(c, cutoff);
        return await MirrorReconciler.EachAsync(candidates, "besluit", logger, id => ReconcileOneAsync(id, cutoff, ct), ct);
    }

    private async Task<bool> ReconcileOneAsync(long id, DateTimeOffset cutoff, CancellationToken ct)
    {
        string? removingActor = null;
        var pendingHandled = await db.InTransactionAsync(async (c, tx) =>
        {
            var row = await BesluitRepository.ClaimHalfDoneAsync(c, tx, id, cutoff);
            if (row is null)
                return (bool?)false;
            if (row.Mirror == "removing")
            {
                removingActor = row.MirrorActor;
                // claim it for a grace period, so another replica does not run the same destroy at the same time
                await BesluitRepository.TouchMirrorAsync(c, tx, id, time.GetUtcNow());
                return null;
            }
            var besluitUrl = urls.Besluit(row.Uuid);
            var found = await zaken.FindAsync(row.Zaak!, besluitUrl, ct);
            if (!found.Ok)
                return false;
            if (found.Url is null)
            {
                logger.LogInformation("Besluit {Uuid}: no zaakbesluit at the Zaken API; the create is undone", row.Uuid);
                await BesluitRepository.DeleteAsync(c, tx, row.Id);
            }
            else
            {
                logger.LogInformation("Besluit {Uuid}: zaakbesluit found; the create is finished", row.Uuid);
                await CompleteCreateAsync(c, tx, row, found.Url, MirrorActor.ContextOf(row.MirrorActor, time));
            }
            return true;
        }, ct);
        if (pendingHandled is { } done)
            return done;
        var failure = await TryDeleteAsync(id, MirrorActor.ContextOf(removingActor, time), ct);
        if (failure is not null)
        {
            logger.LogWarning("Besluit {Id}: the destroy could not be finished ({Reason}); retried in the next round", id, failure);
            return false;
        }
        logger.LogInformation("Besluit {Id}: the destroy is finished", id);
        return true;
    }

    private async Task<BesluitRow> CompleteCreateAsync(NpgsqlConnection c, NpgsqlTransaction tx, BesluitRow row, string? zaakbesluit, HttpContext ctx)
    {
        await BesluitRepository.MarkDoneAsync(c, tx, row.Id, zaakbesluit);
        var done = (await BesluitRepository.LockAsync(c, tx, row.Id))!;
        var json = done.ToJson(urls);
        await events.RecordAsync(c, tx, ctx, done.ToRef(), BesluitMapping.Resource, json["url"]!.GetValue<string>(), AuditActie.Create, null, json);
        return done;
    }
}
