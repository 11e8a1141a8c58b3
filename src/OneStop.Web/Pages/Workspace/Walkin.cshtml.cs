using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Application.Officials;
using OneStop.Application.Workspace;
using OneStop.Infrastructure.Files;
using OneStop.Web.Features.Catalogue;
using OneStop.Web.Features.Dossiers;
using OneStop.Web.Pages.Shared;

namespace OneStop.Web.Pages.Workspace;

/// <summary>The counter creates a dossier for someone who walked in with papers: no account needed; the official then accepts it.</summary>
[Authorize(Roles = Roles.Reception)]
[RequestSizeLimit(64 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Submit)]
public sealed class WalkinModel(ProcedureCatalogue catalogue, OfficialContext officials, WalkInIntake intake, AddressOffers addresses)
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

    /// <summary>The counter compared every scan with its original.</summary>
    [BindProperty] public bool CertifiedCopies { get; set; }
    public Dictionary<string, string[]> Errors { get; } = [];
    private JsonObject _data = [];
    private AddressOffer _addresses = new([], null);

    /// <summary>The procedure's form as the citizen portal renders it (addresses as detail, commune and province).</summary>
    public FormFieldsView FormView => _addresses.View(Procedure?.Form ?? [], _data, Errors);

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken) => await LoadAsync(code, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        var actor = await officials.ActorAsync(cancellationToken);
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

        var uploads = Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("doc.", StringComparison.Ordinal)).ToList();
        var streams = uploads.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var result = await intake.ExecuteAsync(new WalkInIntakeCommand(Procedure.Code, new Applicant(ApplicantName, ApplicantIdNumber, ApplicantPhone,
                ApplicantEmail?.Trim(), ApplicantAddress), _data.ToJsonString(),
                uploads.Select((f, i) => (f.Name[4..], new Upload(f.FileName, streams[i]))).ToList(), CertifiedCopies), cancellationToken);
            if (result.FileWarnings.Count > 0)
            {
                TempData["WalkinWarning"] = string.Join(" ", result.FileWarnings);
            }

            return Redirect($"/Workspace/Dossier/{result.Dossier.Id}");
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }


    private async Task LoadAsync(string? code, CancellationToken cancellationToken)
    {
        Procedures = (await catalogue.AtCounterAsync(cancellationToken)).Select(p => new Choice(p.Code, p.Name)).ToList();
        Code = code;
        _addresses = await addresses.CurrentAsync(cancellationToken);
        Procedure = code is not null && Procedures.Any(p => p.Code == code) ? await catalogue.FindAsync(code, cancellationToken) : null;
    }
}
