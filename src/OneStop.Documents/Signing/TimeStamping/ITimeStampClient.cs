namespace OneStop.Documents.Signing.TimeStamping;

/// <summary>Sends an RFC 3161 time-stamp query to a time-stamp authority and returns its DER-encoded TimeStampResp.</summary>
public interface ITimeStampClient
{
    Task<byte[]> RequestAsync(byte[] timeStampQuery, CancellationToken cancellationToken);
}
