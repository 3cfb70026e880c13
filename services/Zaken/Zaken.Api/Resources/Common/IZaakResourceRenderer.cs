using System.Text.Json.Nodes;
using Npgsql;

namespace Zaken.Api.Resources.Common;

/// <summary>
/// Renders many resources of one collection of this API at once, by uuid (one query per collection). Used by
/// <c>expand</c> so that expanding a page of zaken costs one query per relation, never one per zaak.
/// </summary>
public interface IZaakResourceRenderer
{
    /// <summary>The collection in our URLs: <c>statussen</c>, <c>rollen</c>, <c>zaakeigenschappen</c> (nested under a zaak) ...</summary>
    string Collection { get; }

    /// <summary>The representations (as the resource's GET answers them) of the resources that exist among <paramref name="uuids"/>.</summary>
    Task<IReadOnlyList<JsonObject>> RenderManyAsync(NpgsqlConnection c, IReadOnlyCollection<Guid> uuids, CancellationToken ct);
}
