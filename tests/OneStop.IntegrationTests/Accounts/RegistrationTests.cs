using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Accounts;

public sealed class RegistrationTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private static Dictionary<string, string> Form(string email, string idNumber = "001203004567", string password = "matkhau123") => new()
    {
        ["FullName"] = "Trần Thị Bích Ngọc",
        ["IdNumber"] = idNumber,
        ["Phone"] = "+84 912 345 678",
        ["Address"] = "Số 5 đường Trần Đăng Ninh, phường Tam Thanh",
        ["Email"] = email,
        ["Password"] = password,
    };

    [Fact]
    public async Task A_citizen_registers_confirms_the_email_and_signs_in()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        const string email = "ngoc.tran@example.vn";

        var registered = await client.PostFormAsync("/Account/Register", Form(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var beforeConfirming = await client.SignInAsync(email, "matkhau123");
        Assert.Contains("chưa xác nhận e-mail", await beforeConfirming.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var link = await app.Mailbox.WaitForLinkAsync(email, "ConfirmEmail");
        var confirmed = await client.GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Contains("E-mail đã được xác nhận", confirmed, StringComparison.Ordinal);

        var signedIn = await client.SignInAsync(email, "matkhau123");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);

        await using var db = app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal("0912345678", user.PhoneNumber);
        Assert.Equal("001203004567", user.IdNumber);
        Assert.Equal("Trần Thị Bích Ngọc", user.FullName);
    }

    [Fact]
    public async Task Invalid_registration_names_each_field_in_Vietnamese_and_creates_nothing()
    {
        var client = app.CreateClient();

        var response = await client.PostFormAsync("/Account/Register", Form("khong-hop-le", idNumber: "12345", password: "x"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Số CCCD/CMND: phải gồm 12 chữ số", html, StringComparison.Ordinal);
        Assert.Contains("E-mail: không đúng định dạng.", html, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu: ít nhất 8 ký tự.", html, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "khong-hop-le"));
    }

    [Fact]
    public async Task Registering_an_email_twice_answers_as_the_first_time_and_tells_the_owner_by_mail()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var first = await client.PostFormAsync("/Account/Register", Form("hai.lan@example.vn"));

        var second = await client.PostFormAsync("/Account/Register", Form("hai.lan@example.vn"));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var mails = await app.Mailbox.MessagesToAsync("hai.lan@example.vn");
        Assert.Equal(2, mails.Count);
        Assert.Contains(mails, m => (m.Subject ?? string.Empty).Contains("đã có tài khoản", StringComparison.Ordinal));
        await using var db = app.Database.CreateContext();
        Assert.Single(db.Users.Where(u => u.Email == "hai.lan@example.vn"));
    }

    [Fact]
    public async Task Password_reset_by_email_lets_the_user_sign_in_with_the_new_password()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        const string email = "hoang.thi.mai@demo.onestop.vn";

        await client.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email });
        var link = new Uri(await app.Mailbox.WaitForLinkAsync(email, "ResetPassword")).PathAndQuery;
        var reset = await client.PostFormAsync(link, new Dictionary<string, string> { ["Password"] = "MatKhauMoi2026" });

        Assert.Contains("Mật khẩu đã được đặt lại", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, "MatKhauMoi2026")).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_address_says_the_same_and_sends_nothing()
    {
        var response = await app.CreateClient().PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "khong.co@example.vn" });

        Assert.Contains("Nếu e-mail này đã đăng ký", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
