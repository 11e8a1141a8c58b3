using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Documents.Signing;
using OneStop.Documents.Signing.Remote;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Signing;

/// <summary>Stores, lists and opens the certificates OneStop signs with: one per official and one per agency, encrypted at rest.</summary>
public sealed class SigningCredentials(OneStopDbContext db, IUnitOfWork unitOfWork, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "OneStop.Signing.Credentials.v1";

    /// <summary>The largest .p12 accepted (a certificate, its key and a chain take a few kilobytes).</summary>
    public const int MaxFileBytes = 64 * 1024;

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>Checks the file (password, key, validity) and puts it in force for the official or agency, revoking the one it replaces.</summary>
    public async Task<SigningCredential> UploadAsync(SigningOwner owner, Guid ownerId, byte[] pkcs12, string? password, Guid? uploadedBy,
        bool demo = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pkcs12);
        if (pkcs12.Length == 0 || pkcs12.Length > MaxFileBytes)
        {
            throw new DomainException("signing.file_invalid", "Tệp chứng thư số phải là tệp PKCS#12 (.p12, .pfx) không quá 64 KB.");
        }

        CertificateSummary summary;
        try
        {
            using var signer = Pkcs12DocumentSigner.Load(pkcs12, password);
            var certificate = signer.Certificate;
            if (!certificate.Certificate.HasPrivateKey)
            {
                throw new SigningException(SigningErrors.PrivateKeyMissing, "Tệp không chứa khóa bí mật của chứng thư số.");
            }

            CertificateChecks.EnsureUsable(certificate, clock.GetUtcNow());
            summary = CertificateSummary.Of(certificate.Certificate);
        }
        catch (SigningException e)
        {
            throw new DomainException(e.Code, e.Message);
        }

        var now = clock.GetUtcNow();
        var sealedKey = Protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new StoredKey(pkcs12, password)));
        var credential = new SigningCredential(owner, owner == SigningOwner.Official ? ownerId : null, owner == SigningOwner.Agency ? ownerId : null,
            sealedKey, summary, now, uploadedBy, demo);
        await PutInForceAsync(owner, ownerId, credential, cancellationToken);
        return credential;
    }

    /// <summary>
    /// Gives an official a remote-signing account at the CA ("ký số từ xa"): the certificate is fetched from the CA and checked like a
    /// PKCS#12's, then put in force instead of the official's current credential (of either kind). Agencies' seals stay PKCS#12.
    /// </summary>
    public async Task<SigningCredential> AssignRemoteAsync(Guid userId, string? account, IRemoteSigningService? service, Guid? assignedBy,
        CancellationToken cancellationToken = default)
    {
        var id = account?.Normalize(System.Text.NormalizationForm.FormC).Trim();
        if (string.IsNullOrEmpty(id) || id.Length > 200 || id.Any(char.IsControl))
        {
            throw new DomainException("signing.account_invalid", "Nhập mã tài khoản ký số từ xa của cán bộ tại tổ chức chứng thực (tối đa 200 ký tự).");
        }

        if (service is null)
        {
            throw new DomainException("signing.remote_unavailable",
                "Hệ thống chưa được kết nối với dịch vụ ký số từ xa của tổ chức chứng thực. Đề nghị cấu hình Signing:Remote trước khi gán tài khoản.");
        }

        if (!await db.Users.AnyAsync(u => u.Id == userId && u.AgencyId != null, cancellationToken))
        {
            throw new NotFoundException("Không tìm thấy cán bộ.");
        }

        CertificateSummary summary;
        try
        {
            var certificate = await service.GetCertificateAsync(id, cancellationToken);
            CertificateChecks.EnsureUsable(certificate, clock.GetUtcNow());
            summary = CertificateSummary.Of(certificate.Certificate);
        }
        catch (SigningException e)
        {
            throw new DomainException(e.Code, e.Message);
        }
        catch (Exception e) when (Unreachable(e, cancellationToken))
        {
            throw new DomainException("signing.remote_unavailable", "Không kết nối được dịch vụ ký số từ xa của tổ chức chứng thực; hãy thử lại sau.");
        }

        var credential = SigningCredential.Remote(userId, id, summary, clock.GetUtcNow(), assignedBy);
        await PutInForceAsync(SigningOwner.Official, userId, credential, cancellationToken);
        return credential;
    }

    // The CA's service did not answer: refused, failed or timed out (HttpClient's timeout is a TaskCanceledException the caller did not
    // ask for). The caller's own cancellation is not the CA's failure.
    private static bool Unreachable(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutException or IOException || (e is OperationCanceledException && e.IsFailure(cancellationToken));

    // The replaced credential is revoked and the new one put in force together, or neither: never an owner left without one.
    private Task PutInForceAsync(SigningOwner owner, Guid ownerId, SigningCredential credential, CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var current = await db.SigningCredentials
                .Where(c => c.RevokedAt == null && (owner == SigningOwner.Official ? c.UserId == ownerId : c.AgencyId == ownerId))
                .ToListAsync(cancellationToken);
            foreach (var old in current)
            {
                old.Revoke(now);
            }

            // The partial unique index allows one credential in force: the replaced one is revoked first.
            await db.SaveChangesAsync(cancellationToken);
            db.SigningCredentials.Add(credential);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Takes a credential out of force (the documents it signed stay valid).</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var credential = await db.SigningCredentials.SingleOrDefaultAsync(c => c.Id == id && c.RevokedAt == null, cancellationToken);
        if (credential is null)
        {
            return false;
        }

        credential.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The credentials in force (not revoked), expired ones included so pages can show them.</summary>
    public Task<List<SigningCredential>> InForceAsync(CancellationToken cancellationToken = default) =>
        db.SigningCredentials.AsNoTracking().Where(c => c.RevokedAt == null).ToListAsync(cancellationToken);

    /// <summary>The credential in force of an official or agency, or null.</summary>
    public Task<SigningCredential?> FindAsync(SigningOwner owner, Guid ownerId, CancellationToken cancellationToken = default) =>
        db.SigningCredentials.AsNoTracking()
            .Where(c => c.RevokedAt == null && (owner == SigningOwner.Official ? c.UserId == ownerId : c.AgencyId == ownerId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Opens a stored credential to sign with (the caller disposes it).</summary>
    public Pkcs12DocumentSigner Open(SigningCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var stored = JsonSerializer.Deserialize<StoredKey>(Protector.Unprotect(credential.ProtectedKey))
            ?? throw new SigningException(SigningErrors.Failed, "Không đọc được chứng thư số đã lưu.");
        return Pkcs12DocumentSigner.Load(stored.Pkcs12, stored.Password);
    }

    /// <summary>A stored credential's certificate, key and issuers (the remote-signing simulator's demo accounts sign with them).</summary>
    internal X509Certificate2Collection OpenCollection(SigningCredential credential)
    {
        var stored = JsonSerializer.Deserialize<StoredKey>(Protector.Unprotect(credential.ProtectedKey))
            ?? throw new SigningException(SigningErrors.Failed, "Không đọc được chứng thư số đã lưu.");
        return X509CertificateLoader.LoadPkcs12Collection(stored.Pkcs12, stored.Password, X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>Adds a root certificate /verify accepts.</summary>
    public async Task<SigningTrustAnchor> AddTrustAnchorAsync(byte[] certificate, bool demo = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        X509Certificate2 root;
        try
        {
            root = X509CertificateLoader.LoadCertificate(certificate);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new DomainException("signing.anchor_invalid", "Tệp không phải chứng thư số gốc (.crt, .cer, .pem).");
        }

        using (root)
        {
            if (root.Subject != root.Issuer)
            {
                throw new DomainException("signing.anchor_not_root", "Chỉ nhận chứng thư số gốc (tự ký) của tổ chức cung cấp dịch vụ chứng thực.");
            }

            var summary = CertificateSummary.Of(root);
            var existing = await db.SigningTrustAnchors.SingleOrDefaultAsync(a => a.Thumbprint == summary.Thumbprint, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            var anchor = new SigningTrustAnchor(root.RawData, summary, clock.GetUtcNow(), demo);
            db.SigningTrustAnchors.Add(anchor);
            await db.SaveChangesAsync(cancellationToken);
            return anchor;
        }
    }

    public async Task<bool> RemoveTrustAnchorAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.SigningTrustAnchors.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<List<SigningTrustAnchor>> TrustAnchorsAsync(CancellationToken cancellationToken = default) =>
        db.SigningTrustAnchors.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);

    /// <summary>Every official (with the title they sign under) and every open agency, with the credential in force of each, for the console.</summary>
    public async Task<IReadOnlyList<SigningHolder>> HoldersAsync(CancellationToken cancellationToken = default)
    {
        var inForce = await InForceAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ClosedOn == null).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        var officialRoles = new[] { Core.Identity.Roles.Reception, Core.Identity.Roles.Specialist, Core.Identity.Roles.Leader };
        var officials = await (from u in db.Users.AsNoTracking()
                               where u.IsActive && u.AgencyId != null
                                     && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && officialRoles.Contains(r.Name!)))
                               orderby u.FullName
                               select new { u.Id, u.FullName, u.Position, u.AgencyId }).ToListAsync(cancellationToken);
        var holders = new List<SigningHolder>();
        foreach (var agency in agencies)
        {
            holders.Add(new SigningHolder(SigningOwner.Agency, agency.Id, agency.Name, agency.Name, null, inForce.SingleOrDefault(c => c.AgencyId == agency.Id)));
            holders.AddRange(officials.Where(o => o.AgencyId == agency.Id).Select(o =>
                new SigningHolder(SigningOwner.Official, o.Id, o.FullName, agency.Name, o.Position, inForce.SingleOrDefault(c => c.UserId == o.Id))));
        }

        return holders;
    }

    /// <summary>Sets the title an official signs under (lines separated by new lines; empty for the role's default).</summary>
    public async Task<bool> SetPositionAsync(Guid userId, string? position, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.AgencyId != null, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var text = position?.Normalize(System.Text.NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text?.Length > 200)
        {
            throw new DomainException("signing.position_too_long", "Chức danh ký tối đa 200 ký tự.");
        }

        user.Position = string.IsNullOrEmpty(text) ? null : text;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private sealed record StoredKey(byte[] Pkcs12, string? Password);
}

/// <summary>An official or an agency on the signing console, with the credential in force (null when none).</summary>
public sealed record SigningHolder(SigningOwner Owner, Guid Id, string Name, string Agency, string? Position, SigningCredential? Credential);
