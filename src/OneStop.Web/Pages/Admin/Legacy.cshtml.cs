using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Infrastructure.Legacy;
using OneStop.Web.Features.Admin.Legacy;

namespace OneStop.Web.Pages.Admin;

/// <summary>Start a legacy import by uploading the export's .zip (it runs in the background) and read the reports of past runs.</summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class LegacyModel(LegacyImportRuns runs, LegacyImportQueue queue, TimeProvider clock) : PageModel
{
    private const long MaxUploadBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>A mapping is a few kilobytes of JSON; anything past this is refused before it is read.</summary>
    public const int MaxMappingBytes = 1024 * 1024;

    public IReadOnlyList<LegacyImportRuns.Run> Runs { get; private set; } = [];

    /// <summary>The first <see cref="UnroutedShown"/> open migrated dossiers no workflow was mapped for, oldest submission first.</summary>
    public IReadOnlyList<LegacyImportRuns.Unrouted> UnroutedDossiers { get; private set; } = [];

    public int UnroutedCount { get; private set; }

    public const int UnroutedShown = 200;

    public IReadOnlyList<LegacyImportJob> Jobs => queue.Recent;

    public LegacyImportRuns.Run? Selected { get; private set; }

    public string? Report { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public Task OnGetAsync(Guid? run, CancellationToken cancellationToken) => LoadAsync(run, cancellationToken);

    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        var json = await runs.ReportJsonAsync(id, cancellationToken);
        return json is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", "report.json");
    }

    public async Task OnPostUploadAsync(IFormFile? bundle, IFormFile? mapping, CancellationToken cancellationToken)
    {
        if (bundle is null || bundle.Length == 0 || !bundle.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            Error = "Vui lòng chọn tệp .zip của gói dữ liệu xuất từ hệ thống cũ.";
            await LoadAsync(null, cancellationToken);
            return;
        }

        var map = LegacyMapping.Default;
        if (mapping is { Length: > 0 })
        {
            if (mapping.Length > MaxMappingBytes)
            {
                Error = $"Tệp ánh xạ quá lớn ({mapping.Length / 1024} KB); tối đa {MaxMappingBytes / 1024} KB.";
                await LoadAsync(null, cancellationToken);
                return;
            }

            try
            {
                var buffer = new byte[MaxMappingBytes];
                await using var content = mapping.OpenReadStream();
                var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                map = LegacyMapping.Parse(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
            }
            catch (JsonException ex)
            {
                Error = "Tệp ánh xạ không dùng được: " + ex.Message;
                await LoadAsync(null, cancellationToken);
                return;
            }
        }

        Directory.CreateDirectory(LegacyImportQueue.UploadDirectory);
        var id = Guid.NewGuid();
        var path = Path.Combine(LegacyImportQueue.UploadDirectory, id.ToString("N") + ".zip");
        await using (var target = System.IO.File.Create(path))
        {
            await bundle.CopyToAsync(target, cancellationToken);
        }

        if (!await IsZipAsync(path, cancellationToken))
        {
            System.IO.File.Delete(path);
            Error = "Tệp tải lên không phải tệp .zip (nội dung không đúng định dạng nén).";
            await LoadAsync(null, cancellationToken);
            return;
        }

        var name = Path.GetFileName(bundle.FileName);
        queue.Enqueue(new LegacyImportJob(id, path, name, map, User.Identity?.Name ?? "admin", clock.GetUtcNow()));
        Message = $"Đã bắt đầu nhập gói {name}. Kết quả và báo cáo hiện ở bảng dưới khi hoàn tất.";
        await LoadAsync(null, cancellationToken);
    }

    private async Task LoadAsync(Guid? run, CancellationToken cancellationToken)
    {
        Runs = await runs.RecentAsync(cancellationToken);
        (UnroutedCount, UnroutedDossiers) = await runs.UnroutedAsync(UnroutedShown, cancellationToken);
        if (run is { } id)
        {
            Selected = Runs.FirstOrDefault(r => r.Id == id);
            Report = await runs.ReportMarkdownAsync(id, cancellationToken);
        }
    }

    /// <summary>A zip starts with a local file header (PK\x03\x04); the name alone proves nothing.</summary>
    private static async Task<bool> IsZipAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        await using var file = System.IO.File.OpenRead(path);
        return await file.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken) == 4
            && header is [0x50, 0x4B, 0x03, 0x04];
    }

    public static string StatusText(string status) => status switch
    {
        "Completed" => "Hoàn tất",
        "Running" => "Đang chạy (hoặc bị dừng giữa chừng: nhập lại để tiếp tục)",
        "Failed" => "Lỗi",
        "Queued" => "Đang chờ",
        _ => status,
    };
}
