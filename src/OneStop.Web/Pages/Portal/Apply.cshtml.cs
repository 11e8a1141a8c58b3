using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Application.DocumentStore;
using OneStop.Application.Dossiers;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Dossiers;
using OneStop.Infrastructure.Files;
using OneStop.Web.Features.Catalogue;
using OneStop.Web.Features.Dossiers;

namespace OneStop.Web.Pages.Portal;

/// <summary>The application form generated from the procedure's schema; every post saves the draft first, so nothing typed is lost.</summary>
[RequestSizeLimit(64 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(OneStop.Web.Security.RateLimits.Submit)]
public sealed class ApplyModel(ProcedureCatalogue catalogue, DossierViews views, OwnDossiers own, CreateDraft create, UpdateDraft update,
    ChooseResultDelivery choose, AttachFile attach, SubmitDossier submit, ApplicantDrafts drafts, AgencyDirectory directory, AddressOffers addresses,
    MyDocumentStore store, AttachFromStore attachFromStore)
    : PageModel
{
    /// <summary>When the draft being continued was started (null for a new application).</summary>
    public DateTimeOffset? ResumedFrom { get; private set; }
    private Shared.AddressOffer _addresses = new([], null);

    public ProcedureCatalogue.Detail? Procedure { get; private set; }
    public Guid? DraftId { get; private set; }
    public string? AgencyCode { get; private set; }
    public string ApplicantSummary { get; private set; } = string.Empty;
    public IReadOnlyList<AgencyDirectory.Commune> Communes { get; private set; } = [];
    public IReadOnlyList<DossierViews.AttachmentInfo> Attached { get; private set; } = [];

    /// <summary>The citizen's store, offered for each required document instead of an upload.</summary>
    public IReadOnlyList<MyDocumentStore.Item> Stored { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; } = [];
    private JsonObject _data = [];

    public ResultDelivery? Delivery { get; private set; }
    public string? PostalAddress { get; private set; }
    public DeliveryChoiceView DeliveryView => new(Delivery, PostalAddress, Errors.TryGetValue("delivery", out var m) ? m[0] : null);

    public Shared.FormFieldsView FormView => _addresses.View(Procedure?.Form ?? [], _data, Errors);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        // Coming back to an unfinished application continues the latest draft, files included.
        if (await drafts.LatestAsync(code, cancellationToken) is { } latest)
        {
            var draft = latest.Dossier;
            DraftId = draft.Id;
            ResumedFrom = draft.CreatedAt;
            _data = JsonNode.Parse(draft.FormData) as JsonObject ?? [];
            AgencyCode = latest.AgencyCode;
            Delivery = draft.ResultDelivery;
            PostalAddress = draft.PostalAddress ?? PostalAddress;
            Attached = (await views.ForApplicantAsync(draft, cancellationToken)).Attachments;
        }

        return Page();
    }

    /// <summary>Saves what was typed so far as the draft (files are sent with the form); the browser calls it as the citizen types.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string code, Guid? draftId, string? agencyCode, ResultDelivery? delivery, string? postalAddress,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var data = Shared.FormReader.Read(Request.Form, Procedure!.Form).ToJsonString();
        try
        {
            var draft = draftId is { } existing
                ? await update.ExecuteAsync(new UpdateDraftCommand(existing, data), cancellationToken)
                : await create.ExecuteAsync(new CreateDraftCommand(code, agencyCode, data), cancellationToken);
            if (Procedure.Level == 4 && (delivery != ResultDelivery.Post || !string.IsNullOrWhiteSpace(postalAddress)))
            {
                await choose.ExecuteAsync(new ChooseResultDeliveryCommand(draft.Id, delivery ?? ResultDelivery.Electronic, postalAddress), cancellationToken);
            }

            return new JsonResult(new { draftId = draft.Id, savedAt = VietnameseFormats.DateTime(DateTimeOffset.UtcNow) });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            return new JsonResult(new { error = ex.Message }) { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid? draftId, string? agencyCode, ResultDelivery? delivery, string? postalAddress,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        AgencyCode = agencyCode;
        _data = Shared.FormReader.Read(Request.Form, Procedure!.Form);
        if (_addresses.Check(Request.Form, Procedure.Form).Count > 0)
        {
            // The draft is still saved below; the whole form is checked as at the counter, so every message shows at once.
            foreach (var (key, messages) in _addresses.Validate(Request.Form, Procedure.Form, _data))
            {
                Errors[key] = messages;
            }
        }

        try
        {
            var draft = draftId is { } existing
                ? await update.ExecuteAsync(new UpdateDraftCommand(existing, _data.ToJsonString()), cancellationToken)
                : await create.ExecuteAsync(new CreateDraftCommand(code, agencyCode, _data.ToJsonString()), cancellationToken);
            DraftId = draft.Id;
            if (Procedure.Level == 4)
            {
                Delivery = delivery ?? ResultDelivery.Electronic;
                PostalAddress = postalAddress;
                try
                {
                    await choose.ExecuteAsync(new ChooseResultDeliveryCommand(draft.Id, Delivery.Value, postalAddress), cancellationToken);
                }
                catch (DomainException ex)
                {
                    Errors["delivery"] = [ex.Message];
                }
            }

            foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("doc.", StringComparison.Ordinal)))
            {
                try
                {
                    await using var content = file.OpenReadStream();
                    await attach.ExecuteAsync(new AttachFileCommand(draft.Id, file.Name[4..], new Upload(file.FileName, content)), cancellationToken);
                }
                catch (DomainException ex)
                {
                    Errors["attachments." + file.Name[4..]] = [$"{file.FileName}: {ex.Message}"];
                }
            }

            foreach (var (key, value) in Request.Form.Where(f => f.Key.StartsWith("store.", StringComparison.Ordinal)))
            {
                if (!Guid.TryParse(value.ToString(), out var storedId))
                {
                    continue;
                }

                try
                {
                    await attachFromStore.ExecuteAsync(new AttachFromStoreCommand(draft.Id, key[6..], storedId), cancellationToken);
                }
                catch (DomainException ex)
                {
                    Errors["attachments." + key[6..]] = [ex.Message];
                }
            }

            if (Errors.Count == 0)
            {
                var submitted = await submit.ExecuteAsync(new SubmitDossierCommand(draft.Id), cancellationToken);
                return Redirect($"/ho-so/{submitted.Id}?moi=1");
            }
        }
        catch (DossierValidationException ex)
        {
            foreach (var (key, messages) in ex.Errors)
            {
                Errors[key] = messages;
            }
        }
        catch (DomainException ex)
        {
            Errors[string.Empty] = [ex.Message];
        }

        if (DraftId is { } id)
        {
            Attached = (await views.ForApplicantAsync(await own.ReadAsync(id, cancellationToken), cancellationToken)).Attachments;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        Procedure = await catalogue.FindAsync(code, cancellationToken);
        if (Procedure is null)
        {
            return false;
        }

        var applicant = await drafts.ApplicantAsync(cancellationToken);
        PostalAddress ??= applicant.Address;
        ApplicantSummary = string.Join(" · ",
            new[] { applicant.FullName, applicant.IdNumber, applicant.PhoneNumber, applicant.Address }.Where(x => !string.IsNullOrEmpty(x)));
        _addresses = await addresses.CurrentAsync(cancellationToken);
        Communes = await directory.CommunesAsync(cancellationToken);
        Stored = await store.ListAsync(cancellationToken);
        return true;
    }
}
