using System.Text;
using Documenten.Api.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Zgw.Api.Problems;

namespace Documenten.Api.Resources.Bestandsdeel;

/// <summary>What a <c>PUT /bestandsdelen/{uuid}</c> body held: the lock, and the part as written to the store.</summary>
public sealed record BestandsdeelUpload(string? Lock, OpgeslagenInhoud? Inhoud);

/// <summary>
/// Reads the body of <c>PUT /bestandsdelen/{uuid}</c> (OAS <c>BestandsDeelRequest</c> {inhoud: binary, lock}) as
/// <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c>, streaming: the <c>inhoud</c> field goes from the
/// request body straight into the content store (never whole in memory, a part may be 100 MiB and more). The fields may
/// come in any order; when <c>lock</c> comes first, <paramref name="checkLock"/> can refuse the upload before its
/// content is read. Content written for a body that then fails is removed again.
/// </summary>
public static class BestandsdeelBody
{
    /// <summary>Longest <c>lock</c> accepted (a lock id is 32 characters; the unlock body allows 100).</summary>
    public const int MaxLockLength = 1000;

    /// <summary>What the form encoding costs over the part itself: multipart headers and the lock field; urlencoded triples bytes.</summary>
    public const long MultipartOverhead = 1024 * 1024;

    public static async Task<BestandsdeelUpload> ReadAsync(HttpContext ctx, IInhoudStore store, Action<string> checkLock, long deelGrootte)
    {
        var ct = ctx.RequestAborted;
        var (urlEncoded, boundary) = ParseContentType(ctx.Request.ContentType);
        LimitBody(ctx, urlEncoded ? 3 * deelGrootte + MultipartOverhead : deelGrootte + MultipartOverhead);
        string? lockId = null;
        OpgeslagenInhoud? inhoud = null;
        try
        {
            if (urlEncoded)
            {
                var form = new UrlEncodedFormReader(ctx.Request.Body);
                while (await form.ReadKeyAsync(ct) is { } name)
                {
                    await using var value = form.OpenValue();
                    (lockId, inhoud) = await FieldAsync(name, value, store, checkLock, lockId, inhoud, ct);
                }
            }
            else
            {
                var reader = new MultipartReader(boundary!, ctx.Request.Body);
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    var name = section.GetContentDispositionHeader() is { } disposition ? HeaderUtilities.RemoveQuotes(disposition.Name).Value : null;
                    (lockId, inhoud) = await FieldAsync(name ?? "", section.Body, store, checkLock, lockId, inhoud, ct);
                }
            }
            return new BestandsdeelUpload(lockId, inhoud);
        }
        catch (Exception e)
        {
            if (inhoud is not null)
                await store.DeleteAsync(inhoud.Key, CancellationToken.None);
            if (e is InvalidDataException or IOException and not BadHttpRequestException && !ct.IsCancellationRequested)
                throw ZgwException.ParseError($"Ongeldige formulierdata: {e.Message}");
            throw;
        }
    }

    private static async Task<(string? Lock, OpgeslagenInhoud? Inhoud)> FieldAsync(string name, Stream value, IInhoudStore store,
        Action<string> checkLock, string? lockId, OpgeslagenInhoud? inhoud, CancellationToken ct)
    {
        switch (name)
        {
            case "lock":
                lockId = await ReadTextAsync(value, ct);
                if (inhoud is null)
                    checkLock(lockId);
                return (lockId, inhoud);
            case "inhoud":
                if (inhoud is not null)
                    throw ZgwException.Validation("inhoud", "invalid", "Het veld 'inhoud' komt meer dan eens voor.");
                return (lockId, await store.WriteAsync(value, ct));
            default:
                await value.CopyToAsync(Stream.Null, ct); // unknown fields are ignored (as a form serializer does)
                return (lockId, inhoud);
        }
    }

    private static async Task<string> ReadTextAsync(Stream value, CancellationToken ct)
    {
        var buffer = new byte[MaxLockLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await value.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            length += read;
        if (length > MaxLockLength)
            throw ZgwException.Validation("lock", "max_length", $"Zorg ervoor dat dit veld niet meer dan {MaxLockLength} karakters bevat.");
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static (bool UrlEncoded, string? Boundary) ParseContentType(string? contentType)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var type))
        {
            if (type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                return (true, null);
            if (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
                if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
                    throw ZgwException.ParseError("Multipart-verzoek zonder geldige boundary.");
                return (false, boundary);
            }
        }
        throw ZgwException.UnsupportedMediaType(
            $"Niet-ondersteund mediatype \"{contentType}\" in verzoek; verwacht multipart/form-data of application/x-www-form-urlencoded.");
    }

    /// <summary>This route's body limit (part size + form overhead) instead of the JSON cap; Kestrel stops a chunked body there.</summary>
    private static void LimitBody(HttpContext ctx, long limit)
    {
        if (ctx.Request.ContentLength > limit)
            throw ZgwException.RequestTooLarge(limit);
        if (ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
    }
}

/// <summary>
/// A streaming reader of an <c>application/x-www-form-urlencoded</c> body: keys are read whole (short), a value is a stream
/// that decodes <c>+</c> and <c>%XX</c> as it goes, so a large value is never held in memory.
/// </summary>
public sealed class UrlEncodedFormReader(Stream body)
{
    private const int MaxKeyLength = 200;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _position;
    private int _length;
    private bool _endOfBody;

    /// <summary>True while the current value has bytes left (after <see cref="ReadKeyAsync"/> found a '=').</summary>
    private bool _inValue;

    /// <summary>The next key, decoded; null at the end of the body. Any unread rest of the previous value is skipped.</summary>
    public async Task<string?> ReadKeyAsync(CancellationToken ct)
    {
        if (_inValue)
            await OpenValue().CopyToAsync(Stream.Null, ct);
        var key = new List<byte>();
        while (true)
        {
            if (_position == _length && !await FillAsync(ct))
                return key.Count == 0 ? null : Decode(key);
            var b = _buffer[_position++];
            if (b == (byte)'=')
            {
                _inValue = true;
                return Decode(key);
            }
            if (b == (byte)'&')
            {
                if (key.Count == 0)
                    continue; // empty pair
                return Decode(key); // a key without '=': empty value
            }
            if (key.Count == MaxKeyLength)
                throw ZgwException.ParseError("Formulierveldnaam te lang.");
            key.Add(b);
        }
    }

    /// <summary>The value after the key just read (empty when it had no '='), decoded while read.</summary>
    public Stream OpenValue() => new ValueStream(this);

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_endOfBody)
            return false;
        _length = await body.ReadAsync(_buffer, ct);
        _position = 0;
        _endOfBody = _length == 0;
        return !_endOfBody;
    }

    private static string Decode(List<byte> raw) =>
        Uri.UnescapeDataString(Encoding.UTF8.GetString(raw.ToArray()).Replace('+', ' '));

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => throw ZgwException.ParseError("Ongeldige %-codering in formulierdata."),
    };

    /// <summary>Moves the unread rest of the buffer to its front and reads more behind it (a %XX split over two reads).</summary>
    private async ValueTask<bool> FillBehindAsync(CancellationToken ct)
    {
        var rest = _length - _position;
        Buffer.BlockCopy(_buffer, _position, _buffer, 0, rest);
        _position = 0;
        _length = rest;
        var more = await body.ReadAsync(_buffer.AsMemory(rest), ct);
        _length += more;
        return more > 0;
    }

    private sealed class ValueStream(UrlEncodedFormReader form) : Stream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken ct = default)
        {
            while (form._inValue && destination.Length > 0)
            {
                if (form._position == form._length && !await form.FillAsync(ct))
                {
                    form._inValue = false; // the end of the body ends the value
                    break;
                }
                if (form._buffer[form._position] == (byte)'%' && form._length - form._position < 3)
                {
                    if (!await form.FillBehindAsync(ct))
                        throw ZgwException.ParseError("Onvolledige %-codering aan het eind van de formulierdata.");
                    continue;
                }
                var n = Decode(destination.Span);
                if (n > 0 || !form._inValue)
                    return n;
            }
            return 0;
        }

        /// <summary>Decodes what is buffered into <paramref name="target"/>, up to the '&amp;' that ends the value or a split %XX.</summary>
        private int Decode(Span<byte> target)
        {
            var n = 0;
            var buffer = form._buffer;
            while (n < target.Length && form._position < form._length)
            {
                var b = buffer[form._position];
                if (b == (byte)'&')
                {
                    form._position++;
                    form._inValue = false;
                    break;
                }
                if (b == (byte)'%')
                {
                    if (form._length - form._position < 3)
                        break;
                    target[n++] = (byte)((Hex(buffer[form._position + 1]) << 4) | Hex(buffer[form._position + 2]));
                    form._position += 3;
                    continue;
                }
                target[n++] = b == (byte)'+' ? (byte)' ' : b;
                form._position++;
            }
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
