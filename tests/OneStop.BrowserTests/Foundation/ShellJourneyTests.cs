using Microsoft.Playwright;
using OneStop.Testing;

namespace OneStop.BrowserTests.Foundation;

public sealed class ShellJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_citizen_registers_confirms_the_email_and_signs_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Đăng ký tài khoản công dân" }).ClickAsync();

        await page.GetByLabel("Họ và tên").FillAsync("Đinh Thị Thu Hà");
        await page.GetByLabel("Số CCCD/CMND").FillAsync("020195006789");
        await page.GetByLabel("Số điện thoại").FillAsync("0915 222 333");
        await page.GetByLabel("Địa chỉ").FillAsync("Số 8 đường Lê Lợi, phường Đông Kinh, tỉnh Lạng Sơn");
        await page.GetByLabel("E-mail").FillAsync("thuha.dinh@example.vn");
        await page.GetByLabel("Mật khẩu").FillAsync("matkhau2026");
        await BrowserApp.ScreenshotAsync(page, "citizen-register-form");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Kiểm tra hộp thư của bạn")).ToBeVisibleAsync();

        var link = await app.Mailbox.WaitForLinkAsync("thuha.dinh@example.vn", "ConfirmEmail");
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(page.GetByTestId("email-confirmed")).ToBeVisibleAsync();

        await page.SignInAsync("thuha.dinh@example.vn", "matkhau2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ của tôi" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("profile-link")).ToContainTextAsync("Đinh Thị Thu Hà");
        await BrowserApp.ScreenshotAsync(page, "citizen-home");
    }

    [Fact]
    public async Task An_official_signs_in_and_sees_the_workspace()
    {
        var page = await app.NewPageAsync();

        await page.SignInAsync(DemoAccounts.ReceptionSgtvt);
        await page.GetByRole(AriaRole.Link, new() { Name = "Xử lý hồ sơ" }).First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("workspace-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sở Giao thông vận tải");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Cán bộ một cửa");
        await BrowserApp.ScreenshotAsync(page, "official-workspace");
    }

    [Fact]
    public async Task An_admin_signs_in_and_sees_the_admin_console()
    {
        var page = await app.NewPageAsync();

        await page.SignInAsync(DemoAccounts.Admin);
        await page.GotoAsync("/Admin");

        await Assertions.Expect(page.GetByTestId("admin-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ủy ban nhân dân huyện Cao Lộc");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Giải thể từ 01/07/2025");
        await BrowserApp.ScreenshotAsync(page, "admin-console");
    }

    [Fact]
    public async Task A_citizen_sees_the_forbidden_page_for_the_workspace()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Citizen);

        var response = await page.GotoAsync("/Workspace");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("error-title")).ToHaveTextAsync("Không có quyền truy cập");
    }

    [Theory]
    [InlineData("/", "home")]
    [InlineData("/Account/Login", "login")]
    [InlineData("/Account/Register", "register")]
    public async Task Main_pages_work_on_a_phone_and_have_no_serious_accessibility_violations(string path, string name)
    {
        var page = await app.NewPageAsync(390, 844);

        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page scrolls sideways on a phone.");
        await BrowserApp.ScreenshotAsync(page, "phone-" + name);
        var violations = await page.SeriousAccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Signed_in_pages_have_no_serious_accessibility_violations()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(DemoAccounts.Admin);

        await page.GotoAsync("/Admin");
        var admin = await page.SeriousAccessibilityViolationsAsync();
        await page.GotoAsync("/Account/Manage");
        var profile = await page.SeriousAccessibilityViolationsAsync();

        Assert.True(admin.Count == 0, string.Join(Environment.NewLine, admin));
        Assert.True(profile.Count == 0, string.Join(Environment.NewLine, profile));
    }
}
