using Microsoft.Extensions.Options;

namespace Documenten.Api.Storage;

/// <summary>
/// The content store on a filesystem (setting <c>Documenten:Storage:Path</c>, default <c>{content root}/inhoud</c>). A
/// write goes to a temporary file in the same filesystem and is renamed into place when complete, so a failed or
/// cancelled write leaves nothing. Keys are <c>{2 hex}/{32 hex}</c>: the first two characters spread the files over
/// 256 folders.
/// </summary>
public sealed class FileSystemInhoudStore : IInhoudStore
{
    private const int BufferSize = 81920;
    private readonly string _root;
    private readonly string _temp;

    public FileSystemInhoudStore(IOptions<DocumentenOptions> options, IHostEnvironment environment)
    {
        var path = options.Value.Storage.Path;
        _root = Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? Path.Combine(environment.ContentRootPath, "inhoud")
            : Path.Combine(environment.ContentRootPath, path));
        _temp = Path.Combine(_root, ".tmp");
        Directory.CreateDirectory(_temp);
    }

    /// <summary>The folder the content lives in.</summary>
    public string Root => _root;

    public Task<OpgeslagenInhoud> WriteAsync(Stream content, CancellationToken ct) =>
        WriteNewAsync(async target => await CopyAsync(content, target, ct), ct);

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<OpgeslagenInhoud> ConcatAsync(IReadOnlyList<string> keys, CancellationToken ct) =>
        WriteNewAsync(async target =>
        {
            long total = 0;
            foreach (var key in keys)
            {
                await using var part = await OpenReadAsync(key, ct) ?? throw new FileNotFoundException($"Inhoud {key} bestaat niet.");
                total += await CopyAsync(part, target, ct);
            }
            return total;
        }, ct);

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path))
            File.Delete(path);
        return Task.CompletedTask;
    }

    private async Task<OpgeslagenInhoud> WriteNewAsync(Func<FileStream, Task<long>> fill, CancellationToken ct)
    {
        var name = Guid.NewGuid().ToString("N");
        var key = $"{name[..2]}/{name}";
        var temp = Path.Combine(_temp, name);
        try
        {
            long size;
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                size = await fill(target);
                await target.FlushAsync(ct);
            }
            var final = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(temp, final);
            return new OpgeslagenInhoud(key, size);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static async Task<long> CopyAsync(Stream source, Stream target, CancellationToken ct)
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }
        return total;
    }

    /// <summary>The file of a key; anything that is not a key this store made is refused (no path traversal).</summary>
    private string PathOf(string key)
    {
        if (key.Length != 35 || key[2] != '/' || !key.AsSpan(3).StartsWith(key.AsSpan(0, 2))
            || !key.Remove(2, 1).All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"Ongeldige inhoudssleutel '{key}'.", nameof(key));
        return Path.Combine(_root, key[..2], key[3..]);
    }
}
