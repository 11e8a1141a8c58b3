using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Files;
using OneStop.Infrastructure.Settings;

namespace OneStop.Web.Features.Admin.Settings;

/// <summary>The province's identity on documents, SMTP, the payment provider and upload limits, stored in the database.</summary>
public sealed class SettingsAdmin(SettingsCache cache, SettingsStore store, IOptionsMonitor<ProvinceOptions> province,
    IOptionsMonitor<EmailOptions> email, IOptionsMonitor<FileStoreOptions> files, Security.SimulatorPolicy simulator)
{
    public ProvinceSettings Province => cache.Current.Get<ProvinceSettings>(SettingSections.Province)
        ?? new ProvinceSettings(province.CurrentValue.Name, province.CurrentValue.Place, province.CurrentValue.Code,
            province.CurrentValue.PeopleCommitteeIdentifier, province.CurrentValue.PublicBaseUrl);

    public SmtpSettings Smtp => cache.Current.Get<SmtpSettings>(SettingSections.Smtp)
        ?? new SmtpSettings(email.CurrentValue.Mode == "Smtp", email.CurrentValue.Smtp.Host, email.CurrentValue.Smtp.Port, email.CurrentValue.Smtp.UseStartTls,
            email.CurrentValue.Smtp.UserName, email.CurrentValue.From);

    public bool SmtpHasPassword => cache.Current.Secret(SettingSections.Smtp, "password") is { Length: > 0 };

    public PaymentSettings Payment => cache.Current.Get<PaymentSettings>(SettingSections.Payment) ?? new PaymentSettings(false, "VNPay", null, null);

    public bool PaymentHasKey => cache.Current.Secret(SettingSections.Payment, "secretKey") is { Length: > 0 };

    public UploadSettings Uploads => cache.Current.Get<UploadSettings>(SettingSections.Uploads)
        ?? new UploadSettings((int)(files.CurrentValue.MaxFileBytes / 1024 / 1024), files.CurrentValue.MaxFilesPerDossier);

    public Task SaveProvinceAsync(ProvinceSettings input, CancellationToken cancellationToken)
    {
        var value = new ProvinceSettings(Required(input.ProvinceName, "Vui lòng nhập tên tỉnh."), Required(input.Place, "Vui lòng nhập địa danh ghi trên văn bản."),
            Required(input.Code, "Vui lòng nhập mã tỉnh (ví dụ H39).").ToUpperInvariant(), Text.CleanOrNull(input.PeopleCommitteeIdentifier),
            Url(input.PublicBaseUrl, "Địa chỉ cổng dịch vụ công") ?? throw new DomainException("settings.url_required", "Vui lòng nhập địa chỉ cổng dịch vụ công."));
        return store.SaveAsync(SettingSections.Province, value, null, cancellationToken);
    }

    public Task SaveSmtpAsync(SmtpSettings input, string? password, CancellationToken cancellationToken)
    {
        if (input.Port is < 1 or > 65535)
        {
            throw new DomainException("settings.smtp_port", "Cổng SMTP phải từ 1 đến 65535.");
        }

        if (!new EmailAddressAttribute().IsValid(MailAddressOf(input.From)))
        {
            throw new DomainException("settings.smtp_from", "Địa chỉ gửi thư không hợp lệ (ví dụ: OneStop <no-reply@langson.gov.vn>).");
        }

        var value = input with { Host = Required(input.Host, "Vui lòng nhập máy chủ SMTP."), UserName = Text.CleanOrNull(input.UserName), From = Text.Clean(input.From) };
        return store.SaveAsync(SettingSections.Smtp, value, new Dictionary<string, string?> { ["password"] = password }, cancellationToken);
    }

    public Task SavePaymentAsync(PaymentSettings input, string? secretKey, CancellationToken cancellationToken)
    {
        var value = input with
        {
            Provider = Required(input.Provider, "Vui lòng nhập tên nhà cung cấp thanh toán."),
            MerchantCode = Text.CleanOrNull(input.MerchantCode),
            ReturnUrl = Url(input.ReturnUrl, "Địa chỉ trả về sau thanh toán"),
        };
        if (value.Enabled && value.MerchantCode is null)
        {
            throw new DomainException("settings.payment_merchant", "Bật thanh toán trực tuyến cần mã đơn vị (merchant code).");
        }

        // Only a provider the system can talk to may be switched on; a stored name nothing reads would mislead the administrator.
        if (value.Enabled && !string.Equals(value.Provider, OneStop.Infrastructure.Payments.SimulatedPaymentProvider.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("settings.payment_provider",
                $"Chưa hỗ trợ nhà cung cấp thanh toán {value.Provider}; hiện chỉ có Simulated (ngân hàng giả lập).");
        }

        if (value.Enabled && !simulator.Allowed)
        {
            throw new DomainException("settings.payment_simulated",
                "Ngân hàng giả lập chỉ dùng để phát triển và trình diễn (Demo:Enabled=true), không bật được trên hệ thống thật.");
        }

        if (!string.IsNullOrEmpty(secretKey) && secretKey.Length < 16)
        {
            throw new DomainException("settings.payment_key", "Khóa bí mật thanh toán phải có ít nhất 16 ký tự.");
        }

        return store.SaveAsync(SettingSections.Payment, value, new Dictionary<string, string?> { ["secretKey"] = secretKey }, cancellationToken);
    }

    public Task SaveUploadsAsync(UploadSettings input, CancellationToken cancellationToken)
    {
        if (input.MaxFileMegabytes is < 1 or > 100)
        {
            throw new DomainException("settings.upload_size", "Dung lượng tối đa mỗi tệp phải từ 1 đến 100 MB.");
        }

        if (input.MaxFilesPerDossier is < 1 or > 200)
        {
            throw new DomainException("settings.upload_count", "Số tệp tối đa mỗi hồ sơ phải từ 1 đến 200.");
        }

        return store.SaveAsync(SettingSections.Uploads, input, null, cancellationToken);
    }

    private static string Required(string? value, string message) =>
        Text.Clean(value) is { Length: > 0 } clean ? clean : throw new DomainException("settings.required", message);

    private static string? Url(string? value, string field)
    {
        var clean = Text.CleanOrNull(value);
        if (clean is null)
        {
            return null;
        }

        return Uri.TryCreate(clean, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? clean.TrimEnd('/')
            : throw new DomainException("settings.url_invalid", $"{field} không hợp lệ: cần địa chỉ bắt đầu bằng http:// hoặc https://.");
    }

    private static string MailAddressOf(string? from)
    {
        var text = Text.Clean(from);
        var open = text.IndexOf('<', StringComparison.Ordinal);
        return open >= 0 && text.EndsWith('>') ? text[(open + 1)..^1] : text;
    }
}
