namespace Zgw.ServiceDefaults;

/// <summary>
/// Identity of one ZGW component: the key used in URLs and configuration ("zaken"),
/// the audit-trail/autorisatie code ("zrc") and the API version it serves ("1.5.1").
/// </summary>
public sealed record ZgwComponent(string Key, string Code, string ApiVersion)
{
    /// <summary>Path of the API root below the public base URL, e.g. <c>/zaken/api/v1</c>.</summary>
    public string ApiPath => $"/{Key}/api/v1";

    public static readonly ZgwComponent Zaken = new("zaken", "zrc", "1.5.1");
    public static readonly ZgwComponent Catalogi = new("catalogi", "ztc", "1.3.3");
    public static readonly ZgwComponent Documenten = new("documenten", "drc", "1.5.0");
    public static readonly ZgwComponent Besluiten = new("besluiten", "brc", "1.1.0");
    public static readonly ZgwComponent Autorisaties = new("autorisaties", "ac", "1.0.0");
    public static readonly ZgwComponent Notificaties = new("notificaties", "nrc", "1.0.1");

    public static IReadOnlyList<ZgwComponent> All { get; } =
        [Zaken, Catalogi, Documenten, Besluiten, Autorisaties, Notificaties];

    public static ZgwComponent? FindByKey(string key) =>
        All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
}
