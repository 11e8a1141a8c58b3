using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Core.Common;
using OneStop.Core.Documents;
using OneStop.Core.Dossiers;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;
using OneStop.Documents;
using OneStop.Documents.Models;
using OneStop.Documents.Templates;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Workflows.Entities;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Runtime.State;
using Applicant = OneStop.Documents.Models.Applicant;

namespace OneStop.Infrastructure.Documents;

/// <summary>Fills the statutory forms from a dossier, its procedure and its journal, renders them and stores them immutably.</summary>
public sealed class DocumentIssuer(OneStopDbContext db, IDocumentRenderer renderer, IOptions<ProvinceOptions> province, TimeProvider clock,
    Signing.DocumentSignatures signatures, Signing.RemoteSignatures remoteSignatures, Observability.OneStopMetrics? metrics = null)
{
    /// <summary>Issues the document, or returns the one already issued for the same source key.</summary>
    /// <remarks>
    /// An official who signs remotely confirms on their device while the request waits (<see cref="Signing.RemoteSigningSettings.DirectWaitSeconds"/>);
    /// what officials issue themselves uses <see cref="IssueOrAwaitSignatureAsync"/>, which does not wait.
    /// </remarks>
    public async Task<IssuedDocument> IssueAsync(IssueRequest request, CancellationToken cancellationToken = default) =>
        (await IssueCoreAsync(request, deferRemote: false, cancellationToken)).Document!;

    /// <summary>
    /// Issues the document like <see cref="IssueAsync"/>, except when its official signs remotely ("ký số từ xa"): then the rendered document
    /// waits for the signature ("chờ ký số", a <see cref="Signing.PendingSignature"/> stored in the caller's transaction) and null is returned;
    /// the background completion issues it once signed.
    /// </summary>
    public async Task<IssuedDocument?> IssueOrDeferAsync(IssueRequest request, CancellationToken cancellationToken = default) =>
        (await IssueCoreAsync(request, deferRemote: true, cancellationToken)).Document;

    /// <summary>
    /// Like <see cref="IssueOrDeferAsync"/>, for a document an official issues themselves (control slip, apology, correction): the answer is
    /// the issued document, or the one waiting for their confirmation on the device, whose request the caller sends once its transaction
    /// commits (<see cref="Signing.RemoteSignatures.SendQueuedAsync"/>). Nothing waits for the signer inside the request.
    /// </summary>
    public Task<IssueOutcome> IssueOrAwaitSignatureAsync(IssueRequest request, CancellationToken cancellationToken = default) =>
        IssueCoreAsync(request, deferRemote: true, cancellationToken);

    private async Task<IssueOutcome> IssueCoreAsync(IssueRequest request, bool deferRemote, CancellationToken cancellationToken)
    {
        if (request.SourceKey is not null
            && await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.SourceKey == request.SourceKey, cancellationToken) is { } earlier)
        {
            return new IssueOutcome(earlier, null);
        }

        if (deferRemote && request.SourceKey is not null && await db.PendingSignatures.AnyAsync(p => p.SourceKey == request.SourceKey, cancellationToken))
        {
            // Already waiting for its signature (a redelivered effect): nothing new, and its rendered PDF is not read back for nothing.
            return new IssueOutcome(null, null);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Code == request.DossierCode, cancellationToken)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ {request.DossierCode}.");
        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == dossier.ProcedureId, cancellationToken);
        if (dossier.ProcedureVersionId is { } versionId)
        {
            // The dossier keeps the terms (deadline, documents, template) of the version it was submitted under.
            procedure = procedure.AsVersion(await db.ProcedureVersions.AsNoTracking().SingleAsync(v => v.Id == versionId, cancellationToken));
        }

        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == dossier.AgencyId, cancellationToken);
        var parent = agency.ParentId is { } parentId ? await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == parentId, cancellationToken) : null;
        var signer = await signatures.PrintedSignerAsync(request.IssuedBy, cancellationToken);
        var issuer = await IssuerAsync(signer, cancellationToken);
        var replaces = request.Replaces is { } replacedId
            ? await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == replacedId, cancellationToken)
            : null;

        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var context = new FormContext(dossier, procedure, agency, parent, issuer,
            new Verification($"{province.Value.PublicBaseUrl.TrimEnd('/')}/verify/{id}", VerificationCodes.Create(), replaces?.VerificationCode)
            {
                IssuedBy = province.Value.IssuingSystem,
            },
            Header(agency, parent, request, dossier, now));
        var rendered = request.Kind switch
        {
            DocumentKinds.Receipt => renderer.RenderReceipt(await ReceiptAsync(context, cancellationToken)),
            DocumentKinds.SupplementRequest => renderer.RenderSupplementRequest(SupplementRequest(context, request)),
            DocumentKinds.Rejection => renderer.RenderRejection(Rejection(context, request)),
            DocumentKinds.Apology => renderer.RenderApology(Apology(context, request)),
            DocumentKinds.ControlSlip => renderer.RenderControlSlip(await ControlSlipAsync(context, cancellationToken)),
            DocumentKinds.Result => renderer.RenderResult(Result(context)),
            DocumentKinds.PaymentReceipt => renderer.RenderResult(await PaymentReceiptAsync(context, cancellationToken)),
            DocumentKinds.StopProcessing => renderer.RenderStopProcessing(StopProcessing(context, request, now)),
            DocumentKinds.Withdrawal => renderer.RenderWithdrawalConfirmation(await WithdrawalAsync(context, request, now, cancellationToken)),
            _ => throw Unknown(request.Kind),
        };

        if (deferRemote && await signatures.RemoteCredentialAsync(signer, cancellationToken) is not null)
        {
            // The official confirms on their device: nothing is issued until the signature comes back and the seal is added.
            var pending = new Signing.PendingSignature(id, dossier.Id, agency.Id, request.Kind, TitleOf(request.Kind),
                context.Header.Reference ?? string.Empty, context.Verification.Code, $"{dossier.Code}-{request.Kind}.pdf", rendered.PageCount,
                request.IssuedBy, replaces?.Id, request.SourceKey, signer!.UserId, rendered.Content,
                Signing.RemoteSignatures.SerializeSlots(rendered.SignatureSlots), now);
            await remoteSignatures.DeferAsync(pending, signer!, cancellationToken);
            return new IssueOutcome(null, pending);
        }

        var content = rendered.Content;
        var sha256 = rendered.Sha256;
        if (signatures.Enabled)
        {
            // Signed by the official whose action issues it, then sealed by the agency; the stored bytes and their hash are the signed ones.
            content = await signatures.SignAsync(rendered, signer, agency, TitleOf(request.Kind), cancellationToken);
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        }

        var document = new IssuedDocument(id, dossier.Id, agency.Id, request.Kind, TitleOf(request.Kind), context.Header.Reference ?? string.Empty,
            context.Verification.Code, content, sha256, $"{dossier.Code}-{request.Kind}.pdf", rendered.PageCount, now,
            request.IssuedBy, replaces?.Id, request.SourceKey);
        db.IssuedDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        metrics?.DocumentIssued(request.Kind, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new IssueOutcome(document, null);
    }

    public static string TitleOf(string kind) => DocumentCatalog.TitleOf(kind);

    private static DomainException Unknown(string kind) =>
        new("document.kind_unknown", $"OneStop không có biểu mẫu cho loại văn bản '{kind}'.");

    private sealed record FormContext(Dossier Dossier, Procedure Procedure, Agency Agency, Agency? Parent, Official Issuer,
        Verification Verification, DocumentHeader Header)
    {
        public Applicant Applicant => new(Dossier.Applicant.FullName, Dossier.Applicant.IdNumber, Dossier.Applicant.Address,
            Dossier.Applicant.PhoneAsTyped ?? Dossier.Applicant.Phone, Dossier.Applicant.Email);
    }

    private sealed record Official(string Name, string Title, string? Phone, string? Email, bool IsPerson);

    private DocumentHeader Header(Agency agency, Agency? parent, IssueRequest request, Dossier dossier, DateTimeOffset now) => new(
        parent?.Name.ToUpper(VietnameseFormats.Culture),
        agency.Name.ToUpper(VietnameseFormats.Culture),
        DocumentCatalog.Find(request.Kind)?.FromCounter == true ? "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" : null,
        $"{dossier.Code}/{DocumentCatalog.Find(request.Kind)?.ReferenceSuffix ?? throw Unknown(request.Kind)}",
        province.Value.Place,
        now,
        agency.Name);

    private async Task<Official> IssuerAsync(Signing.PrintedSigner? printed, CancellationToken cancellationToken)
    {
        // The name and the title the official signs under come from their account; a citizen's or the system's document has no person.
        if (printed is not { IsOfficial: true } signer)
        {
            return new Official("Hệ thống OneStop", "Hệ thống", null, null, false);
        }

        var contact = await db.Users.AsNoTracking().Where(u => u.Id == signer.UserId).Select(u => new { u.PhoneNumber, u.Email }).SingleAsync(cancellationToken);
        return new Official(signer.Name, signer.Title, contact.PhoneNumber, contact.Email, true);
    }

    private async Task<ReceiptModel> ReceiptAsync(FormContext c, CancellationToken cancellationToken)
    {
        var instance = c.Dossier.WorkflowInstanceId is { } instanceId
            ? await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            : null;
        var counter = await db.Departments.AsNoTracking().Where(d => d.AgencyId == c.Agency.Id && d.IsReception).Select(d => d.Name)
            .FirstOrDefaultAsync(cancellationToken);
        var received = c.Dossier.ReceivedAt ?? clock.GetUtcNow();
        return new ReceiptModel
        {
            Header = c.Header,
            DossierCode = c.Dossier.Code!,
            ReceivingOffice = $"{counter ?? "Bộ phận Tiếp nhận và Trả kết quả"} — {c.Agency.Name}",
            Applicant = c.Applicant,
            ProcedureName = c.Procedure.Name,
            Documents = c.Procedure.RequiredDocuments.Select(d => new ReceivedDocument(d.Name, d.FormLabel, d.Copies)).ToList(),
            ProcessingDays = c.Procedure.ProcessingDays,
            ReceivedAt = received,
            DueAt = c.Dossier.DueAt ?? instance?.TotalDueAt ?? received,
            ResultDelivery = c.Procedure.Level == OnlineLevel.Level4 ? "Trực tuyến hoặc qua dịch vụ bưu chính" : "Tại Bộ phận Tiếp nhận và Trả kết quả",
            ReceivingOfficial = c.Issuer.Name,
            TrackingKey = OneStop.Core.Dossiers.LookupKeys.Format(c.Dossier.LookupKey),
            Verification = c.Verification,
        };
    }

    private static SupplementRequestModel SupplementRequest(FormContext c, IssueRequest request) => new()
    {
        Header = c.Header,
        DossierCode = c.Dossier.Code!,
        Applicant = c.Applicant,
        ProcedureName = c.Procedure.Name,
        ReceivedAt = c.Dossier.ReceivedAt ?? c.Dossier.SubmittedAt,
        Items = Lines(request.Comment).Select(line => new SupplementItem(line, "Theo quy định của thủ tục")).ToList(),
        Official = c.Issuer.Name,
        OfficialPhone = c.Issuer.Phone,
        OfficialEmail = c.Issuer.Email,
        Verification = c.Verification,
    };

    private static RejectionModel Rejection(FormContext c, IssueRequest request) => new()
    {
        Header = c.Header,
        DossierCode = c.Dossier.Code!,
        Applicant = c.Applicant,
        ProcedureName = c.Procedure.Name,
        ReceivedAt = c.Dossier.ReceivedAt ?? c.Dossier.SubmittedAt,
        Reason = string.IsNullOrWhiteSpace(request.Comment) ? "Hồ sơ không đáp ứng yêu cầu của thủ tục." : request.Comment,
        SignerTitle = c.Issuer.Title,
        SignerName = c.Issuer.Name,
        Verification = c.Verification,
    };

    private static ApologyModel Apology(FormContext c, IssueRequest request) => new()
    {
        Header = c.Header,
        DossierCode = c.Dossier.Code!,
        Applicant = c.Applicant,
        ProcedureName = c.Procedure.Name,
        ReceivedAt = c.Dossier.ReceivedAt ?? c.Dossier.CreatedAt,
        OriginalDueAt = c.Dossier.DueAt ?? c.Dossier.CreatedAt,
        Reason = string.IsNullOrWhiteSpace(request.Comment) ? "Hồ sơ cần thêm thời gian thẩm định." : request.Comment,
        NewDueAt = request.NewDueAt ?? throw new DomainException("document.new_date_required", "Văn bản xin lỗi cần ngày hẹn trả mới."),
        SignerTitle = c.Issuer.Title,
        SignerName = c.Issuer.Name,
        Verification = c.Verification,
    };

    private static StopProcessingModel StopProcessing(FormContext c, IssueRequest request, DateTimeOffset now) => new()
    {
        Header = c.Header,
        DossierCode = c.Dossier.Code!,
        Applicant = c.Applicant,
        ProcedureName = c.Procedure.Name,
        ReceivedAt = c.Dossier.ReceivedAt ?? c.Dossier.SubmittedAt ?? c.Dossier.CreatedAt,
        StoppedAt = now,
        Reason = string.IsNullOrWhiteSpace(request.Comment) ? "Hồ sơ không đủ điều kiện để tiếp tục giải quyết." : request.Comment,
        SignerTitle = c.Issuer.Title,
        SignerName = c.Issuer.Name,
        Verification = c.Verification,
    };

    private async Task<WithdrawalConfirmationModel> WithdrawalAsync(FormContext c, IssueRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The withdrawal as the journal records it: when, why and by whom (the applicant online, or the counter for them).
        var withdrawal = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == c.Dossier.WorkflowInstanceId && j.ActionId == "withdraw")
            .OrderByDescending(j => j.Sequence).FirstOrDefaultAsync(cancellationToken);
        var online = withdrawal?.ActorRole is null or Core.Identity.Roles.Citizen;
        return new WithdrawalConfirmationModel
        {
            Header = c.Header,
            DossierCode = c.Dossier.Code!,
            Applicant = c.Applicant,
            ProcedureName = c.Procedure.Name,
            ReceivedAt = c.Dossier.ReceivedAt,
            RequestedAt = withdrawal?.At ?? now,
            Channel = online ? "Trực tuyến trên Cổng dịch vụ công" : "Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả",
            Reason = withdrawal?.Comment ?? request.Comment ?? "Người nộp hồ sơ đề nghị rút hồ sơ.",
            ReturnedDocuments = c.Dossier.Channel == SubmissionChannel.Counter ? [.. c.Procedure.RequiredDocuments.Select(d => d.Name)] : [],
            Official = c.Issuer.IsPerson ? c.Issuer.Name : "Bộ phận Tiếp nhận và Trả kết quả",
            Verification = c.Verification,
        };
    }

    private async Task<ControlSlipModel> ControlSlipAsync(FormContext c, CancellationToken cancellationToken)
    {
        var journal = await db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == c.Dossier.WorkflowInstanceId).OrderBy(j => j.Sequence)
            .ToListAsync(cancellationToken);
        var actions = journal.Where(j => j.Kind == JournalKind.ActionPerformed).ToList();
        var names = await ActorNamesAsync(actions, cancellationToken);
        var steps = actions.Select(j => new ControlSlipStep(j.ActionLabel ?? j.ActionId ?? j.Kind.ToString(),
            names.GetValueOrDefault(j.ActorId ?? string.Empty, j.ActorRole ?? string.Empty), j.FromStep ?? string.Empty,
            string.Empty, j.ToStep ?? string.Empty, j.At, null, StepOutcome.OnTime, j.Comment)).ToList();
        return new ControlSlipModel
        {
            Header = c.Header,
            DossierCode = c.Dossier.Code!,
            Applicant = c.Applicant,
            ProcedureName = c.Procedure.Name,
            LeadUnit = c.Agency.Name,
            Steps = steps,
            DueAt = c.Dossier.DueAt ?? c.Dossier.CreatedAt,
            CompletedAt = c.Dossier.CompletedAt,
            Verification = c.Verification,
        };
    }

    private async Task<Dictionary<string, string>> ActorNamesAsync(IEnumerable<WorkflowJournalRecord> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => Guid.TryParse(e.ActorId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.FullName, cancellationToken);
    }

    private static ResultDocumentModel Result(FormContext c)
    {
        var formData = FlattenForm(c.Dossier.FormData);
        var template = c.Procedure.ResultTemplate is { } json
            ? ResultTemplate.FromJson(json)
            : DefaultResultTemplate(c.Procedure, formData.Keys);
        return new ResultDocumentModel
        {
            Header = c.Header,
            Template = template,
            DossierCode = c.Dossier.Code!,
            Applicant = c.Applicant,
            FormData = formData,
            SignerName = c.Issuer.Name,
            // The title the approving official signs under, from their account; the template's when no person issues it.
            SignerTitle = c.Issuer.IsPerson ? c.Issuer.Title : null,
            Verification = c.Verification,
        };
    }

    private async Task<ResultDocumentModel> PaymentReceiptAsync(FormContext c, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().Where(p => p.DossierId == c.Dossier.Id && p.Status == Core.Payments.PaymentStatus.Succeeded)
                          .OrderBy(p => p.CompletedAt).FirstOrDefaultAsync(cancellationToken)
                      ?? throw new DomainException("document.payment_missing", $"Hồ sơ {c.Dossier.Code} chưa có khoản thanh toán thành công.");
        return new ResultDocumentModel
        {
            Header = c.Header,
            Template = ResultTemplate.FromJson(JsonSerializer.Serialize(new
            {
                title = "BIÊN LAI THU PHÍ, LỆ PHÍ",
                subtitle = "(Thanh toán trực tuyến)",
                paragraphs = new[] { "Đã thu của ông/bà {{applicantName}} phí, lệ phí giải quyết hồ sơ số {{dossierCode}}:" },
                fields = new[]
                {
                    new { label = "Thủ tục", value = "{{procedure}}" },
                    new { label = "Số tiền", value = "{{amount}}" },
                    new { label = "Hình thức", value = "{{provider}}" },
                    new { label = "Mã giao dịch", value = "{{transaction}}" },
                    new { label = "Thời điểm thanh toán", value = "{{paidAt}}" },
                },
                signerTitle = "ĐƠN VỊ THU",
            })),
            DossierCode = c.Dossier.Code!,
            Applicant = c.Applicant,
            FormData = new Dictionary<string, string>
            {
                ["procedure"] = c.Procedure.Name,
                ["amount"] = payment.Amount.ToString("#,0", VietnameseFormats.Culture) + " đồng",
                ["provider"] = payment.Provider == "Simulated" ? "Thanh toán trực tuyến (ngân hàng giả lập)" : "Thanh toán trực tuyến qua " + payment.Provider,
                ["transaction"] = payment.ProviderReference ?? payment.Id.ToString(),
                ["paidAt"] = VietnameseFormats.DateTime((payment.CompletedAt ?? payment.CreatedAt)),
            },
            SignerName = c.Agency.Name,
            Verification = c.Verification,
        };
    }

    private static ResultTemplate DefaultResultTemplate(Procedure procedure, IEnumerable<string> fields) => ResultTemplate.FromJson(JsonSerializer.Serialize(new
    {
        title = "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        subtitle = procedure.Name,
        paragraphs = new[] { "Cấp cho ông/bà {{applicantName}}, hồ sơ số {{dossierCode}}." },
        fields = procedure.FormSchema.Where(f => fields.Contains(f.Name)).Select(f => new { label = f.Label, value = "{{" + f.Name + "}}" }),
        signerTitle = "THỦ TRƯỞNG CƠ QUAN",
    }));

    private static Dictionary<string, string> FlattenForm(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString() ?? string.Empty,
            JsonValueKind.True => "Có",
            JsonValueKind.False => "Không",
            _ => p.Value.GetRawText(),
        });
    }

    private static IEnumerable<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ["Hoàn thiện hồ sơ theo hướng dẫn của cán bộ tiếp nhận."]
            : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
