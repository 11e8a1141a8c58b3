using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Infrastructure.Signing;

namespace OneStop.Web.Pages.Admin;

/// <summary>
/// The signing console: each agency's seal certificate and each official's own, with issuer and expiry (expiring soon and expired shown),
/// uploaded as PKCS#12 and kept encrypted, or (officials only) an account at the CA's remote-signing service ("ký số từ xa"); the title
/// each official signs under; the root certificates /verify trusts.
/// </summary>
[RequestSizeLimit(256 * 1024)]
public sealed class SigningModel(SigningCredentials credentials, IOptions<SigningOptions> options, IServiceProvider services, TimeProvider clock) : PageModel
{
    /// <summary>Whether a CA's remote-signing service (or the simulator) is connected.</summary>
    public bool RemoteAvailable => RemoteSigningServices.Resolve(services) is not null;

    public IReadOnlyList<SigningHolder> Holders { get; private set; } = [];

    /// <summary>With the simulator as the CA: the demo account each demo official can be given (shown as a hint).</summary>
    public IReadOnlyDictionary<Guid, string> SimulatorAccounts { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<SigningTrustAnchor> Anchors { get; private set; } = [];

    public SigningOptions Settings => options.Value;

    public DateTimeOffset Now => clock.GetUtcNow();

    [TempData] public string? Message { get; set; }

    [TempData] public string? Error { get; set; }

    public string StateOf(SigningCredential? credential) => credential switch
    {
        null => "missing",
        _ when Now >= credential.NotAfter => "expired",
        _ when Now < credential.NotBefore => "not-yet-valid",
        _ when credential.NotAfter - Now <= TimeSpan.FromDays(Settings.WarnDays) => "expiring",
        _ => "valid",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Holders = await credentials.HoldersAsync(cancellationToken);
        Anchors = await credentials.TrustAnchorsAsync(cancellationToken);
        if (services.GetRequiredService<IOptions<RemoteSigningSettings>>().Value.Simulator)
        {
            SimulatorAccounts = await services.GetRequiredService<Infrastructure.Seeding.DemoRemoteSigningAccounts>().ByOfficialAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostUploadAsync(SigningOwner owner, Guid id, IFormFile? file, string? password, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Error = "Hãy chọn tệp chứng thư số (.p12, .pfx).";
            return RedirectToPage();
        }

        if (file.Length > SigningCredentials.MaxFileBytes)
        {
            Error = "Tệp chứng thư số phải là tệp PKCS#12 (.p12, .pfx) không quá 64 KB.";
            return RedirectToPage();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        try
        {
            var uploadedBy = Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var by) ? by : (Guid?)null;
            var credential = await credentials.UploadAsync(owner, id, buffer.ToArray(), password, uploadedBy, cancellationToken: cancellationToken);
            Message = $"Đã cập nhật chứng thư số của {credential.SignerName}, có hiệu lực đến {VietnameseFormats.DateTime(credential.NotAfter)}.";
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            Error = "Không lưu được chứng thư số: người hoặc cơ quan này không còn trong hệ thống.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoteAsync(Guid id, string? account, CancellationToken cancellationToken)
    {
        try
        {
            var assignedBy = Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var by) ? by : (Guid?)null;
            var credential = await credentials.AssignRemoteAsync(id, account, RemoteSigningServices.Resolve(services), assignedBy, cancellationToken);
            Message = $"Đã gán tài khoản ký số từ xa cho {credential.SignerName} (chứng thư số cấp bởi {credential.IssuerName}, có hiệu lực đến "
                      + $"{VietnameseFormats.DateTime(credential.NotAfter)}).";
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            Error = "Không lưu được tài khoản ký số từ xa: cán bộ này không còn trong hệ thống.";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = await credentials.RevokeAsync(id, cancellationToken)
            ? "Đã thu hồi chứng thư số; các văn bản đã ký trước đó vẫn giữ nguyên giá trị."
            : "Chứng thư số này đã được thu hồi hoặc không còn.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPositionAsync(Guid id, string? position, CancellationToken cancellationToken)
    {
        try
        {
            Message = await credentials.SetPositionAsync(id, position, cancellationToken) ? "Đã cập nhật chức danh ký." : "Không tìm thấy cán bộ.";
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAnchorAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > SigningCredentials.MaxFileBytes)
        {
            Error = "Hãy chọn tệp chứng thư số gốc (.crt, .cer, .pem) không quá 64 KB.";
            return RedirectToPage();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        try
        {
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                using var pem = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(text);
                bytes = pem.RawData;
            }

            var anchor = await credentials.AddTrustAnchorAsync(bytes, cancellationToken: cancellationToken);
            Message = $"Đã thêm chứng thư số gốc {anchor.Name}.";
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            Error = "Tệp không phải chứng thư số gốc (.crt, .cer, .pem).";
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAnchorAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = await credentials.RemoveTrustAnchorAsync(id, cancellationToken) ? "Đã bỏ chứng thư số gốc." : "Chứng thư số gốc này không còn.";
        return RedirectToPage();
    }
}
