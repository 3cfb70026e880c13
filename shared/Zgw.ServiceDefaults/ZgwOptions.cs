namespace Zgw.ServiceDefaults;

/// <summary>Settings under the <c>Zgw</c> configuration section shared by every process.</summary>
public sealed class ZgwOptions
{
    public const string Section = "Zgw";

    /// <summary>
    /// The public root every absolute URL is built from (the gateway's address), e.g.
    /// <c>https://zgw.gemeente.nl</c>. Never derived from Host or X-Forwarded-* headers.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:8000";

    /// <summary>Internal addresses of the components, keyed by component key ("zaken" ...).</summary>
    public Dictionary<string, ZgwServiceEndpoint> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Largest JSON request body accepted, in bytes (ARCHITECTURE §11.8). Default 20 MiB.</summary>
    public long MaxJsonBodyBytes { get; set; } = 20 * 1024 * 1024;

    public string PublicBase => PublicBaseUrl.TrimEnd('/');

    /// <summary>Public API root of a component, e.g. <c>https://host/zaken/api/v1</c>.</summary>
    public string PublicApiRoot(ZgwComponent component) => PublicBase + component.ApiPath;
}

public sealed class ZgwServiceEndpoint
{
    /// <summary>Where the component is reached inside the cluster, e.g. <c>http://zaken:8080</c>.</summary>
    public string? InternalUrl { get; set; }
}
