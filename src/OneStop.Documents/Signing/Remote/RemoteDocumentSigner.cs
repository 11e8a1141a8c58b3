namespace OneStop.Documents.Signing.Remote;

/// <summary>
/// A signer whose key is held by a CA's remote-signing service: signing submits a request and waits (polling) until the
/// person confirms, refuses, or the time runs out. Callers that cannot wait keep the <see cref="PreparedSignature"/>,
/// submit the request themselves and complete it when the service answers.
/// </summary>
public sealed class RemoteDocumentSigner(IRemoteSigningService service, string signerAccount, RemoteSigningOptions? options = null, TimeProvider? time = null)
    : IDocumentSigner
{
    private readonly RemoteSigningOptions _options = options ?? new RemoteSigningOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public Task<SignerCertificate> GetCertificateAsync(CancellationToken cancellationToken) =>
        service.GetCertificateAsync(signerAccount, cancellationToken);

    public async Task<SignatureValue> SignAsync(SignatureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = await service.SubmitAsync(
            new RemoteSigningRequest(signerAccount, request.DataToBeSignedDigest, request.DocumentDigest, $"OneStop: ký số {request.DocumentTitle}"),
            cancellationToken).ConfigureAwait(false);
        var deadline = _time.GetUtcNow() + _options.Timeout;
        while (true)
        {
            var status = await service.GetStatusAsync(id, cancellationToken).ConfigureAwait(false);
            switch (status.State)
            {
                case RemoteSigningState.Signed when status.Signature is not null:
                    return status.Signature;
                case RemoteSigningState.Denied:
                    throw new SigningException(SigningErrors.Denied, "Người ký đã từ chối ký số trên thiết bị" + Suffix(status.Message) + "; văn bản chưa được ký.");
                case RemoteSigningState.Expired:
                    throw new SigningException(SigningErrors.Expired, "Yêu cầu ký số từ xa đã hết hạn mà người ký chưa xác nhận" + Suffix(status.Message) + "; văn bản chưa được ký.");
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new SigningException(SigningErrors.Expired,
                    $"Người ký chưa xác nhận ký số trên thiết bị sau {_options.Timeout.TotalMinutes:0.#} phút; văn bản chưa được ký, hãy thực hiện lại.");
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Suffix(string? message) => string.IsNullOrWhiteSpace(message) ? "" : $" ({message})";
}
