using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Common;
using OneStop.Infrastructure.Files;

namespace OneStop.IntegrationTests.Portal;

/// <summary>
/// The upload checks give the same answers whether the request holds the file in memory (a small form file: a seekable stream,
/// checked in a pooled buffer) or streams it (a large one, or a stream that cannot seek: copied to a temporary file).
/// </summary>
public sealed class UploadInspectorTests
{
    public static TheoryData<string> Shapes => ["seekable", "forward-only"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_valid_upload_reads_back_whole_as_often_as_asked(string shape)
    {
        foreach (var size in new[] { 9, 200 * 1024, UploadInspector.InMemoryBytes, UploadInspector.InMemoryBytes + 1 })
        {
            var content = Pdf(size);
            await using var inspected = await UploadInspector.InspectAsync(new Upload("tờ khai.pdf", Stream(content, shape)), 10 * 1024 * 1024);
            Assert.Equal(size, inspected.Size);
            Assert.Equal("application/pdf", inspected.ContentType);
            for (var read = 0; read < 2; read++)
            {
                await using var stream = inspected.OpenRead();
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                Assert.Equal(SHA256.HashData(content), SHA256.HashData(copy.ToArray()));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Empty_too_large_and_mistyped_uploads_are_refused_with_their_reason(string shape)
    {
        Assert.Equal("attachment.empty", (await Refused([], shape, 1000)).Code);
        Assert.Equal("attachment.too_large", (await Refused(Pdf(1001), shape, 1000)).Code);
        Assert.Equal("attachment.too_large", (await Refused(Pdf(UploadInspector.InMemoryBytes + 10), shape, UploadInspector.InMemoryBytes)).Code);
        var script = Encoding.ASCII.GetBytes("<script>alert(1)</script>");
        Assert.Equal("attachment.type", (await Refused(script, shape, 1000)).Code);
    }

    private static async Task<DomainException> Refused(byte[] content, string shape, long maxBytes) =>
        await Assert.ThrowsAsync<DomainException>(() => UploadInspector.InspectAsync(new Upload("x.pdf", Stream(content, shape)), maxBytes));

    private static byte[] Pdf(int size)
    {
        var content = new byte[size];
        RandomNumberGenerator.Fill(content);
        Encoding.ASCII.GetBytes("%PDF-1.7\n")[..Math.Min(9, size)].CopyTo(content, 0);
        return content;
    }

    private static Stream Stream(byte[] content, string shape) =>
        shape == "seekable" ? new MemoryStream(content, writable: false) : new ForwardOnly(content);

    /// <summary>A request body as it arrives unbuffered: no length, no seeking.</summary>
    private sealed class ForwardOnly(byte[] content) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
