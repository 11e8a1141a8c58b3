using System.Net;
using System.Net.Http.Headers;
using OneStop.Documents.Signing.Development;

namespace OneStop.Documents.Tests.Support;

/// <summary>Serves a development TSA inside the test process over HttpClient's handler (no socket, no network).</summary>
public sealed class InProcessTimeStampHandler(DevelopmentTimeStampAuthority tsa) : HttpMessageHandler
{
    public int Requests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        if (request.Method != HttpMethod.Post || request.Content?.Headers.ContentType?.MediaType != "application/timestamp-query")
        {
            return new HttpResponseMessage(HttpStatusCode.UnsupportedMediaType);
        }

        var query = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var content = new ByteArrayContent(tsa.Respond(query));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-reply");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
