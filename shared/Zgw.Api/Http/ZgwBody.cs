using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Zgw.Api.Problems;
using Zgw.ServiceDefaults;

namespace Zgw.Api.Http;

/// <summary>
/// Reads a JSON request body the ZGW way: the Content-Type must be JSON (415), the size is capped (413),
/// malformed JSON or a wrong type is a 400 with the field path in <c>invalidParams</c>, and the request
/// record then validates itself (<see cref="IValidatable"/>) so all field errors come back at once.
/// </summary>
public static class ZgwBody
{
    public static async Task<T> ReadAsync<T>(HttpContext context) where T : class
    {
        await using var body = await OpenAsync(context);
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync<T>(body, ZgwJson.Options, context.RequestAborted);
        }
        catch (JsonException e)
        {
            throw ToValidationError(e);
        }
        return Validated(value);
    }

    /// <summary>
    /// Reads a PATCH body: the fields it contains replace those of <paramref name="current"/> (the request shape
    /// of the stored object), the result is validated as a whole, exactly like a PUT.
    /// </summary>
    public static async Task<T> ReadPatchAsync<T>(HttpContext context, T current) where T : class =>
        (await ReadPatchWithFieldsAsync(context, current)).Value;

    /// <summary>
    /// <see cref="ReadPatchAsync{T}"/> that also tells which top-level fields the body contained, for rules that
    /// depend on what the client sent rather than on the merged result (a PATCH that changes one field and so
    /// clears a dependent one).
    /// </summary>
    public static async Task<(T Value, IReadOnlySet<string> SentFields)> ReadPatchWithFieldsAsync<T>(HttpContext context, T current)
        where T : class
    {
        await using var body = await OpenAsync(context);
        JsonObject patch;
        try
        {
            patch = await JsonSerializer.DeserializeAsync<JsonNode>(body, ZgwJson.Options, context.RequestAborted) as JsonObject
                    ?? throw ZgwException.Validation(InvalidParam.NonFieldErrors, ZgwCodes.Invalid, "Ongeldige data. Verwacht een object.");
        }
        catch (JsonException e)
        {
            throw ToValidationError(e);
        }
        var merged = JsonSerializer.SerializeToNode(current, ZgwJson.Options)!.AsObject();
        foreach (var (name, value) in patch)
            merged[name] = value?.DeepClone();
        T? result;
        try
        {
            result = merged.Deserialize<T>(ZgwJson.Options);
        }
        catch (JsonException e)
        {
            throw ToValidationError(e);
        }
        return (Validated(result), patch.Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
    }

    private static T Validated<T>(T? value) where T : class
    {
        if (value is null)
            throw ZgwException.Validation(InvalidParam.NonFieldErrors, ZgwCodes.Invalid, "Ongeldige data. Verwacht een object.");
        if (value is IValidatable validatable)
        {
            var validator = new Validator();
            validatable.Validate(validator);
            validator.ThrowIfInvalid();
        }
        return value;
    }

    /// <summary>Checks Content-Type and size, and returns the body as a stream that stops at the limit.</summary>
    private static Task<Stream> OpenAsync(HttpContext context)
    {
        EnsureJsonContentType(context.Request);
        var limit = context.RequestServices.GetService<IOptions<ZgwOptions>>()?.Value.MaxJsonBodyBytes ?? 20 * 1024 * 1024;
        if (context.Request.ContentLength > limit)
            throw ZgwException.RequestTooLarge(limit);
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false } && (sizeFeature.MaxRequestBodySize is null || sizeFeature.MaxRequestBodySize > limit))
            sizeFeature.MaxRequestBodySize = limit;

        return Task.FromResult<Stream>(new LimitedReadStream(context.Request.Body, limit));
    }

    public static void EnsureJsonContentType(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
            throw ZgwException.UnsupportedMediaType(
                $"Niet-ondersteund mediatype \"{request.ContentType}\" in verzoek; verwacht application/json.");
        var type = mediaType.MediaType.Value ?? "";
        if (!type.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            throw ZgwException.UnsupportedMediaType($"Niet-ondersteund mediatype \"{type}\" in verzoek; verwacht application/json.");
    }

    /// <summary>Turns a System.Text.Json failure into a 400 naming the field (<c>$.a.b[0]</c> → <c>a.b.0</c>).</summary>
    public static ZgwException ToValidationError(JsonException e)
    {
        var name = FieldName(e.Path);
        if (e.InnerException is ZgwException inner)
            return inner;
        // The reader's own exception type (internal to System.Text.Json) means the text is not JSON at all.
        if (name == InvalidParam.NonFieldErrors || e.GetType().Name == "JsonReaderException" || e.InnerException?.GetType().Name == "JsonReaderException")
            return ZgwException.ParseError($"JSON parse error - {Sanitize(e.Message)}");
        return ZgwException.Validation(name, ZgwCodes.Invalid, $"Ongeldige waarde voor dit veld ({Sanitize(e.Message)}).");
    }

    internal static string FieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return InvalidParam.NonFieldErrors;
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        path = path.Replace("['", ".").Replace("']", "").Replace("[", ".").Replace("]", "").Trim('.');
        return path.Length == 0 ? InvalidParam.NonFieldErrors : path;
    }

    private static string Sanitize(string message)
    {
        // System.Text.Json messages name .NET types; keep the part before "Path:" which is useful to a client.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit)
                throw ZgwException.RequestTooLarge(limit);
            return n;
        }
    }
}
