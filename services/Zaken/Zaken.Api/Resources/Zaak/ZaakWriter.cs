using Zgw.Api.References;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Npgsql;
using Zaken.Api.Resources.Common;
using Zgw.Api.Auth;
using Zgw.Api.Http;
using Zgw.Api.Problems;
using Zgw.Data;
using Zgw.Data.AuditTrail;
using Zgw.ServiceDefaults;

namespace Zaken.Api.Resources.Zaak;

/// <summary>The writes of the zaak resource: the checks against Catalogi and siblings first, then one transaction.</summary>
public sealed class ZaakWriter(
    ZgwDatabase db,
    ZaakRepository repository,
    ZaakCatalogi catalogi,
    ZaakEvents events,
    ZakenUrls urls,
    IOptions<ZakenOptions> options,
    TimeProvider time,
    IZaakMirrors mirrors)
{
    public async Task<ZaakRow> CreateAsync(HttpContext ctx, ZaakRequest body)
    {
        var ct = ctx.RequestAborted;
        var zaaktype = await catalogi.ZaaktypeAsync("zaaktype", body.Zaaktype!, mustBePublished: true, ct);
        var vertrouwelijkheid = ZaakRules.Zrc009_Vertrouwelijkheidaanduiding(body, zaaktype);
        var caller = ctx.GetZgwCaller();
        if (!caller.IsAllowed(ZakenService.Zrc, ZakenScopes.Aanmaken, zaaktype.Url, vertrouwelijkheid))
            throw ZgwException.PermissionDenied("Je mag geen zaken van dit zaaktype (met deze vertrouwelijkheidaanduiding) aanmaken.");

        var v = new Validator();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var registratiedatum = ZaakRules.Registratiedatum(body, today, v);
        var laatsteBetaaldatum = ZaakRules.Zrc014_Betaling(body, laatsteBetaaldatumSent: true, now, v);
        ZaakRules.Zrc015_ProductenOfDiensten(body, zaaktype, v);
        var (einddatumGepland, uiterlijkeEinddatum) = ZaakRules.Zrc015_Termijnen(body, zaaktype);
        await CheckReferencesAsync(body, v, ct);
        v.ThrowIfInvalid();

        var uuid = Guid.CreateVersion7();
        try
        {
            return await db.InTransactionAsync(async (c, tx) =>
            {
                var hoofdzaakId = await HoofdzaakAsync(c, tx, body, self: null, zaaktype.Url, ct);
                var identificatie = string.IsNullOrEmpty(body.Identificatie)
                    ? await ZaakRepository.NextIdentificatieAsync(c, tx, body.Bronorganisatie!, registratiedatum)
                    : body.Identificatie;
                var values = Values(uuid, identificatie, body, vertrouwelijkheid, registratiedatum, einddatumGepland, uiterlijkeEinddatum,
                    laatsteBetaaldatum, hoofdzaakId, body.Archiefstatus ?? "nog_te_archiveren");
                await InsertGeometrySafeAsync(c, tx, values);
                var row = (await repository.GetAsync(uuid, c, tx))!;
                var json = row.Render(urls);
                await events.RecordAsync(c, tx, ctx, ZaakEndpoints.ToRef(row), "zaak", urls.Zaak(uuid), AuditActie.Create, null, json);
                return row;
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "zaak_identificatie_uniek")
        {
            throw ZaakRules.Zrc002_IdentificatieNietUniek();
        }
    }

    /// <param name="current">The zaak as the endpoint read it (the base of a PATCH); re-read under lock in the transaction.</param>
    public async Task<ZaakRow> UpdateAsync(HttpContext ctx, ZaakRow current, ZaakRequest body, string actie, bool laatsteBetaaldatumSent)
    {
        var ct = ctx.RequestAborted;
        var uuid = current.Uuid;
        var currentRef = ZaakEndpoints.ToRef(current);
        ZaakGuard.EnsureCanWrite(ctx, currentRef, ZakenScopes.Wijzigers);

        var v = new Validator();
        ZaakRules.Zrc002_OnveranderlijkeVelden(body, currentRef, v);
        v.ThrowIfInvalid();
        var zaaktype = await catalogi.ZaaktypeAsync("zaaktype", current.Zaaktype, mustBePublished: false, ct);
        var vertrouwelijkheid = ZaakRules.Zrc009_Vertrouwelijkheidaanduiding(body, zaaktype);
        var caller = ctx.GetZgwCaller();
        if (!ZakenScopes.Wijzigers.Any(s => caller.IsAllowed(ZakenService.Zrc, s, zaaktype.Url, vertrouwelijkheid)))
            throw ZgwException.PermissionDenied("Je mag deze vertrouwelijkheidaanduiding niet zetten voor dit zaaktype.");
        var now = time.GetUtcNow();
        var registratiedatum = ZaakRules.Registratiedatum(body, DateOnly.FromDateTime(now.UtcDateTime), v);
        var laatsteBetaaldatum = ZaakRules.Zrc014_Betaling(body, laatsteBetaaldatumSent, now, v);
        ZaakRules.Zrc015_ProductenOfDiensten(body, zaaktype, v);
        await CheckReferencesAsync(body, v, ct);
        var archiefstatus = body.Archiefstatus ?? current.Archiefstatus;
        if (archiefstatus != "nog_te_archiveren")
            ZaakRules.Zrc022_Archiefstatus(archiefstatus, body.Archiefnominatie, body.Archiefactiedatum,
                await DocumentStatussenAsync(current.Id, ct), v);
        v.ThrowIfInvalid();

        return await db.InTransactionAsync(async (c, tx) =>
        {
            var locked = await ZaakRef.LockAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
            var hoofdzaakId = await HoofdzaakAsync(c, tx, body, self: uuid, zaaktype.Url, ct);
            var before = (await repository.GetAsync(uuid, c, tx))!;
            var values = Values(uuid, before.Identificatie, body, vertrouwelijkheid, registratiedatum, body.EinddatumGepland,
                body.UiterlijkeEinddatumAfdoening, laatsteBetaaldatum, hoofdzaakId, archiefstatus);
            try
            {
                await ZaakRepository.UpdateAsync(c, tx, locked.Id, values);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InternalError)
            {
                throw ZgwException.Validation("zaakgeometrie", ZgwCodes.Invalid, "Ongeldige GeoJSON-geometrie.");
            }
            var after = (await repository.GetAsync(uuid, c, tx))!;
            await events.RecordAsync(c, tx, ctx, ZaakEndpoints.ToRef(after), "zaak", urls.Zaak(uuid), actie, before.Render(urls), after.Render(urls));
            return after;
        }, ct);
    }

    /// <summary>
    /// zrc-023: destroys the zaak with its deelzaken and all related data and audit trails. Besluiten still pointing at
    /// it block the destroy (Open Zaak <c>related-besluiten</c>); the mirrored objectinformatieobjecten are removed from the
    /// Documenten API first, so a failure there leaves the zaak intact (400 <c>pending-relations</c>).
    /// </summary>
    public async Task DeleteAsync(HttpContext ctx, Guid uuid)
    {
        var ct = ctx.RequestAborted;
        var current = await repository.GetAsync(uuid) ?? throw ZgwException.NotFound();
        ZaakGuard.EnsureCanWrite(ctx, ZaakEndpoints.ToRef(current), [ZakenScopes.Verwijderen], closedRule: false);
        await using (var c = await db.OpenAsync(ct))
        {
            if (await ZaakRepository.BesluitenCountAsync(c, null, current.Id) > 0)
                throw ZgwException.Validation("nonFieldErrors", ZakenCodes.RelatedBesluiten,
                    "Er zijn nog besluiten gerelateerd aan deze zaak; verwijder die eerst.");
            foreach (var (id, _) in await ZaakRepository.WithDeelzakenAsync(c, null, current.Id))
                await mirrors.DeleteMirrorsOfZaakAsync(id, ct);
        }
        await db.InTransactionAsync(async (c, tx) =>
        {
            var locked = await ZaakRef.LockAsync(c, tx, uuid) ?? throw ZgwException.NotFound();
            var removed = await ZaakRepository.WithDeelzakenAsync(c, tx, locked.Id);
            await ZaakRepository.DeleteAsync(c, tx, locked.Id);
            foreach (var (_, zaakUuid) in removed)
                await AuditTrailStore.DeleteAsync(c, tx, urls.Zaak(zaakUuid));
            await events.NotifyAsync(c, tx, locked, "zaak", urls.Zaak(uuid), AuditActie.Destroy);
            return true;
        }, ct);
    }

    /// <summary>Inserts the zaak; GeoJSON that PostGIS cannot read (after our shape check) is a 400 on zaakgeometrie.</summary>
    private static async Task InsertGeometrySafeAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakValues values)
    {
        try
        {
            await ZaakRepository.InsertAsync(c, tx, values);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InternalError)
        {
            throw ZgwException.Validation("zaakgeometrie", ZgwCodes.Invalid, "Ongeldige GeoJSON-geometrie.");
        }
    }

    /// <summary>zrc-010 (communicatiekanaal), zrc-011 (relevanteAndereZaken), selectielijstklasse: the URLs must resolve.</summary>
    private async Task CheckReferencesAsync(ZaakRequest body, Validator v, CancellationToken ct)
    {
        await Collect(v, async () =>
        {
            if (string.IsNullOrEmpty(body.Communicatiekanaal))
                return;
            var root = options.Value.ReferentielijstenApiRoot;
            if (root.Length > 0 && !body.Communicatiekanaal.StartsWith(root, StringComparison.Ordinal))
                throw ZgwException.Validation("communicatiekanaal", ZgwCodes.BadUrl, "De URL is geen communicatiekanaal van de Referentielijsten API.");
            await catalogi.ObjectAsync("communicatiekanaal", body.Communicatiekanaal, ["url", "naam", "omschrijving"], ct);
        });
        await Collect(v, async () =>
        {
            if (!string.IsNullOrEmpty(body.Selectielijstklasse))
                await catalogi.ObjectAsync("selectielijstklasse", body.Selectielijstklasse, ["url"], ct);
        });
        for (var i = 0; i < (body.RelevanteAndereZaken?.Count ?? 0); i++)
        {
            var field = $"relevanteAndereZaken.{i}";
            var url = body.RelevanteAndereZaken![i]!.Url!;
            await Collect(v, async () =>
            {
                if (urls.UuidOf("zaken", url) is { } local)
                {
                    await using var c = await db.OpenAsync(ct);
                    if (await ZaakRef.FindAsync(c, local) is null)
                        throw ZgwException.Validation(field, ZgwCodes.BadUrl, "De URL verwijst niet naar een bestaande zaak.");
                }
                else
                    await catalogi.ObjectAsync(field, url, ["url", "zaaktype"], ct);
            });
        }
    }

    /// <summary>Runs a check that throws a validation error and adds its errors to <paramref name="v"/> instead.</summary>
    private static async Task Collect(Validator v, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (ZgwException e) when (e.InvalidParams is { Count: > 0 } errors)
        {
            foreach (var error in errors)
                v.Add(error.Name, error.Code, error.Reason);
        }
    }

    /// <summary>zrc-013: resolves and checks the hoofdzaak (one of our zaken) inside the write's transaction.</summary>
    private async Task<long?> HoofdzaakAsync(NpgsqlConnection c, NpgsqlTransaction tx, ZaakRequest body, Guid? self, string zaaktype,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.Hoofdzaak))
            return null;
        var hoofdzaakUuid = urls.UuidOf("zaken", body.Hoofdzaak)
                            ?? throw ZgwException.Validation("hoofdzaak", ZgwCodes.BadUrl, "De URL is geen zaak van deze Zaken API.");
        var hoofdzaak = await ZaakRef.FindAsync(c, hoofdzaakUuid, tx)
                        ?? throw ZgwException.Validation("hoofdzaak", ZgwCodes.BadUrl, "De URL verwijst niet naar een bestaande zaak.");
        var hoofdzaaktype = hoofdzaak.Uuid == self ? null : await catalogi.ZaaktypeAsync("hoofdzaak", hoofdzaak.Zaaktype, mustBePublished: false, ct);
        var v = new Validator();
        ZaakRules.Zrc013_Hoofdzaak(hoofdzaak, self, hoofdzaaktype, zaaktype, v);
        v.ThrowIfInvalid();
        return hoofdzaak.Id;
    }

    /// <summary>The statussen of the zaak's documents, fetched fresh (zrc-022).</summary>
    private async Task<IReadOnlyCollection<string>> DocumentStatussenAsync(long zaakId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var statussen = new List<string>();
        foreach (var url in await ZaakRepository.InformatieobjectenAsync(c, zaakId))
        {
            var document = await catalogi.FreshObjectAsync("archiefstatus", url, ["url"], ct);
            statussen.Add(JsonFields.Text(document, "status") ?? "");
        }
        return statussen;
    }

    private static ZaakValues Values(Guid uuid, string identificatie, ZaakRequest r, string vertrouwelijkheid, DateOnly registratiedatum,
        DateOnly? einddatumGepland, DateOnly? uiterlijkeEinddatum, DateTimeOffset? laatsteBetaaldatum, long? hoofdzaakId, string archiefstatus) => new()
    {
        Uuid = uuid,
        Identificatie = identificatie,
        Bronorganisatie = r.Bronorganisatie!,
        Zaaktype = r.Zaaktype!,
        Vertrouwelijkheidaanduiding = vertrouwelijkheid,
        Registratiedatum = registratiedatum,
        Startdatum = r.Startdatum!.Value,
        EinddatumGepland = einddatumGepland,
        UiterlijkeEinddatumAfdoening = uiterlijkeEinddatum,
        Publicatiedatum = r.Publicatiedatum,
        Archiefnominatie = string.IsNullOrEmpty(r.Archiefnominatie) ? null : r.Archiefnominatie,
        Archiefactiedatum = r.Archiefactiedatum,
        Archiefstatus = archiefstatus,
        StartdatumBewaartermijn = r.StartdatumBewaartermijn,
        HoofdzaakId = hoofdzaakId,
        Zaakgeometrie = r.Zaakgeometrie?.ToJsonString(),
        Gegevens = JsonSerializer.Serialize(new ZaakGegevens
        {
            Omschrijving = r.Omschrijving ?? "",
            Toelichting = r.Toelichting ?? "",
            VerantwoordelijkeOrganisatie = r.VerantwoordelijkeOrganisatie!,
            Communicatiekanaal = r.Communicatiekanaal ?? "",
            ProductenOfDiensten = (r.ProductenOfDiensten ?? []).OfType<string>().ToList(),
            Betalingsindicatie = r.Betalingsindicatie ?? "",
            LaatsteBetaaldatum = laatsteBetaaldatum,
            Verlenging = r.Verlenging,
            Opschorting = r.Opschorting,
            Selectielijstklasse = r.Selectielijstklasse ?? "",
            RelevanteAndereZaken = (r.RelevanteAndereZaken ?? []).OfType<RelevanteZaak>().ToList(),
            Kenmerken = (r.Kenmerken ?? []).OfType<ZaakKenmerk>().ToList(),
            OpdrachtgevendeOrganisatie = r.OpdrachtgevendeOrganisatie ?? "",
            Processobjectaard = r.Processobjectaard,
            Processobject = r.Processobject,
        }, ZgwJson.Options),
    };
}
