using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Web.Features.Dossiers;
using OneStop.Workflows.Runtime.Errors;

namespace OneStop.Web.Pages.Portal;

[RequestSizeLimit(64 * 1024 * 1024)]
public sealed class DetailModel(CitizenDossiers dossiers, DossierViews views, OneStopDbContext db) : PageModel
{
    public DossierViews.Detail? View { get; private set; }
    public bool Fresh { get; private set; }
    public string? SupplementRequest { get; private set; }
    public IReadOnlyList<RequiredDocument> RequiredDocuments { get; private set; } = [];
    public string? Error { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(Guid id, string? moi, CancellationToken cancellationToken)
    {
        Fresh = moi == "1";
        return await LoadAsync(id, cancellationToken);
    }

    /// <summary>The applicant answers a supplement request: new files, then the workflow's resubmit action.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, string? comment, CancellationToken cancellationToken)
    {
        try
        {
            var dossier = await dossiers.OwnAsync(UserId, id, cancellationToken);
            foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("doc.", StringComparison.Ordinal)))
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                await dossiers.AttachAsync(UserId, id, file.Name[4..], file.FileName, buffer.ToArray(), cancellationToken);
            }

            await dossiers.ResubmitAsync(UserId, dossier.Id, comment, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }
        catch (WorkflowException ex)
        {
            Error = ex.MessageVi;
        }

        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var dossier = await dossiers.OwnAsync(UserId, id, cancellationToken);
            View = await views.DetailAsync(dossier, cancellationToken);
            RequiredDocuments = await db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.RequiredDocuments)
                .SingleAsync(cancellationToken);
            SupplementRequest = dossier.Code is null ? null : await db.WorkflowJournal.AsNoTracking()
                .Where(j => j.DossierId == dossier.Code && j.ActionId == "requestSupplement").OrderByDescending(j => j.Sequence)
                .Select(j => j.Comment).FirstOrDefaultAsync(cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
