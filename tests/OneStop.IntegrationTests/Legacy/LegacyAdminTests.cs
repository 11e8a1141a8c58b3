using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Legacy;
using OneStop.Legacy.Tests.Generator;
using OneStop.Testing;

namespace OneStop.IntegrationTests.Legacy;

/// <summary>The admin console's legacy import: upload a .zip, the import runs in the background, its report is readable; admins only.</summary>
public sealed class LegacyAdminTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>, IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "onestop-legacy-admin-" + Guid.NewGuid().ToString("N"));


    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task Non_administrators_get_403_on_the_legacy_import_console()
    {
        var official = app.CreateClient(new() { AllowAutoRedirect = false });
        await official.SignInAsync(DemoAccounts.LeaderSgtvt);

        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/Admin/Legacy")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_uploads_a_zip_the_import_runs_in_the_background_and_its_report_is_shown()
    {
        var bundle = BundleGenerator.Write(_work, new BundleSpec { Dossiers = 120, Layout = BundleLayout.Zip, Defects = DefectCounts.OfEach(1) }, "xuat-du-lieu");
        var admin = app.CreateClient();
        await admin.SignInAsync(DemoAccounts.Admin);
        var page = await admin.GetStringAsync("/Admin/Legacy");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageForms.AntiforgeryToken(page) ?? string.Empty), "__RequestVerificationToken" },
        };
        var file = new StreamContent(File.OpenRead(bundle.Path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "bundle", "xuat-du-lieu.zip");

        var response = await admin.PostAsync("/Admin/Legacy?handler=Upload", form);

        Assert.Contains("Đã bắt đầu nhập gói xuat-du-lieu.zip", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        LegacyImportRun? run = null;
        for (var i = 0; i < 600 && run?.Status != "Completed"; i++)
        {
            await Task.Delay(500);
            await using var scope = app.Services.CreateAsyncScope();
            run = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<LegacyImportRun>().AsNoTracking().FirstOrDefaultAsync();
        }

        Assert.Equal("Completed", run?.Status);
        var list = await admin.GetStringAsync("/Admin/Legacy");
        Assert.Contains($"/Admin/Legacy?run={run!.Id}", list, StringComparison.Ordinal);
        var report = await admin.GetStringAsync($"/Admin/Legacy?run={run.Id}");
        Assert.Contains("ho_so", report, StringComparison.Ordinal);
        Assert.Contains("\"tables\"", await admin.GetStringAsync($"/Admin/Legacy?handler=Json&id={run.Id}"), StringComparison.Ordinal);

        // Open dossiers of procedures without a workflow (no_workflow in the report) are listed for the administrator to act on.
        List<string> unrouted;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            unrouted = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Dossiers
                .Where(d => d.LegacyCode != null && d.WorkflowInstanceId == null && d.Status != DossierStatus.Completed
                    && d.Status != DossierStatus.Rejected && d.Status != DossierStatus.Withdrawn)
                .Select(d => d.LegacyCode!).ToListAsync();
        }

        Assert.NotEmpty(unrouted);
        Assert.Contains("no_workflow", report, StringComparison.Ordinal);
        Assert.Contains($"Hồ sơ đang xử lý chưa có quy trình ({unrouted.Count})", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.All(unrouted, code => Assert.Contains(code, list, StringComparison.Ordinal));
    }
}
