using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Zgw.ServiceDefaults;

namespace Catalogi.Api.Resources.Common;

/// <summary>The ten resources of the Catalogi API.</summary>
public enum CatalogiKind
{
    Catalogus,
    Zaaktype,
    Besluittype,
    Informatieobjecttype,
    Statustype,
    Roltype,
    Eigenschap,
    Resultaattype,
    Zaakobjecttype,
    ZaaktypeInformatieobjecttype,
}

/// <summary>
/// The absolute URLs of Catalogi resources, always under the configured public base URL
/// (<c>{publicBase}/catalogi/api/v1/{collection}/{uuid}</c>), and the way back from a URL to a uuid.
/// </summary>
public sealed class CatalogiUrls(IOptions<ZgwOptions> zgw)
{
    public string Root { get; } = zgw.Value.PublicApiRoot(CatalogiService.Component);

    public static string Collection(CatalogiKind kind) => kind switch
    {
        CatalogiKind.Catalogus => "catalogussen",
        CatalogiKind.Zaaktype => "zaaktypen",
        CatalogiKind.Besluittype => "besluittypen",
        CatalogiKind.Informatieobjecttype => "informatieobjecttypen",
        CatalogiKind.Statustype => "statustypen",
        CatalogiKind.Roltype => "roltypen",
        CatalogiKind.Eigenschap => "eigenschappen",
        CatalogiKind.Resultaattype => "resultaattypen",
        CatalogiKind.Zaakobjecttype => "zaakobjecttypen",
        CatalogiKind.ZaaktypeInformatieobjecttype => "zaaktype-informatieobjecttypen",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The table of a kind (a constant, safe to place in SQL).</summary>
    public static string Table(CatalogiKind kind) => kind switch
    {
        CatalogiKind.ZaaktypeInformatieobjecttype => "zaaktype_informatieobjecttype",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public string Of(CatalogiKind kind, Guid uuid) => $"{Root}/{Collection(kind)}/{uuid}";

    public string? Of(CatalogiKind kind, Guid? uuid) => uuid is { } u ? Of(kind, u) : null;

    /// <summary>SQL expression of the URL of the row aliased <paramref name="alias"/> (needs the <c>@root</c> parameter).</summary>
    public static string UrlSql(CatalogiKind kind, string alias) => $"(@root || '/{Collection(kind)}/' || {alias}.uuid::text)";

    /// <summary>True when <paramref name="url"/> is the URL of a <paramref name="kind"/> of this API.</summary>
    public bool TryGetUuid(string? url, CatalogiKind kind, out Guid uuid)
    {
        uuid = Guid.Empty;
        var prefix = $"{Root}/{Collection(kind)}/";
        if (url is null || !url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        return Guid.TryParseExact(url[prefix.Length..].TrimEnd('/'), "D", out uuid);
    }
}

public static class CatalogiUrlsExtensions
{
    /// <summary>The URLs of <paramref name="uuids"/> as a JSON array.</summary>
    public static JsonArray Array(this CatalogiUrls urls, CatalogiKind kind, IEnumerable<Guid> uuids) =>
        new(uuids.Select(u => (JsonNode?)JsonValue.Create(urls.Of(kind, u))).ToArray());
}
