using System.Net;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Accounts;

public sealed class RoleAccessTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    public static TheoryData<string?, string, HttpStatusCode> Matrix => new()
    {
        { null, "/Workspace", HttpStatusCode.Redirect },
        { null, "/Admin", HttpStatusCode.Redirect },
        { null, "/Account/Manage", HttpStatusCode.Redirect },
        { DemoAccounts.Citizen, "/Workspace", HttpStatusCode.Forbidden },
        { DemoAccounts.Citizen, "/Admin", HttpStatusCode.Forbidden },
        { DemoAccounts.Citizen, "/Account/Manage", HttpStatusCode.OK },
        { DemoAccounts.ReceptionSgtvt, "/Workspace", HttpStatusCode.OK },
        { DemoAccounts.SpecialistSgtvt, "/Workspace", HttpStatusCode.OK },
        { DemoAccounts.LeaderSgtvt, "/Workspace", HttpStatusCode.OK },
        { DemoAccounts.LeaderSgtvt, "/Admin", HttpStatusCode.Forbidden },
        { DemoAccounts.Admin, "/Admin", HttpStatusCode.OK },
        { DemoAccounts.Admin, "/Workspace", HttpStatusCode.Forbidden },
        // The workflow designer and its look-ups (procedures, their form fields): administrators only.
        { null, "/Admin/Workflows/Edit?blank=true", HttpStatusCode.Redirect },
        { null, "/Admin/Workflows/Edit?handler=Procedures&q=giay", HttpStatusCode.Redirect },
        { DemoAccounts.Citizen, "/Admin/Workflows/Edit?handler=Procedures&q=giay", HttpStatusCode.Forbidden },
        { DemoAccounts.LeaderSgtvt, "/Admin/Workflows/Edit?template=driving-licence-renewal", HttpStatusCode.Forbidden },
        { DemoAccounts.LeaderSgtvt, "/Admin/Workflows/Edit?handler=Procedure&code=1.002804", HttpStatusCode.Forbidden },
        { DemoAccounts.Admin, "/Admin/Workflows/Edit?template=driving-licence-renewal", HttpStatusCode.OK },
        { DemoAccounts.Admin, "/Admin/Workflows/Edit?handler=Procedures&q=giay", HttpStatusCode.OK },
        { DemoAccounts.Admin, "/Admin/Workflows/Edit?handler=Procedure&code=1.002804", HttpStatusCode.OK },
    };

    /// <summary>The designer's POST handlers (check, simulate, publish) by role: only an administrator gets past authorisation.</summary>
    public static TheoryData<string?, string, HttpStatusCode> PostMatrix => new()
    {
        { null, "Check", HttpStatusCode.Redirect },
        { DemoAccounts.Citizen, "Check", HttpStatusCode.Forbidden },
        { DemoAccounts.LeaderSgtvt, "Check", HttpStatusCode.Forbidden },
        { DemoAccounts.Admin, "Check", HttpStatusCode.OK },
        { null, "Simulate", HttpStatusCode.Redirect },
        { DemoAccounts.SpecialistSgtvt, "Simulate", HttpStatusCode.Forbidden },
        { null, "Publish", HttpStatusCode.Redirect },
        { DemoAccounts.ReceptionSgtvt, "Publish", HttpStatusCode.Forbidden },
        { DemoAccounts.Citizen, "Publish", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(PostMatrix))]
    public async Task Only_administrators_may_post_to_the_workflow_designer(string? user, string handler, HttpStatusCode expected)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (user is not null)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user)).StatusCode);
        }

        // A valid anti-forgery token of this client, so that only authorisation decides.
        var page = await client.GetStringAsync("/Account/Login");
        var response = await client.PostFormAsync($"/Admin/Workflows/Edit?handler={handler}", new Dictionary<string, string> { ["json"] = "{}" }, page);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_only_its_own_area(string? user, string path, HttpStatusCode expected)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        if (user is not null)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user)).StatusCode);
        }

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains("Không có quyền truy cập", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_workspace_shows_the_officials_agency_and_department()
    {
        var client = app.CreateClient();
        await client.SignInAsync(DemoAccounts.SpecialistSgtvt);

        var html = await client.GetStringAsync("/Workspace");

        Assert.Contains("Sở Giao thông vận tải", html, StringComparison.Ordinal);
        Assert.Contains("Phòng Quản lý phương tiện và người lái", html, StringComparison.Ordinal);
        Assert.Contains("Chuyên viên", html, StringComparison.Ordinal);
    }
}
