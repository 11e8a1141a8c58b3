using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Web.Features.Admin.Procedures;

namespace OneStop.Web.Pages.Admin.Procedures;

/// <summary>Every procedure with its version in force, a scheduled one if any, and whether citizens can apply.</summary>
public sealed class IndexModel(ProcedureAdmin admin) : PageModel
{
    public IReadOnlyList<ProcedureAdmin.Row> Procedures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Procedures = await admin.ListAsync(cancellationToken);
}
