namespace Gateway;

/// <summary>Settings of the gateway itself, section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Route <c>/autorisaties/admin/**</c> to the Autorisaties service (which checks <c>X-Admin-Key</c>). Default off.</summary>
    public bool ExposeAdminApi { get; set; }

    /// <summary>Largest request body, in bytes, on every route but the bestandsdelen upload (ARCHITECTURE §11.8). Default 20 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// Largest body of <c>PUT /documenten/api/v1/bestandsdelen/{uuid}</c>, in bytes. Default 110 MiB: one part of the default
    /// Documenten part size (<c>Documenten:BestandsdeelGrootte</c>, 100 MiB) plus the multipart overhead the Documenten
    /// service allows (1 MiB). Raise it with the part size.
    /// </summary>
    public long MaxUploadBodyBytes { get; set; } = 110L * 1024 * 1024;

    public CorsSettings Cors { get; set; } = new();

    public RateLimitSettings RateLimit { get; set; } = new();

    public sealed class CorsSettings
    {
        /// <summary>Origins (<c>https://app.gemeente.nl</c>) whose browser code may call the APIs. None by default: no CORS.</summary>
        public string[] AllowedOrigins { get; set; } = [];
    }

    public sealed class RateLimitSettings
    {
        /// <summary>Requests one client (token client id, else remote IP) may make per <see cref="Window"/>; 0 = no limit (default).</summary>
        public int PermitsPerWindow { get; set; }

        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }
}
