using Documenten.Api;
using Documenten.Api.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Documenten.Tests;

/// <summary>The filesystem content store (Storage/FileSystemInhoudStore): streamed writes, temp file + rename, concat, delete.</summary>
public sealed class InhoudStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "inhoudstore-" + Guid.NewGuid().ToString("N"));
    private readonly FileSystemInhoudStore _store;

    public InhoudStoreTests()
    {
        var options = Options.Create(new DocumentenOptions { Storage = { Path = _root } });
        _store = new FileSystemInhoudStore(options, new Environment(Path.GetTempPath()));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Write_ThenRead_GivesTheSameBytes_AndTheSize()
    {
        var bytes = new byte[300_000];
        Random.Shared.NextBytes(bytes);
        var stored = await _store.WriteAsync(new MemoryStream(bytes), default);
        Assert.Equal(bytes.Length, stored.Bestandsomvang);
        await using var read = await _store.OpenReadAsync(stored.Key, default);
        var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task AFailedWrite_LeavesNothing()
    {
        await Assert.ThrowsAsync<IOException>(() => _store.WriteAsync(new FailingStream(), default));
        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Concat_JoinsThePartsInOrder()
    {
        var a = await _store.WriteAsync(new MemoryStream("abc"u8.ToArray()), default);
        var b = await _store.WriteAsync(new MemoryStream("defg"u8.ToArray()), default);
        var joined = await _store.ConcatAsync([b.Key, a.Key], default);
        Assert.Equal(7, joined.Bestandsomvang);
        await using var read = await _store.OpenReadAsync(joined.Key, default);
        Assert.Equal("defgabc", await new StreamReader(read!).ReadToEndAsync());
    }

    [Fact]
    public async Task Delete_RemovesTheContent_AndAMissingKeyIsNoError()
    {
        var stored = await _store.WriteAsync(new MemoryStream([1, 2, 3]), default);
        await _store.DeleteAsync(stored.Key, default);
        Assert.Null(await _store.OpenReadAsync(stored.Key, default));
        await _store.DeleteAsync(stored.Key, default);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ab/../../../../etc/passwd")]
    [InlineData("AB/ABCDEF0123456789ABCDEF0123456789")]
    public async Task KeysThatTheStoreDidNotMake_AreRefused(string key) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(key, default));

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Documenten.Tests";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    /// <summary>Gives some bytes, then fails as a broken upload would.</summary>
    private sealed class FailingStream : Stream
    {
        private int _reads;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _reads++ < 2 ? count : throw new IOException("verbinding verbroken");
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
