using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Documenten.Api;
using Documenten.Api.Resources.Bestandsdeel;
using Microsoft.AspNetCore.Hosting;
using Zgw.Testing;

namespace Documenten.Tests;

/// <summary>
/// Large uploads in bestandsdelen (zgw-rules D10): PUT /bestandsdelen/{uuid} (multipart and urlencoded, streamed), the unlock
/// that joins the parts into the version's content, and the rules incorrect-lock-id, file-size, incomplete-upload. The
/// fixture's part size is 10 bytes; one test starts a second host with MiB parts to show nothing is buffered.
/// </summary>
[Collection(DocumentenCollection.Name)]
public sealed class BestandsdeelTests(DocumentenApp app)
{
    private const string Documenten = "/documenten/api/v1/enkelvoudiginformatieobjecten";

    private static readonly byte[] Inhoud = Encoding.UTF8.GetBytes("Deel een, deel twee, en het slot.");  // 33 bytes: parts 10, 10, 10, 3

    private async Task<JsonObject> CreateUploadAsync(long bestandsomvang, string? informatieobjecttype = null, string vertrouwelijkheid = "openbaar") =>
        await app.CreateDocumentAsync(informatieobjecttype ?? app.A, vertrouwelijkheid: vertrouwelijkheid,
            change: b => { b["inhoud"] = null; b["bestandsomvang"] = bestandsomvang; });

    private static List<JsonObject> Delen(JsonObject document) => document["bestandsdelen"]!.AsArray().Select(d => d!.AsObject()).ToList();

    private static string Lock(JsonObject document) => document["lock"]!.GetValue<string>();

    private static byte[] Slice(byte[] bytes, JsonObject deel)
    {
        var begin = (deel["volgnummer"]!.GetValue<int>() - 1) * (int)DocumentenApp.BestandsdeelGrootte;
        return bytes[begin..(begin + deel["omvang"]!.GetValue<int>())];
    }

    private static MultipartFormDataContent Multipart(byte[]? inhoud, string? lockId, bool lockFirst = true)
    {
        var form = new MultipartFormDataContent();
        if (lockFirst && lockId is not null)
            form.Add(new StringContent(lockId), "lock");
        if (inhoud is not null)
        {
            var file = new ByteArrayContent(inhoud);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "inhoud", "deel.bin");
        }
        if (!lockFirst && lockId is not null)
            form.Add(new StringContent(lockId), "lock");
        return form;
    }

    private static async Task<(HttpResponseMessage Response, JsonObject? Body)> PutAsync(HttpClient client, string deelUrl, HttpContent content)
    {
        var response = await client.PutAsync(DocumentenApp.PathOf(deelUrl), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, response.IsSuccessStatusCode ? JsonNode.Parse(text)!.AsObject() : null);
    }

    private async Task<JsonObject> UploadAsync(JsonObject deel, byte[] bytes, string lockId, string clientId = DocumentenApp.Behandelaar)
    {
        var (response, body) = await PutAsync(app.Client(clientId), DocumentenApp.Url(deel), Multipart(bytes, lockId));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT bestandsdeel: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return body!;
    }

    private Task<(HttpResponseMessage Response, JsonNode? Body)> UnlockAsync(JsonObject document, object? body, string clientId = DocumentenApp.Behandelaar) =>
        app.Client(clientId).SendJsonAsync(HttpMethod.Post, DocumentenApp.PathOf(DocumentenApp.Url(document)) + "/unlock", body);

    private async Task<byte[]> DownloadAsync(string documentUrl)
    {
        var response = await app.Client().GetAsync(DocumentenApp.PathOf(documentUrl) + "/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task D10_FullFlow_PartsInAnyOrder_UnlockJoinsThemInVolgnummerOrder_VersieStays1_PartsRemoved()
    {
        var document = await CreateUploadAsync(Inhoud.Length);
        var url = DocumentenApp.Url(document);
        var lockId = Lock(document);
        var delen = Delen(document);
        Assert.Equal([10L, 10, 10, 3], delen.Select(d => d["omvang"]!.GetValue<long>()));
        var files = app.StoredFiles().Count;

        foreach (var deel in Enumerable.Reverse(delen))
        {
            var answer = await UploadAsync(deel, Slice(Inhoud, deel), lockId);
            Assert.Equal(["url", "volgnummer", "omvang", "voltooid", "lock"], answer.Select(p => p.Key).ToArray());
            Assert.Equal(DocumentenApp.Url(deel), DocumentenApp.Url(answer));
            Assert.Equal(deel["volgnummer"]!.GetValue<int>(), answer["volgnummer"]!.GetValue<int>());
            Assert.Equal(deel["omvang"]!.GetValue<long>(), answer["omvang"]!.GetValue<long>());
            Assert.True(answer["voltooid"]!.GetValue<bool>());
            Assert.Equal(lockId, answer["lock"]!.GetValue<string>());
        }
        Assert.Equal(files + delen.Count, app.StoredFiles().Count);
        var uploaded = await app.GetAsync(url);
        Assert.All(Delen(uploaded), d => Assert.True(d["voltooid"]!.GetValue<bool>()));
        Assert.Null(uploaded["inhoud"]);
        Assert.True(uploaded["locked"]!.GetValue<bool>());

        var (unlock, _) = await UnlockAsync(document, new { @lock = lockId });
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);

        var done = await app.GetAsync(url);
        Assert.False(done["locked"]!.GetValue<bool>());
        Assert.Empty(done["bestandsdelen"]!.AsArray());
        Assert.Equal(1, done["versie"]!.GetValue<int>());
        Assert.Equal(document["beginRegistratie"]!.GetValue<string>(), done["beginRegistratie"]!.GetValue<string>());
        Assert.Equal(url + "/download?versie=1", done["inhoud"]!.GetValue<string>());
        Assert.Equal(Inhoud.Length, done["bestandsomvang"]!.GetValue<long>());
        Assert.Equal(Inhoud, await DownloadAsync(url));
        Assert.Equal(files + 1, app.StoredFiles().Count); // the joined content; the parts are gone
        Assert.Equal(0, await app.QueryAsync<int>("SELECT count(*) FROM bestandsdeel WHERE uuid = ANY(@u)",
            new { u = delen.Select(d => Guid.Parse(DocumentenApp.Url(d)[^36..])).ToArray() }));

        Assert.Equal(delen.Count, await app.QueryAsync<int>(
            "SELECT count(*) FROM audittrail WHERE hoofd_object = @url AND resource = 'bestandsdeel' AND actie = 'update'", new { url }));
        Assert.Equal(["create"], (await app.NotificationsAsync(url)).Select(n => n["actie"]!.GetValue<string>()));

        // Range (optional in the brief): the download answers a byte range
        var request = new HttpRequestMessage(HttpMethod.Get, DocumentenApp.PathOf(url) + "/download");
        request.Headers.Range = new RangeHeaderValue(10, 19);
        var range = await app.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(Inhoud[10..20], await range.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task D10_AReuploadReplacesThePart_AndItsEarlierFile()
    {
        var document = await CreateUploadAsync(12);
        var (eerste, tweede) = (Delen(document)[0], Delen(document)[1]);
        var bytes = Encoding.UTF8.GetBytes("0123456789AB");
        await UploadAsync(eerste, Encoding.UTF8.GetBytes("xxxxxxxxxx"), Lock(document));
        var files = app.StoredFiles().Count;
        await UploadAsync(eerste, bytes[..10], Lock(document));
        Assert.Equal(files, app.StoredFiles().Count);
        await UploadAsync(tweede, bytes[10..], Lock(document));
        var (unlock, _) = await UnlockAsync(document, new { @lock = Lock(document) });
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        Assert.Equal(bytes, await DownloadAsync(DocumentenApp.Url(document)));
    }

    [Fact]
    public async Task D10_UrlEncodedForm_IsAcceptedToo_BinarySafe()
    {
        var document = await CreateUploadAsync(10);
        var deel = Delen(document)[0];
        byte[] bytes = [(byte)'&', (byte)'=', (byte)'+', (byte)'%', 0, 0xFF, (byte)' ', (byte)'a', 0x80, (byte)'\n'];
        var encoded = new StringBuilder("lock=").Append(Lock(document)).Append("&inhoud=");
        foreach (var b in bytes)
            encoded.Append(b == (byte)' ' ? "+" : $"%{b:X2}");
        encoded.Append("&extra=genegeerd");
        var content = new StringContent(encoded.ToString(), Encoding.ASCII, "application/x-www-form-urlencoded");
        var (response, body) = await PutAsync(app.Client(DocumentenApp.Behandelaar), DocumentenApp.Url(deel), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body!["voltooid"]!.GetValue<bool>());
        var (unlock, _) = await UnlockAsync(document, new { @lock = Lock(document) });
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        Assert.Equal(bytes, await DownloadAsync(DocumentenApp.Url(document)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task D10_WrongLock_Is400IncorrectLockId_NothingStored(bool lockFirst)
    {
        var document = await CreateUploadAsync(10);
        var deel = Delen(document)[0];
        var files = app.StoredFiles().Count;
        var (response, _) = await PutAsync(app.Client(DocumentenApp.Behandelaar), DocumentenApp.Url(deel), Multipart(Inhoud[..10], "verkeerd", lockFirst));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "incorrect-lock-id");
        Assert.Equal(files, app.StoredFiles().Count);
        Assert.False((await app.GetAsync(DocumentenApp.Url(document)))["bestandsdelen"]![0]!["voltooid"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    [InlineData(0)]
    public async Task D10_APartOfTheWrongSize_Is400FileSize_AndTheWrittenFileIsRemoved(int size)
    {
        var document = await CreateUploadAsync(15);
        var deel = Delen(document)[0];
        var files = app.StoredFiles().Count;
        var (response, _) = await PutAsync(app.Client(DocumentenApp.Behandelaar), DocumentenApp.Url(deel), Multipart(new byte[size], Lock(document)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "file-size");
        Assert.Equal(files, app.StoredFiles().Count);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.StoragePath, ".tmp")));
    }

    [Fact]
    public async Task D10_MissingFields_Are400Required_AndOtherMediaTypes415()
    {
        var document = await CreateUploadAsync(10);
        var deel = DocumentenApp.Url(Delen(document)[0]);
        var client = app.Client(DocumentenApp.Behandelaar);
        var files = app.StoredFiles().Count;
        var (noLock, _) = await PutAsync(client, deel, Multipart(Inhoud[..10], null));
        await ProblemAssert.IsProblemAsync(noLock, HttpStatusCode.BadRequest, "invalid", "lock", "required");
        var (noInhoud, _) = await PutAsync(client, deel, Multipart(null, Lock(document)));
        await ProblemAssert.IsProblemAsync(noInhoud, HttpStatusCode.BadRequest, "invalid", "inhoud", "required");
        var (json, _) = await PutAsync(client, deel, new StringContent("{}", Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(json, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var (broken, _) = await PutAsync(client, deel, Broken());
        await ProblemAssert.IsProblemAsync(broken, HttpStatusCode.BadRequest, "parse_error");
        Assert.Equal(files, app.StoredFiles().Count);
    }

    private static ByteArrayContent Broken()
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nbroken"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        return content;
    }

    [Fact]
    public async Task D10_UnlockBeforeEveryPartIsVoltooid_Is400IncompleteUpload_NothingChanged()
    {
        var document = await CreateUploadAsync(15);
        await UploadAsync(Delen(document)[0], Inhoud[..10], Lock(document));
        var (response, _) = await UnlockAsync(document, new { @lock = Lock(document) });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "incomplete-upload");
        var read = await app.GetAsync(DocumentenApp.Url(document));
        Assert.True(read["locked"]!.GetValue<bool>());
        Assert.Equal([true, false], Delen(read).Select(d => d["voltooid"]!.GetValue<bool>()));
        Assert.Null(read["inhoud"]);

        // the upload can still be finished
        await UploadAsync(Delen(document)[1], Inhoud[10..15], Lock(document));
        var (unlock, _) = await UnlockAsync(document, new { @lock = Lock(document) });
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        Assert.Equal(Inhoud[..15], await DownloadAsync(DocumentenApp.Url(document)));
    }

    [Fact]
    public async Task D10_ForcedUnlockOfAnIncompleteUpload_AbandonsIt_ThenNoPartsWithBestandsomvangIs400FileSize()
    {
        var document = await CreateUploadAsync(15);
        var url = DocumentenApp.Url(document);
        var files = app.StoredFiles().Count;
        await UploadAsync(Delen(document)[0], Inhoud[..10], Lock(document));
        var (forced, _) = await UnlockAsync(document, null, DocumentenApp.Ontgrendelaar);
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        var read = await app.GetAsync(url);
        Assert.False(read["locked"]!.GetValue<bool>());
        Assert.Empty(read["bestandsdelen"]!.AsArray());
        Assert.Null(read["inhoud"]);
        Assert.Equal(files, app.StoredFiles().Count); // the uploaded part is removed

        // bestandsomvang 15 but no content and no parts: an ordinary unlock cannot complete it
        var (lockResponse, lockBody) = await app.Client(DocumentenApp.Behandelaar).SendJsonAsync(HttpMethod.Post, DocumentenApp.PathOf(url) + "/lock");
        Assert.Equal(HttpStatusCode.OK, lockResponse.StatusCode);
        var (unlock, _) = await UnlockAsync(document, new { @lock = lockBody!["lock"]!.GetValue<string>() });
        await ProblemAssert.IsProblemAsync(unlock, HttpStatusCode.BadRequest, "invalid", "nonFieldErrors", "file-size");
        Assert.True((await app.GetAsync(url))["locked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task D10_ForcedUnlockOfACompleteUpload_CompletesIt()
    {
        var document = await CreateUploadAsync(15);
        await UploadAsync(Delen(document)[0], Inhoud[..10], Lock(document));
        await UploadAsync(Delen(document)[1], Inhoud[10..15], Lock(document));
        var (forced, _) = await UnlockAsync(document, null, DocumentenApp.Ontgrendelaar);
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        Assert.Equal(Inhoud[..15], await DownloadAsync(DocumentenApp.Url(document)));
    }

    [Fact]
    public async Task D10_Upload_403ForScope_Informatieobjecttype_MaxVertrouwelijkheid_And404ForAnUnknownPart()
    {
        var a = await CreateUploadAsync(10);
        var (scope, _) = await PutAsync(app.Client(DocumentenApp.Lezer), DocumentenApp.Url(Delen(a)[0]), Multipart(Inhoud[..10], Lock(a)));
        await ProblemAssert.IsProblemAsync(scope, HttpStatusCode.Forbidden, "permission_denied");

        var c = await CreateUploadAsync(10, app.C);
        var (type, _) = await PutAsync(app.Client(DocumentenApp.Behandelaar), DocumentenApp.Url(Delen(c)[0]), Multipart(Inhoud[..10], Lock(c)));
        await ProblemAssert.IsProblemAsync(type, HttpStatusCode.Forbidden, "permission_denied");

        var geheim = await CreateUploadAsync(10, vertrouwelijkheid: "zaakvertrouwelijk");
        var (max, _) = await PutAsync(app.Client(DocumentenApp.Slotbeperkt), DocumentenApp.Url(Delen(geheim)[0]), Multipart(Inhoud[..10], Lock(geheim)));
        await ProblemAssert.IsProblemAsync(max, HttpStatusCode.Forbidden, "permission_denied");
        await UploadAsync(Delen(a)[0], Inhoud[..10], Lock(a), DocumentenApp.Slotbeperkt); // openbaar: allowed

        var (missing, _) = await PutAsync(app.Client(DocumentenApp.Behandelaar), $"{DocumentenApp.ApiRoot}/bestandsdelen/{Guid.NewGuid()}",
            Multipart(Inhoud[..10], Lock(a)));
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not_found");

        // a part of a completed upload no longer exists
        var (unlock, _) = await UnlockAsync(a, new { @lock = Lock(a) });
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        var (gone, _) = await PutAsync(app.Client(DocumentenApp.Behandelaar), DocumentenApp.Url(Delen(a)[0]), Multipart(Inhoud[..10], Lock(a)));
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task D10_LargeParts_AreStreamedThroughUploadUnlockAndDownload_WithoutBufferingInMemory()
    {
        const long deel = 16L * 1024 * 1024;
        const long omvang = 2 * deel + 5 * 1024 * 1024 + 7; // three parts: 16 MiB, 16 MiB, 5 MiB + 7
        var url = $"http://127.0.0.1:{TestInfrastructure.FreePort()}";
        await using var host = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("urls", url);
            b.UseSetting("Documenten:BestandsdeelGrootte", deel.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        host.UseKestrel();
        host.StartServer();
        // A plain client: the factory's client has a redirect handler that buffers every request body in memory.
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) }.WithToken(DocumentenApp.Beheerder, DocumentenApp.Secret);

        var create = await client.SendJsonAsync(HttpMethod.Post, Documenten, new Dictionary<string, object?>(DocumentenApp.DocumentBody(app.A, inhoud: null))
        {
            ["bestandsomvang"] = omvang,
        });
        Assert.Equal(HttpStatusCode.Created, create.Response.StatusCode);
        var document = create.Body!.AsObject();
        var delen = Delen(document);
        Assert.Equal([deel, deel, omvang - 2 * deel], delen.Select(d => d["omvang"]!.GetValue<long>()));

        long offset = 0;
        foreach (var part in delen)
        {
            var size = part["omvang"]!.GetValue<long>();
            var form = new MultipartFormDataContent { { new StringContent(Lock(document)), "lock" } };
            form.Add(new StreamContent(new PatternStream(offset, size)), "inhoud", "deel.bin");
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var response = await client.PutAsync(DocumentenApp.PathOf(DocumentenApp.Url(part)), form);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.True(allocated < size / 4 || size < 8 * 1024 * 1024, $"PUT of {size} bytes allocated {allocated} bytes");
            offset += size;
        }

        var unlockAllocated = GC.GetTotalAllocatedBytes(precise: true);
        var (unlock, _) = await client.SendJsonAsync(HttpMethod.Post, DocumentenApp.PathOf(DocumentenApp.Url(document)) + "/unlock",
            new { @lock = Lock(document) });
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        unlockAllocated = GC.GetTotalAllocatedBytes(precise: true) - unlockAllocated;
        Assert.True(unlockAllocated < omvang / 4, $"unlock of {omvang} bytes allocated {unlockAllocated} bytes");

        var downloadAllocated = GC.GetTotalAllocatedBytes(precise: true);
        using var download = await client.GetAsync(DocumentenApp.PathOf(DocumentenApp.Url(document)) + "/download", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(omvang, download.Content.Headers.ContentLength);
        await using var stream = await download.Content.ReadAsStreamAsync();
        var actual = await SHA256.HashDataAsync(stream);
        downloadAllocated = GC.GetTotalAllocatedBytes(precise: true) - downloadAllocated;
        Assert.True(downloadAllocated < omvang / 4, $"download of {omvang} bytes allocated {downloadAllocated} bytes");
        Assert.Equal(await SHA256.HashDataAsync(new PatternStream(0, omvang)), actual);
    }

    [Fact]
    public async Task UrlEncodedFormReader_DecodesAcrossReadBoundaries()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var body = "a=1&&lock=ab%2Bc+d&inhoud=" + string.Concat(bytes.Select(b => $"%{b:x2}")) + "&leeg&x=";
        var reader = new UrlEncodedFormReader(new TrickleStream(Encoding.ASCII.GetBytes(body)));
        var fields = new List<(string, byte[])>();
        while (await reader.ReadKeyAsync(default) is { } key)
        {
            var value = new MemoryStream();
            await reader.OpenValue().CopyToAsync(value);
            fields.Add((key, value.ToArray()));
        }
        Assert.Equal(["a", "lock", "inhoud", "leeg", "x"], fields.Select(f => f.Item1));
        Assert.Equal("ab+c d", Encoding.UTF8.GetString(fields[1].Item2));
        Assert.Equal(bytes, fields[2].Item2);
        Assert.Empty(fields[3].Item2);
        Assert.Empty(fields[4].Item2);
    }

    /// <summary>Deterministic content of any length, generated while read (never held in memory).</summary>
    private sealed class PatternStream(long start, long length) : Stream
    {
        private long _position;

        public static byte At(long i) => (byte)((i * 2654435761L) >> 13);

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
                buffer[offset + i] = At(start + _position + i);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Gives its bytes one or two at a time, so a %XX is split over reads.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, ++_reads % 2 + 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, ++_reads % 2 + 1)], ct);
    }
}
