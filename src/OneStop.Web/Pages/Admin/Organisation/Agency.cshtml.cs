using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Core.Organisation;
using OneStop.Web.Features.Admin.Organisation;

namespace OneStop.Web.Pages.Admin.Organisation;

/// <summary>One agency: edit it, close it naming its successor, its departments and one-stop desks.</summary>
public sealed class AgencyModel(OrganisationAdmin organisation) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Message { get; set; }
    [BindProperty] public AgencyInput Input { get; set; } = new();

    public Agency Agency { get; private set; } = null!;
    public IReadOnlyList<OrganisationAdmin.TreeRow> Tree { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<ServiceCounter> Counters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken) =>
        RunAsync(() => organisation.UpdateAgencyAsync(Id, Input, cancellationToken), "Đã lưu thông tin cơ quan.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(DateOnly? closedOn, Guid? successorId, CancellationToken cancellationToken) =>
        RunAsync(() => organisation.CloseAgencyAsync(Id, closedOn, successorId, cancellationToken), "Đã giải thể cơ quan; hồ sơ và lịch sử được giữ nguyên.",
            cancellationToken);

    public Task<IActionResult> OnPostAddDepartmentAsync(string? code, string? name, bool isReception, CancellationToken cancellationToken) =>
        RunAsync(() => organisation.CreateDepartmentAsync(Id, code, name, isReception, cancellationToken), "Đã thêm phòng ban.", cancellationToken);

    public Task<IActionResult> OnPostUpdateDepartmentAsync(Guid departmentId, string? name, bool isReception, CancellationToken cancellationToken) =>
        RunAsync(() => organisation.UpdateDepartmentAsync(departmentId, name, isReception, cancellationToken), "Đã lưu phòng ban.", cancellationToken);

    public Task<IActionResult> OnPostAddCounterAsync(Guid departmentId, string? code, string? name, string? location, CancellationToken cancellationToken) =>
        RunAsync(() => organisation.CreateCounterAsync(departmentId, code, name, location, cancellationToken), "Đã thêm quầy.", cancellationToken);

    public Task<IActionResult> OnPostUpdateCounterAsync(Guid counterId, string? name, string? location, bool isActive, CancellationToken cancellationToken) =>
        RunAsync(() => organisation.UpdateCounterAsync(counterId, name, location, isActive, cancellationToken), "Đã lưu quầy.", cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task> change, string done, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            return RedirectToPage(new { id = Id, message = done });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await LoadAsync(cancellationToken, keepInput: true) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken, bool keepInput = false)
    {
        if (await organisation.FindAsync(Id, cancellationToken) is not { } agency)
        {
            return false;
        }

        Agency = agency;
        if (!keepInput)
        {
            Input = new AgencyInput { Code = agency.Code, Name = agency.Name, Identifier = agency.Identifier, Kind = agency.Kind, ParentId = agency.ParentId };
        }

        Tree = await organisation.TreeAsync(cancellationToken);
        Departments = await organisation.DepartmentsAsync(Id, cancellationToken);
        Counters = await organisation.CountersAsync(Id, cancellationToken);
        return true;
    }
}
