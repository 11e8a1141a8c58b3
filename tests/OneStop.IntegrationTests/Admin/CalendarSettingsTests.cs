using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Documents;
using OneStop.Infrastructure.Files;
using OneStop.Testing;
using OneStop.Workflows.Calendar;

namespace OneStop.IntegrationTests.Admin;

public sealed class CalendarSettingsTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        // A test here saves an https public address, after which cookies are Secure: the browser is on https, as people will be.
        var admin = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        await admin.SignInAsync(DemoAccounts.Admin);
        return admin;
    }

    private T InScope<T>(Func<IServiceProvider, T> read)
    {
        using var scope = app.Services.CreateScope();
        return read(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_reviewed_year_is_what_the_working_day_calculations_use()
    {
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/Admin/Calendar?year=2027");
        Assert.Contains("tính tự động theo Bộ luật Lao động 2019", page, StringComparison.Ordinal);
        Assert.Contains("01/01/2027", page, StringComparison.Ordinal);
        Assert.True(InScope(sp => sp.GetRequiredService<WorkingCalendar>().IsWorkingDay(new DateOnly(2027, 3, 10))));

        // A Wednesday made a day off, and the Saturday after it a compensating working day.
        var saved = await admin.PostFormAsync("/Admin/Calendar?year=2027&handler=Year", new Dictionary<string, string>
        {
            ["DaysOff"] = "01/01/2027\n10/03/2027", ["WorkingDays"] = "13/03/2027",
        }, page);
        var after = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu lịch nghỉ lễ năm 2027.", after, StringComparison.Ordinal);
        Assert.Contains("đã được quản trị viên duyệt", after, StringComparison.Ordinal);

        var calendar = InScope(sp => sp.GetRequiredService<WorkingCalendar>());
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 3, 10)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 3, 13)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)), "only the reviewed list applies to 2027");
        await using var db = app.Database.CreateContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.EntityType == "CalendarYear" && a.EntityId == "2027" && a.UserName == DemoAccounts.Admin));
    }

    [Fact]
    public async Task Working_hours_and_the_cut_off_come_from_the_database()
    {
        var admin = await AdminAsync();
        var saved = await admin.PostFormAsync("/Admin/Calendar?handler=Hours", new Dictionary<string, string>
        {
            ["morningStart"] = "08:00", ["morningEnd"] = "12:00", ["afternoonStart"] = "13:00", ["afternoonEnd"] = "17:00", ["cutOff"] = "16:00",
            ["nationalDayCompanion"] = "1",
        });
        Assert.Contains("Đã lưu giờ làm việc.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var calendar = InScope(sp => sp.GetRequiredService<WorkingCalendar>());
        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingDayLength);
        var tuesday = new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.FromHours(7));
        Assert.Equal(tuesday, calendar.CountingStart(tuesday));
    }

    [Theory]
    [InlineData("Year", "DaysOff", "01/01/2026", "không thuộc năm 2027")]
    [InlineData("Year", "DaysOff", "31/02/2027", "không phải ngày hợp lệ")]
    [InlineData("Year", "WorkingDays", "10/03/2027", "phải là thứ Bảy hoặc Chủ nhật")]
    [InlineData("Hours", "cutOff", "18:00", "Giờ chốt tiếp nhận buổi chiều phải nằm trong giờ làm việc.")]
    [InlineData("Hours", "morningEnd", "07:00", "Giờ kết thúc của mỗi buổi phải sau giờ bắt đầu.")]
    public async Task Invalid_calendars_are_refused_with_a_vietnamese_message(string handler, string field, string value, string message)
    {
        var admin = await AdminAsync();
        var form = new Dictionary<string, string>
        {
            ["morningStart"] = "07:30", ["morningEnd"] = "11:30", ["afternoonStart"] = "13:30", ["afternoonEnd"] = "17:00", ["cutOff"] = "15:00",
            ["nationalDayCompanion"] = "1", ["DaysOff"] = "01/01/2027", ["WorkingDays"] = "",
        };
        form[field] = value;
        var response = await admin.PostFormAsync($"/Admin/Calendar?year=2027&handler={handler}", form, await admin.GetStringAsync("/Admin/Calendar?year=2027"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Province_and_upload_limits_are_stored_and_applied()
    {
        var admin = await AdminAsync();
        var province = await admin.PostFormAsync("/Admin/Settings?handler=Province", new Dictionary<string, string>
        {
            ["provinceName"] = "Tỉnh Lạng Sơn", ["place"] = "Lạng Sơn", ["code"] = "h39", ["identifier"] = "000.00.00.H39",
            ["publicBaseUrl"] = "https://dichvucong.langson.gov.vn/",
        });
        Assert.Contains("Đã lưu thông tin tỉnh.", await province.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var uploads = await admin.PostFormAsync("/Admin/Settings?handler=Uploads",
            new Dictionary<string, string> { ["maxFileMegabytes"] = "2", ["maxFilesPerDossier"] = "12" });
        Assert.Contains("Đã lưu giới hạn tải tệp.", await uploads.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal("https://dichvucong.langson.gov.vn", app.Services.GetRequiredService<IOptions<ProvinceOptions>>().Value.PublicBaseUrl);
        Assert.Equal(2L * 1024 * 1024, app.Services.GetRequiredService<IOptions<FileStoreOptions>>().Value.MaxFileBytes);
        Assert.Equal(12, InScope(sp => sp.GetRequiredService<IOptionsSnapshot<FileStoreOptions>>().Value.MaxFilesPerDossier));
        Assert.Contains("value=\"H39\"", await admin.GetStringAsync("/Admin/Settings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_province_an_administrator_names_is_who_issues_every_document()
    {
        var admin = await AdminAsync();
        var saved = await admin.PostFormAsync("/Admin/Settings?handler=Province", new Dictionary<string, string>
        {
            ["provinceName"] = "Thành phố Hải Phòng", ["place"] = "Hải Phòng", ["code"] = "h31", ["identifier"] = "",
            ["publicBaseUrl"] = "https://dichvucong.haiphong.gov.vn",
        });
        Assert.Contains("Đã lưu thông tin tỉnh.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var scenario = new DossierScenario(app.Services);
        var dossier = await scenario.SubmitDrivingLicenceAsync();
        await scenario.ActAsync(dossier, "accept", DemoAccounts.ReceptionSgtvt, "Reception", "MOTCUA");
        await scenario.DeliverEffectsAsync();
        await using var db = app.Database.CreateContext();
        var receipt = PdfText.Of((await db.IssuedDocuments.SingleAsync(d => d.DossierId == dossier.Id && d.Kind == "receipt")).Content);
        Assert.Contains("Văn bản điện tử do Hệ thống thông tin giải quyết thủ tục hành chính thành phố Hải Phòng (mã định danh H31) phát hành.", receipt,
            StringComparison.Ordinal);
        Assert.Contains("Hải Phòng, ngày", receipt, StringComparison.Ordinal);
        Assert.Contains("https://dichvucong.haiphong.gov.vn/verify/", receipt, StringComparison.Ordinal);

        // With the People's Committee's identifier set, that identifier is printed rather than the province code; the register says it too.
        saved = await admin.PostFormAsync("/Admin/Settings?handler=Province", new Dictionary<string, string>
        {
            ["provinceName"] = "Tỉnh Lạng Sơn", ["place"] = "Lạng Sơn", ["code"] = "H39", ["identifier"] = "000.00.00.H39",
            ["publicBaseUrl"] = "https://dichvucong.langson.gov.vn",
        });
        Assert.Contains("Đã lưu thông tin tỉnh.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var agencyId = await db.Agencies.Where(a => a.Code == "SGTVT").Select(a => a.Id).SingleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var register = await InScopeAsync(sp => sp.GetRequiredService<RegisterExporter>().ExportAsync(agencyId, today.AddDays(-1), today, csv: false));
        Assert.Contains("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lạng Sơn (mã định danh 000.00.00.H39)", PdfText.Of(register.Content),
            StringComparison.Ordinal);
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    [Fact]
    public async Task Smtp_saved_by_an_administrator_replaces_the_configured_relay()
    {
        var admin = await AdminAsync();
        var saved = await admin.PostFormAsync("/Admin/Settings?handler=Smtp", new Dictionary<string, string>
        {
            ["enabled"] = "false", ["host"] = "smtp.langson.gov.vn", ["port"] = "465", ["useStartTls"] = "true", ["userName"] = "onestop",
            ["from"] = "Một cửa Lạng Sơn <motcua@langson.gov.vn>", ["password"] = "mat-khau-smtp",
        });
        Assert.Contains("Đã lưu cấu hình thư điện tử.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await admin.GetStringAsync("/Admin/Settings");
        Assert.Contains("smtp.langson.gov.vn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("mat-khau-smtp", page, StringComparison.Ordinal);

        // Disabled: mail keeps going to the configured pickup folder (the test host's), so nothing is sent for real.
        Assert.Equal("Pickup", app.Services.GetRequiredService<IOptions<OneStop.Infrastructure.Email.EmailOptions>>().Value.Mode);
    }

    [Theory]
    [InlineData("Uploads", "maxFileMegabytes", "0", "Dung lượng tối đa mỗi tệp phải từ 1 đến 100 MB.")]
    [InlineData("Smtp", "port", "70000", "Cổng SMTP phải từ 1 đến 65535.")]
    [InlineData("Smtp", "from", "không phải e-mail", "Địa chỉ gửi thư không hợp lệ")]
    [InlineData("Province", "publicBaseUrl", "ftp://x", "không hợp lệ: cần địa chỉ bắt đầu bằng http:// hoặc https://")]
    [InlineData("Payment", "merchantCode", "", "Bật thanh toán trực tuyến cần mã đơn vị")]
    [InlineData("Payment", "provider", "VNPay", "Chưa hỗ trợ nhà cung cấp thanh toán VNPay")]
    [InlineData("Payment", "secretKey", "ngan", "Khóa bí mật thanh toán phải có ít nhất 16 ký tự.")]
    public async Task Invalid_settings_are_refused_with_a_vietnamese_message(string handler, string field, string value, string message)
    {
        var admin = await AdminAsync();
        var form = new Dictionary<string, string>
        {
            ["maxFileMegabytes"] = "10", ["maxFilesPerDossier"] = "30", ["host"] = "smtp.langson.gov.vn", ["port"] = "587", ["from"] = "OneStop <no-reply@langson.gov.vn>",
            ["provinceName"] = "Tỉnh Lạng Sơn", ["place"] = "Lạng Sơn", ["code"] = "H39", ["publicBaseUrl"] = "https://dvc.langson.gov.vn",
            ["enabled"] = "true", ["provider"] = "Simulated", ["merchantCode"] = "LS001",
        };
        form[field] = value;
        var response = await admin.PostFormAsync($"/Admin/Settings?handler={handler}", form, await admin.GetStringAsync("/Admin/Settings"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_are_kept_but_never_shown_or_logged()
    {
        var admin = await AdminAsync();
        var saved = await admin.PostFormAsync("/Admin/Settings?handler=Payment", new Dictionary<string, string>
        {
            ["enabled"] = "true", ["provider"] = "Simulated", ["merchantCode"] = "LS001", ["returnUrl"] = "https://dvc.langson.gov.vn/thanh-toan",
            ["secretKey"] = "khoa-bi-mat-thanh-toan-123",
        });
        var page = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Đã lưu cấu hình thanh toán.", page, StringComparison.Ordinal);
        Assert.Contains("đã lưu; để trống nếu không đổi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("khoa-bi-mat-thanh-toan-123", page, StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var lines = await db.AuditLog.Where(a => a.EntityType == "Setting" && a.EntityId == "payment").ToListAsync();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.DoesNotContain("khoa-bi-mat-thanh-toan-123", l.After ?? string.Empty, StringComparison.Ordinal));
        var stored = (await db.AppSettings.SingleAsync(s => s.Key == "payment")).SecretValue;
        Assert.DoesNotContain("khoa-bi-mat-thanh-toan-123", stored, StringComparison.Ordinal); // encrypted with Data Protection
        Assert.Contains("dp1:", stored, StringComparison.Ordinal);

        // The stored provider and key are what the payment provider signs with (the settings reach options within 30 s; at once on this host).
        var payment = app.Services.GetRequiredService<IOptions<OneStop.Infrastructure.Payments.PaymentOptions>>().Value;
        Assert.Equal("Simulated", payment.Provider);
        Assert.Equal("khoa-bi-mat-thanh-toan-123", payment.Simulated.Key);
    }

    [Theory]
    [InlineData("/Admin/Calendar")]
    [InlineData("/Admin/Settings")]
    public async Task Non_administrators_get_403(string path)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await client.SignInAsync(DemoAccounts.LeaderSgtvt);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
    }
}
