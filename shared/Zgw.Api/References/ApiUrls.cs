namespace Zgw.Api.References;

/// <summary>
/// Absolute URLs of a component's own resources under its public API root (<c>Zgw:PublicBaseUrl</c> + the API path), and
/// the way back from such a URL to its uuid. Each service adds its own resources by name.
/// </summary>
public abstract class ApiUrls(string root)
{
    public string Root { get; } = root;

    /// <summary>A top-level resource: <c>Of("statussen", uuid)</c>.</summary>
    public string Of(string collection, Guid uuid) => $"{Root}/{collection}/{uuid}";

    /// <summary>The uuid of <paramref name="url"/> when it is a URL of <paramref name="collection"/> in this API, else null.</summary>
    public Guid? UuidOf(string collection, string? url)
    {
        var prefix = $"{Root}/{collection}/";
        if (url is null || !url.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        return Guid.TryParse(url.AsSpan(prefix.Length).TrimEnd('/'), out var uuid) ? uuid : null;
    }
}
