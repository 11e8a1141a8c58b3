using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.NationalPortal;

namespace OneStop.Web.Pages.Admin;

/// <summary>The national-portal synchronisation console: messages waiting, set aside (with their reasons) and sent; set-aside ones retried.</summary>
public sealed class NationalPortalModel(PortalOutbox outbox, IOptionsMonitor<NationalPortalOptions> options, NationalPortalSimulator simulator) : PageModel
{
    public PortalOutboxCounts Counts { get; private set; } = new(0, 0, 0, null);
    public IReadOnlyList<PortalMessage> SetAside { get; private set; } = [];
    public NationalPortalOptions Settings => options.CurrentValue;

    /// <summary>The simulator's last messages, when it is on (development).</summary>
    public IReadOnlyList<PortalMessageBody> Simulated => Settings.Simulator.Enabled ? simulator.Received.TakeLast(20).Reverse().ToList() : [];

    [TempData] public string? Message { get; set; }

    public static string StatusText(PortalStatus status) => status switch
    {
        PortalStatus.Received => "Đã nhận hồ sơ",
        PortalStatus.InProgress => "Đang xử lý",
        PortalStatus.SupplementRequested => "Yêu cầu bổ sung",
        PortalStatus.Completed => "Đã giải quyết xong",
        PortalStatus.Rejected => "Từ chối",
        PortalStatus.Withdrawn => "Rút hồ sơ",
        PortalStatus.LateWithApology => "Trễ hẹn, có văn bản xin lỗi",
        _ => status.ToString(),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await outbox.CountsAsync(cancellationToken);
        SetAside = await outbox.SetAsideAsync(200, cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long? id, CancellationToken cancellationToken)
    {
        var count = await outbox.RetryAsync(id, cancellationToken);
        Message = count == 0 ? "Không có thông điệp nào cần gửi lại." : $"Đã đưa {count} thông điệp trở lại hàng đợi gửi.";
        return RedirectToPage();
    }
}
