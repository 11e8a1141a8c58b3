using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Infrastructure.Settings;
using OneStop.Web.Features.Admin.Settings;

namespace OneStop.Web.Pages.Admin;

/// <summary>Province identity, SMTP, payment provider and upload limits.</summary>
public sealed class SettingsModel(SettingsAdmin settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Message { get; set; }

    public SettingsAdmin Settings => settings;

    public Task<IActionResult> OnPostProvinceAsync(string? provinceName, string? place, string? code, string? identifier, string? publicBaseUrl,
        CancellationToken cancellationToken) =>
        RunAsync(() => settings.SaveProvinceAsync(new ProvinceSettings(provinceName ?? "", place ?? "", code ?? "", identifier, publicBaseUrl ?? ""),
            cancellationToken), "Đã lưu thông tin tỉnh.");

    public Task<IActionResult> OnPostSmtpAsync(bool enabled, string? host, int port, bool useStartTls, string? userName, string? from, string? password,
        CancellationToken cancellationToken) =>
        RunAsync(() => settings.SaveSmtpAsync(new SmtpSettings(enabled, host ?? "", port, useStartTls, userName, from ?? ""), password, cancellationToken),
            "Đã lưu cấu hình thư điện tử.");

    public Task<IActionResult> OnPostPaymentAsync(bool enabled, string? provider, string? merchantCode, string? returnUrl, string? secretKey,
        CancellationToken cancellationToken) =>
        RunAsync(() => settings.SavePaymentAsync(new PaymentSettings(enabled, provider ?? "", merchantCode, returnUrl), secretKey, cancellationToken),
            "Đã lưu cấu hình thanh toán.");

    public Task<IActionResult> OnPostUploadsAsync(int maxFileMegabytes, int maxFilesPerDossier, CancellationToken cancellationToken) =>
        RunAsync(() => settings.SaveUploadsAsync(new UploadSettings(maxFileMegabytes, maxFilesPerDossier), cancellationToken), "Đã lưu giới hạn tải tệp.");

    private async Task<IActionResult> RunAsync(Func<Task> change, string done)
    {
        try
        {
            await change();
            return RedirectToPage(new { message = done });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
    }
}
