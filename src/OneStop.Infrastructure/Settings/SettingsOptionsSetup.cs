using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Email;
using OneStop.Infrastructure.Files;
using OneStop.Infrastructure.Payments;

namespace OneStop.Infrastructure.Settings;

/// <summary>
/// Lays the database settings over the configured options when an options instance is built: at once for options read per
/// request or through a monitor, after a restart for services that keep their options for the life of the process.
/// </summary>
internal sealed class SettingsOptionsSetup(SettingsCache settings)
    : IPostConfigureOptions<ProvinceOptions>, IPostConfigureOptions<FileStoreOptions>, IPostConfigureOptions<EmailOptions>,
      IPostConfigureOptions<PaymentOptions>
{
    public void PostConfigure(string? name, ProvinceOptions options)
    {
        if (settings.Current.Get<ProvinceSettings>(SettingSections.Province) is { } province)
        {
            options.Name = province.ProvinceName;
            options.Code = province.Code;
            options.PeopleCommitteeIdentifier = province.PeopleCommitteeIdentifier;
            options.Place = province.Place;
            options.PublicBaseUrl = province.PublicBaseUrl;
        }
    }

    public void PostConfigure(string? name, FileStoreOptions options)
    {
        if (settings.Current.Get<UploadSettings>(SettingSections.Uploads) is { } uploads)
        {
            options.MaxFileBytes = uploads.MaxFileMegabytes * 1024L * 1024L;
            options.MaxFilesPerDossier = uploads.MaxFilesPerDossier;
        }
    }

    public void PostConfigure(string? name, EmailOptions options)
    {
        var snapshot = settings.Current;
        if (snapshot.Get<SmtpSettings>(SettingSections.Smtp) is { Enabled: true } smtp)
        {
            options.Mode = "Smtp";
            options.From = smtp.From;
            options.Smtp = new SmtpOptions
            {
                Host = smtp.Host, Port = smtp.Port, UseStartTls = smtp.UseStartTls, UserName = smtp.UserName,
                Password = snapshot.Secret(SettingSections.Smtp, "password"),
            };
        }
    }

    public void PostConfigure(string? name, PaymentOptions options)
    {
        var snapshot = settings.Current;
        if (snapshot.Get<PaymentSettings>(SettingSections.Payment) is { Enabled: true } payment
            && string.Equals(payment.Provider, SimulatedPaymentProvider.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            options.Provider = SimulatedPaymentProvider.ProviderName;
            if (snapshot.Secret(SettingSections.Payment, "secretKey") is { Length: > 0 } key)
            {
                options.Simulated.Key = key;
            }
        }
    }
}
