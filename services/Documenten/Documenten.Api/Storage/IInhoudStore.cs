namespace Documenten.Api.Storage;

/// <summary>Content written to the store: its key (kept in the database) and its size in bytes.</summary>
public sealed record OpgeslagenInhoud(string Key, long Bestandsomvang);

/// <summary>
/// Where document content lives (ARCHITECTURE §6): written and read as streams, never whole in memory. A write either
/// completes under a new key or leaves nothing behind. Keys are opaque to callers.
/// </summary>
public interface IInhoudStore
{
    /// <summary>Copies <paramref name="content"/> to the store under a new key.</summary>
    Task<OpgeslagenInhoud> WriteAsync(Stream content, CancellationToken ct);

    /// <summary>Opens the content of <paramref name="key"/> for reading; null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Concatenates the contents of <paramref name="keys"/>, in order, into new content (bestandsdelen, D10).</summary>
    Task<OpgeslagenInhoud> ConcatAsync(IReadOnlyList<string> keys, CancellationToken ct);

    /// <summary>Removes the content of <paramref name="key"/>; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}
