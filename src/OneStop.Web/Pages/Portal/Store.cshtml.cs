using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Application.DocumentStore;
using OneStop.Core.Common;

namespace OneStop.Web.Pages.Portal;

/// <summary>The citizen's document store: what OneStop issued to them and what the counter certified, to download, delete or reuse when applying.</summary>
public sealed class StoreModel(MyDocumentStore store, DeleteStoredDocument delete) : PageModel
{
    public IReadOnlyList<MyDocumentStore.Item> Items { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["StoreMessage"] as string;
        Items = await store.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await delete.ExecuteAsync(new DeleteStoredDocumentCommand(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        TempData["StoreMessage"] = "Đã xóa giấy tờ khỏi kho dữ liệu. Hồ sơ đã đính kèm giấy tờ này vẫn giữ tệp đính kèm.";
        return RedirectToPage();
    }
}
