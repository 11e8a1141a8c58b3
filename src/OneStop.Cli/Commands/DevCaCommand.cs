using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OneStop.Documents.Signing.Development;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OneStop.Cli.Commands;

/// <summary>
/// onestop dev-ca [--person NAME]... [--agency NAME]... [--out DIR] [--password P] [--new]: a development certificate
/// authority (root, issuing CA, time-stamp authority) and PKCS#12 files for named people and agencies, so the demo
/// province can sign. Written under .local/dev-ca (git-ignored), never committed, refused as a trust anchor in production.
/// </summary>
internal sealed class DevCaCommand : Command<DevCaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--person <NAME>")]
        [Description("A person to issue a signing certificate for (repeatable), e.g. \"Vi Văn Thắng\"")]
        public string[] People { get; init; } = [];

        [CommandOption("--agency <NAME>")]
        [Description("An agency to issue a seal certificate for (repeatable), e.g. \"Sở Giao thông vận tải tỉnh Lạng Sơn\"")]
        public string[] Agencies { get; init; } = [];

        [CommandOption("--organization <NAME>")]
        [Description("The organisation (O=) printed in people's certificates")]
        public string? Organization { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Where to write (default: .local/dev-ca in the checkout)")]
        public string? Out { get; init; }

        [CommandOption("--password <P>")]
        [Description("Password of the PKCS#12 files (default: onestop-dev)")]
        public string Password { get; init; } = "onestop-dev";

        [CommandOption("--new")]
        [Description("Make a new CA even if one exists in the folder (certificates issued by the old one stop verifying)")]
        public bool New { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(settings.Out ?? Path.Combine(CheckoutRoot(), ".local", "dev-ca"));
        Directory.CreateDirectory(folder);
        var caFile = Path.Combine(folder, "ca.p12");
        DevelopmentCertificateAuthority ca;
        if (File.Exists(caFile) && !settings.New)
        {
            try
            {
                ca = DevelopmentCertificateAuthority.Load(File.ReadAllBytes(caFile), settings.Password);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                AnsiConsole.MarkupLine($"[red]Không mở được[/] {Markup.Escape(caFile)}: sai mật khẩu (--password) hoặc tệp hỏng. Dùng --new để tạo CA mới.");
                return 1;
            }

            AnsiConsole.MarkupLine($"Dùng CA phát triển có sẵn trong [bold]{Markup.Escape(folder)}[/].");
        }
        else
        {
            ca = DevelopmentCertificateAuthority.Create();
            File.WriteAllBytes(caFile, ca.ExportCa(settings.Password));
            File.WriteAllText(Path.Combine(folder, "root-ca.crt"), ca.Root.ExportCertificatePem() + "\n");
            File.WriteAllText(Path.Combine(folder, "issuing-ca.crt"), ca.IssuingCa.ExportCertificatePem() + "\n");
            using var tsa = ca.IssueTimeStampAuthority();
            File.WriteAllBytes(Path.Combine(folder, "tsa.p12"), ca.ExportPkcs12(tsa, settings.Password));
            AnsiConsole.MarkupLine($"Đã tạo CA phát triển mới trong [bold]{Markup.Escape(folder)}[/] (root-ca.crt là trust anchor cho môi trường phát triển).");
        }

        using (ca)
        {
            var people = settings.People.Length == 0 && settings.Agencies.Length == 0 ? ["Nguyễn Văn Thử"] : settings.People;
            var agencies = settings.People.Length == 0 && settings.Agencies.Length == 0 ? ["Sở Giao thông vận tải tỉnh Lạng Sơn"] : settings.Agencies;
            var table = new Table().AddColumns("Loại", "Tên", "Tệp", "Hết hạn");
            foreach (var name in people)
            {
                using var c = ca.IssuePerson(name, settings.Organization);
                table.AddRow("Cá nhân", Markup.Escape(name), Markup.Escape(Write(folder, "people", name, ca.ExportPkcs12(c, settings.Password))), Expiry(c));
            }

            foreach (var name in agencies)
            {
                using var c = ca.IssueSeal(name);
                table.AddRow("Cơ quan", Markup.Escape(name), Markup.Escape(Write(folder, "agencies", name, ca.ExportPkcs12(c, settings.Password))), Expiry(c));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Mật khẩu các tệp .p12: [bold]{Markup.Escape(settings.Password)}[/] — chỉ dùng để phát triển và thử nghiệm, không bao giờ dùng thật.");
        }

        return 0;
    }

    private static string Write(string folder, string kind, string name, byte[] pkcs12)
    {
        var dir = Path.Combine(folder, kind);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, Slug(name) + ".p12");
        File.WriteAllBytes(path, pkcs12);
        return Path.GetRelativePath(folder, path);
    }

    private static string Expiry(X509Certificate2 c) => c.NotAfter.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    // "Vi Văn Thắng" → "vi-van-thang".
    internal static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            var c = ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch);
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-') is { Length: > 0 } slug ? slug : "khong-ten";
    }

    private static string CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
