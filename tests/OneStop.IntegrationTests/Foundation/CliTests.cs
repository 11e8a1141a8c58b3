using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Foundation;

/// <summary>Runs the real onestop-cli executable against a test database.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task User_add_creates_the_first_admin_of_a_real_installation()
    {
        var (exit, output) = await RunAsync("user", "add", "quantri@langson.gov.vn", "--role", "Admin", "--agency", "UBND-LS", "--password", "QuanTri2026x", "--name", "Nguyễn Quản Trị");

        Assert.True(exit == 0, output);
        Assert.Contains("Đã tạo tài khoản", output, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == "quantri@langson.gov.vn");
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Nguyễn Quản Trị", user.FullName);
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).SingleAsync();
        Assert.Equal("Admin", role);
    }

    [Fact]
    public async Task User_add_without_a_password_prints_a_temporary_one()
    {
        var (exit, output) = await RunAsync("user", "add", "tiepnhan2.sgtvt@langson.gov.vn", "--role", "Reception", "--agency", "SGTVT", "--department", "MOTCUA");

        Assert.True(exit == 0, output);
        Assert.Contains("Mật khẩu tạm thời", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reception", "SGTVT", null, "phải thuộc một phòng ban")]
    [InlineData("Specialist", "KHONGCO", "QLPT", "Không có cơ quan mã 'KHONGCO'")]
    [InlineData("Specialist", "SGTVT", "KHONGCO", "không có phòng ban mã 'KHONGCO'")]
    [InlineData("ThuKy", null, null, "Vai trò 'ThuKy' không tồn tại")]
    public async Task User_add_refuses_a_place_or_role_that_does_not_exist(string role, string? agency, string? department, string message)
    {
        var args = new List<string> { "user", "add", "x@langson.gov.vn", "--role", role, "--password", "MatKhau2026x" };
        if (agency is not null)
        {
            args.AddRange(["--agency", agency]);
        }

        if (department is not null)
        {
            args.AddRange(["--department", department]);
        }

        var (exit, output) = await RunAsync([.. args]);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "x@langson.gov.vn"));
    }

    [Fact]
    public async Task Migrate_and_seed_are_safe_to_run_again()
    {
        Assert.Equal(0, (await RunAsync("db", "migrate")).Exit);
        var (exit, output) = await RunAsync("seed", "demo");

        Assert.Equal(0, exit);
        Assert.Contains("không thay đổi gì", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "onestop-cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__OneStop"] = _database.ConnectionString;
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
