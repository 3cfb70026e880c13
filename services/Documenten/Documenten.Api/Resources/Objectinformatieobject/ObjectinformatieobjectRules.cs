using Documenten.Api.Resources.Common;
using Npgsql;
using Zgw.Api.Problems;

namespace Documenten.Api.Resources.Objectinformatieobject;

/// <summary>The rules of objectinformatieobjecten (zgw-rules D2), each named after its spec id.</summary>
public static class ObjectinformatieobjectRules
{
    /// <summary>drc-002: <c>object</c> + <c>informatieobject</c> is unique (Open Zaak <c>unique</c>, a non-field error).</summary>
    public static async Task Drc002_UniekPerObjectAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long documentId, string @object)
    {
        if (await ObjectinformatieobjectRepository.ExistsAsync(c, tx, documentId, @object))
            throw NietUniek();
    }

    public static ZgwException NietUniek() =>
        ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.Unique, "De velden informatieobject, object moeten een unieke set zijn.");

    /// <summary>
    /// drc-003/004: an objectinformatieobject mirrors a zaakinformatieobject / besluitinformatieobject, so the relation must
    /// already exist in the source (Open Zaak <c>inconsistent-relation</c>, a non-field error); a source that cannot be asked
    /// is a 400 <c>relation-lookup-error</c> on <c>object</c>. Objects of type <c>verzoek</c> are not checked (as Open Zaak;
    /// the Verzoeken API is not part of the suite).
    /// </summary>
    public static async Task Drc003_RelatieBestaatInBronAsync(ObjectinformatieobjectBron bron, string objectType, string @object,
        string informatieobject, CancellationToken ct)
    {
        if (!ObjectinformatieobjectBron.HeeftBron(objectType))
            return;
        var relatie = await bron.RelatieAsync(objectType, @object, informatieobject, ct);
        if (relatie.Bestaat is null)
            throw LookupError(relatie.Reden);
        if (relatie.Bestaat == false)
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, DocumentenCodes.InconsistentRelation,
                $"Het informatieobject is in de bron niet gerelateerd aan dit {objectType}.");
    }

    /// <summary>
    /// D2 (Open Zaak): an objectinformatieobject can only be deleted once the zaakinformatieobject / besluitinformatieobject it
    /// mirrors is gone from the source (400 <c>remote-relation-exists</c> on <c>object</c>); a source that cannot be asked is
    /// a 400 <c>relation-lookup-error</c>. Not checked for <c>verzoek</c>.
    /// </summary>
    public static async Task Drc003_RelatieVerdwenenUitBronAsync(ObjectinformatieobjectBron bron, ObjectinformatieobjectRow row, string informatieobject,
        CancellationToken ct)
    {
        if (!ObjectinformatieobjectBron.HeeftBron(row.ObjectType))
            return;
        var relatie = await bron.RelatieAsync(row.ObjectType, row.Object, informatieobject, ct);
        if (relatie.Bestaat is null)
            throw LookupError(relatie.Reden);
        if (relatie.Bestaat == true)
            throw ZgwException.Validation("object", DocumentenCodes.RemoteRelationExists,
                "De relatie bestaat nog in de bron; deze relatie kan niet verwijderd worden.");
    }

    private static ZgwException LookupError(string reden) =>
        ZgwException.Validation("object", DocumentenCodes.RelationLookupError, $"De relatie kon niet worden opgezocht in de bron: {reden}");
}
