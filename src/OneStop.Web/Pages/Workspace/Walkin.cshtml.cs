using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Web.Features.Catalogue;
using OneStop.Web.Features.Dossiers;
using OneStop.Web.Features.Workspace;
using OneStop.Web.Pages.Shared;

namespace OneStop.Web.Pages.Workspace;

/// <summary>The counter creates a dossier for someone who walked in with papers: no account needed; the official then accepts it.</summary>
[Authorize(Roles = Roles.Reception)]
[RequestSizeLimit(64 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Submit)]
public sealed class WalkinModel(OneStopDbContext db, ProcedureCatalogue catalogue, OfficialContext officials, DossierIntake intake, CitizenDossiers attachments,
    AddressOffers addresses)
    : PageModel
{
    public sealed record Choice(string Code, string Name);

    public IReadOnlyList<Choice> Procedures { get; private set; } = [];
    public ProcedureCatalogue.Detail? Procedure { get; private set; }
    public string? Code { get; private set; }
    [BindProperty] public string ApplicantName { get; set; } = string.Empty;
    [BindProperty] public string? ApplicantIdNumber { get; set; }
    [BindProperty] public string? ApplicantPhone { get; set; }
    [BindProperty] public string? ApplicantAddress { get; set; }
    [BindProperty] public string? ApplicantEmail { get; set; }
    public Dictionary<string, string[]> Errors { get; } = [];
    private JsonObject _data = [];
    private AddressOffer _addresses = new([], null);

    /// <summary>The procedure's form as the citizen portal renders it (addresses as detail, commune and province).</summary>
    public FormFieldsView FormView => _addresses.View(Procedure?.Form ?? [], _data, Errors);

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken) => await LoadAsync(code, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        var actor = await officials.ActorAsync(User, cancellationToken);
        await LoadAsync(code, cancellationToken);
        if (Procedure is null || actor is null)
        {
            return NotFound();
        }

        // The same reading and the same checks as the citizen portal's form.
        _data = FormReader.Read(Request.Form, Procedure.Form);
        foreach (var (key, messages) in _addresses.Validate(Request.Form, Procedure.Form, _data))
        {
            Errors[key] = messages;
        }

        if (string.IsNullOrWhiteSpace(ApplicantName))
        {
            Errors["applicantName"] = ["Họ và tên người nộp: bắt buộc nhập."];
        }

        if (!string.IsNullOrWhiteSpace(ApplicantIdNumber) && !VietnameseFormats.IsIdNumber(ApplicantIdNumber))
        {
            Errors["applicantIdNumber"] = ["Số CCCD/CMND: phải gồm 12 hoặc 9 chữ số."];
        }

        if (!string.IsNullOrWhiteSpace(ApplicantEmail) && !OneStop.Infrastructure.Email.EmailOutbox.IsDeliverable(ApplicantEmail))
        {
            Errors["applicantEmail"] = ["E-mail người nộp: địa chỉ e-mail không hợp lệ."];
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var dossier = await intake.SubmitAsync(new NewDossier(Procedure.Code, actor.Agency, new Applicant(ApplicantName, ApplicantIdNumber, ApplicantPhone,
            ApplicantEmail?.Trim(), ApplicantAddress), null, SubmissionChannel.Counter, _data.ToJsonString()), actor, cancellationToken);
        var officialId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("doc.", StringComparison.Ordinal)))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            try
            {
                await attachments.AttachAtCounterAsync(officialId, dossier.Id, file.Name[4..], file.FileName, buffer.ToArray(), cancellationToken);
            }
            catch (DomainException ex)
            {
                TempData["WalkinWarning"] = $"{file.FileName}: {ex.Message}";
            }
        }

        return Redirect($"/Workspace/Dossier/{dossier.Id}");
    }

    private async Task LoadAsync(string? code, CancellationToken cancellationToken)
    {
        var agencyId = Guid.Parse(User.FindFirstValue("agency")!);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, cancellationToken);
        Procedures = await db.Procedures.AsNoTracking()
            .Where(p => p.IsActive && (p.AgencyId == agencyId || (p.AgencyId == null && agency.Kind == Core.Organisation.AgencyKind.Commune)))
            .OrderBy(p => p.Name).Select(p => new Choice(p.Code, p.Name)).ToListAsync(cancellationToken);
        Code = code;
        _addresses = await addresses.CurrentAsync(cancellationToken);
        Procedure = code is not null && Procedures.Any(p => p.Code == code) ? await catalogue.FindAsync(code, cancellationToken) : null;
    }
}
