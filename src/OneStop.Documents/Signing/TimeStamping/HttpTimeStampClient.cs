using System.Net.Http.Headers;

namespace OneStop.Documents.Signing.TimeStamping;

/// <summary>RFC 3161 over HTTP (section 3.4): POST application/timestamp-query, expect application/timestamp-reply.</summary>
public sealed class HttpTimeStampClient(HttpClient http, Uri url) : ITimeStampClient
{
    public async Task<byte[]> RequestAsync(byte[] timeStampQuery, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(timeStampQuery);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SigningException(SigningErrors.TimeStampFailed,
                $"Máy chủ cấp dấu thời gian trả lời lỗi {(int)response.StatusCode}; văn bản chưa được ký.");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/timestamp-reply")
        {
            throw new SigningException(SigningErrors.TimeStampFailed,
                "Máy chủ cấp dấu thời gian trả về dữ liệu không đúng định dạng RFC 3161; văn bản chưa được ký.");
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }
}
