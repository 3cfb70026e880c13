namespace Zaken.Api.Resources.Common;

/// <summary>
/// The relations of a zaak that live mirrored in another component (zrc-005: objectinformatieobjecten in the Documenten
/// API). Destroying a zaak (zrc-023) removes them there first.
/// </summary>
public interface IZaakMirrors
{
    /// <summary>Deletes every mirror of the zaak's relations at the sibling; throws a 400 <c>pending-relations</c> when it fails.</summary>
    Task DeleteMirrorsOfZaakAsync(long zaakId, CancellationToken ct);
}
