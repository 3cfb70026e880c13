using Documenten.Api.Resources.Bestandsdeel;
using Documenten.Api.Resources.Common;
using Documenten.Api.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Zgw.Api.Http;
using Zgw.Data;
using Zgw.Data.AuditTrail;

namespace Documenten.Api.Resources.Enkelvoudiginformatieobject;

/// <summary>
/// The writes of the enkelvoudiginformatieobject resource: the checks (body, Catalogi, autorisatie) first, the content to
/// the store, then one transaction with the rows, the audit record and the notification. Content written for a write
/// that fails is removed again, so a failed request leaves nothing in the store.
/// </summary>
public sealed class EnkelvoudiginformatieobjectWriter(
    ZgwDatabase db,
    EnkelvoudiginformatieobjectRepository repository,
    DocumentenCatalogi catalogi,
    DocumentEvents events,
    DocumentenUrls urls,
    IInhoudStore store,
    IOptions<DocumentenOptions> options,
    TimeProvider time)
{
    public const string Resource = "enkelvoudiginformatieobject";

    /// <summary>
    /// POST: drc-001 (published informatieobjecttype), drc-005, drc-006, drc-007, D7 (base64 inhoud, bestandsomvang),
    /// identificatie generated or unique per bronorganisatie; with <c>bestandsomvang</c> &gt; 0 and no <c>inhoud</c> the
    /// document is created locked with its bestandsdelen (D10).
    /// </summary>
    public async Task<DocumentRow> CreateAsync(HttpContext ctx, EnkelvoudiginformatieobjectRequest body)
    {
        var ct = ctx.RequestAborted;
        var v = new Validator();
        EnkelvoudiginformatieobjectRules.Drc005_OntvangstdatumVerbiedtStatusInBewerking(body, v);
        EnkelvoudiginformatieobjectRules.Drc006_GeenGebruiksrechtBijAanmaken(body, v);
        var inhoud = EnkelvoudiginformatieobjectRules.DecodeInhoud(body.Inhoud, v);
        var bestandsomvang = EnkelvoudiginformatieobjectRules.Bestandsomvang(inhoud, body.Bestandsomvang, v);
        v.ThrowIfInvalid();

        var type = await catalogi.InformatieobjecttypeAsync("informatieobjecttype", body.Informatieobjecttype!, mustBePublished: true, ct);
        var vertrouwelijkheid = EnkelvoudiginformatieobjectRules.Drc007_Vertrouwelijkheidaanduiding(body, type);
        DocumentGuard.EnsureCanWrite(ctx, type.Url, vertrouwelijkheid, [DocumentenScopes.Aanmaken]);

        var delen = inhoud is null && bestandsomvang > 0
            ? EnkelvoudiginformatieobjectRules.Bestandsdelen(bestandsomvang.Value, options.Value.BestandsdeelGrootte)
            : [];
        var opgeslagen = inhoud is null ? null : await WriteInhoudAsync(inhoud, ct);
        var uuid = Guid.CreateVersion7();
        try
        {
            return await db.InTransactionAsync(async (c, tx) =>
            {
                var identificatie = string.IsNullOrEmpty(body.Identificatie)
                    ? await EnkelvoudiginformatieobjectRepository.NextIdentificatieAsync(c, tx, body.Bronorganisatie!, body.Creatiedatum!.Value)
                    : body.Identificatie;
                var gegevens = VersieGegevens.From(body, identificatie, vertrouwelijkheid);
                var lockId = delen.Count > 0 ? DocumentLocks.NewId() : null;
                var id = await EnkelvoudiginformatieobjectRepository.InsertAsync(c, tx,
                    DocumentValues.From(uuid, gegevens, body.IndicatieGebruiksrecht, versie: 1, lockId));
                await VersieRepository.InsertAsync(c, tx, id,
                    new VersieValues(1, Now(), gegevens, opgeslagen?.Key, bestandsomvang, body.InhoudIsVervallen));
                await BestandsdeelRepository.InsertAsync(c, tx, id, 1, delen);
                var row = (await repository.GetAsync(uuid, VersieSelectie.Laatste, c, tx))!;
                await events.RecordAsync(c, tx, ctx, row.ToRef(), Resource, urls.Document(uuid), AuditActie.Create, null, row.Render(urls));
                return row;
            }, ct);
        }
        catch (Exception e)
        {
            if (opgeslagen is not null)
                await store.DeleteAsync(opgeslagen.Key, CancellationToken.None);
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "enkelvoudiginformatieobject_identificatie_uniek" })
                throw EnkelvoudiginformatieobjectRules.IdentificatieNietUniek();
            throw;
        }
    }

    /// <summary>Writes decoded base64 content to the store (D7).</summary>
    public async Task<OpgeslagenInhoud> WriteInhoudAsync(byte[] inhoud, CancellationToken ct)
    {
        await using var stream = new MemoryStream(inhoud, writable: false);
        return await store.WriteAsync(stream, ct);
    }

    /// <summary>The begin of a new version's registratie, at PostgreSQL's precision (microseconds), so it round-trips exactly.</summary>
    public DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
