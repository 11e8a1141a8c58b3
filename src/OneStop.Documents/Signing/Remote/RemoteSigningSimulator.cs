using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneStop.Documents.Signing.Remote;

/// <summary>
/// A stand-in for a CA's remote-signing service, for development and tests (like the payment simulator): it holds test
/// keys per account, and a request is confirmed automatically after <see cref="AutoConfirmAfter"/> or explicitly with
/// <see cref="Confirm"/> / <see cref="Deny"/>. It can answer with a raw signature or with a CMS it builds itself, as CAs do.
/// </summary>
public sealed class RemoteSigningSimulator(TimeProvider? time = null) : IRemoteSigningService
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, X509Certificate2Collection> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Request> _requests = new(StringComparer.Ordinal);

    /// <summary>Confirm each request by itself after this long; null: wait for <see cref="Confirm"/>.</summary>
    public TimeSpan? AutoConfirmAfter { get; set; } = TimeSpan.Zero;

    /// <summary>Requests nobody confirmed expire after this long.</summary>
    public TimeSpan ExpiresAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Answer with a CMS built by the "CA" instead of a raw signature.</summary>
    public bool ReturnCms { get; set; }

    /// <summary>Where an account not given with <see cref="AddAccount"/> is looked up (e.g. the demo province's, kept elsewhere); null: unknown.</summary>
    public Func<string, CancellationToken, Task<X509Certificate2Collection?>>? AccountSource { get; set; }

    /// <summary>The requests made so far, newest last, with their state.</summary>
    public IReadOnlyList<(string Id, RemoteSigningRequest Request, RemoteSigningState State)> Requests =>
        [.. _requests.Values.OrderBy(r => r.Created).Select(r => (r.Id, r.Data, State(r)))];

    /// <summary>Gives an account a test key (a PKCS#12 with the certificate, key and issuers).</summary>
    public void AddAccount(string account, byte[] pkcs12, string password) =>
        _accounts[account] = X509CertificateLoader.LoadPkcs12Collection(pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);

    public async Task<SignerCertificate> GetCertificateAsync(string signerAccount, CancellationToken cancellationToken) =>
        SignerCertificate.FromCollection(await FindAccountAsync(signerAccount, cancellationToken).ConfigureAwait(false));

    public async Task<string> SubmitAsync(RemoteSigningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await FindAccountAsync(request.SignerAccount, cancellationToken).ConfigureAwait(false);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _requests[id] = new Request(id, request, _time.GetUtcNow());
        return id;
    }

    public Task<RemoteSigningStatus> GetStatusAsync(string transactionId, CancellationToken cancellationToken)
    {
        if (!_requests.TryGetValue(transactionId, out var r))
        {
            return Task.FromResult(new RemoteSigningStatus(RemoteSigningState.Expired, Message: "Không tìm thấy giao dịch"));
        }

        return Task.FromResult(State(r) switch
        {
            RemoteSigningState.Signed => new RemoteSigningStatus(RemoteSigningState.Signed, Sign(r.Data)),
            RemoteSigningState.Denied => new RemoteSigningStatus(RemoteSigningState.Denied, Message: r.DenyReason),
            var s => new RemoteSigningStatus(s),
        });
    }

    /// <summary>The person confirms on their device.</summary>
    public void Confirm(string transactionId) => Find(transactionId).Confirmed = true;

    /// <summary>The person refuses on their device.</summary>
    public void Deny(string transactionId, string reason = "Người ký từ chối")
    {
        var r = Find(transactionId);
        r.Denied = true;
        r.DenyReason = reason;
    }

    private RemoteSigningState State(Request r)
    {
        var age = _time.GetUtcNow() - r.Created;
        return r.Denied ? RemoteSigningState.Denied
            : r.Confirmed || (AutoConfirmAfter is { } after && age >= after) ? RemoteSigningState.Signed
            : age >= ExpiresAfter ? RemoteSigningState.Expired
            : RemoteSigningState.Pending;
    }

    private SignatureValue Sign(RemoteSigningRequest request)
    {
        var signer = SignerCertificate.FromCollection(Account(request.SignerAccount));
        using var key = signer.Certificate.GetRSAPrivateKey()!;
        if (!ReturnCms)
        {
            return SignatureValue.Raw(key.SignHash(request.DataToBeSignedDigest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        // A CA that makes the CMS itself signs the document digest: OneStop's own attributes, over a message-digest it was given.
        return SignatureValue.FromCms(Cades.CadesSignature.OverDigest(request.DocumentDigest, signer, key));
    }

    private async Task<X509Certificate2Collection> FindAccountAsync(string account, CancellationToken cancellationToken)
    {
        if (!_accounts.ContainsKey(account) && AccountSource is { } source
            && await source(account, cancellationToken).ConfigureAwait(false) is { Count: > 0 } found)
        {
            _accounts.TryAdd(account, found);
        }

        return Account(account);
    }

    private X509Certificate2Collection Account(string account) =>
        _accounts.TryGetValue(account, out var c) ? c : throw new SigningException(SigningErrors.CertificateMissing,
            $"Tài khoản ký số từ xa '{account}' không có chứng thư số.");

    private Request Find(string id) =>
        _requests.TryGetValue(id, out var r) ? r : throw new KeyNotFoundException($"No signing request {id}.");

    private sealed class Request(string id, RemoteSigningRequest data, DateTimeOffset created)
    {
        public string Id { get; } = id;

        public RemoteSigningRequest Data { get; } = data;

        public DateTimeOffset Created { get; } = created;

        public volatile bool Confirmed;

        public volatile bool Denied;

        public string? DenyReason;
    }
}
