using System.Text.Json;
using OneStop.Core.Common;

namespace OneStop.Core.Dossiers;

/// <summary>One application (hồ sơ): who applied for what, with which data, and where it stands.</summary>
public sealed class Dossier
{
    private Dossier()
    {
        Applicant = null!;
        FormData = "{}";
    }

    /// <summary>Starts a draft: no code yet, nothing sent to the agency (a walk-in applicant has no account).</summary>
    public static Dossier Draft(Guid procedureId, Guid agencyId, Applicant applicant, Guid? applicantUserId, string formDataJson,
        DateTimeOffset at, string? idempotencyKey, SubmissionChannel channel = SubmissionChannel.Online) => new()
    {
        Id = Guid.NewGuid(),
        ProcedureId = procedureId,
        AgencyId = agencyId,
        Applicant = applicant,
        ApplicantUserId = applicantUserId,
        Channel = channel,
        FormData = ValidJson(formDataJson),
        CreatedAt = at,
        Status = DossierStatus.Draft,
        IdempotencyKey = idempotencyKey,
    };

    public Dossier(string code, Guid procedureId, Guid agencyId, Applicant applicant, Guid? applicantUserId,
        SubmissionChannel channel, string formDataJson, DateTimeOffset submittedAt)
    {
        Id = Guid.NewGuid();
        Code = code;
        ProcedureId = procedureId;
        AgencyId = agencyId;
        Applicant = applicant;
        ApplicantUserId = applicantUserId;
        Channel = channel;
        FormData = ValidJson(formDataJson);
        CreatedAt = submittedAt;
        SubmittedAt = submittedAt;
        Status = DossierStatus.Submitted;
    }

    public Guid Id { get; private set; }

    /// <summary>The public code AGENCY-yyMMdd-NNNN printed on the receipt; null while a draft.</summary>
    public string? Code { get; private set; }

    /// <summary>The client's key for creating this draft, so a retried request finds it instead of making another.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>The code the dossier had in the old system, when migrated.</summary>
    public string? LegacyCode { get; private set; }

    public Guid ProcedureId { get; private set; }

    public Guid AgencyId { get; private set; }

    public Applicant Applicant { get; private set; }

    public Guid? ApplicantUserId { get; private set; }

    public SubmissionChannel Channel { get; private set; }

    /// <summary>The form data as JSON (field name → value).</summary>
    public string FormData { get; private set; }

    public DossierStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When the counter accepted it; the legal clock starts here.</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>The appointment date (ngày hẹn trả).</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public Guid? WorkflowInstanceId { get; private set; }

    /// <summary>The procedure version (fees, deadline, form) the dossier was submitted under; null for dossiers older than versioning.</summary>
    public Guid? ProcedureVersionId { get; private set; }

    /// <summary>Records the procedure version in force at submission; it never changes afterwards.</summary>
    public void PinProcedureVersion(Guid versionId) => ProcedureVersionId ??= versionId;

    public bool IsClosed => Status is DossierStatus.Completed or DossierStatus.Rejected or DossierStatus.Withdrawn;

    public void AttachWorkflow(Guid instanceId) => WorkflowInstanceId = instanceId;

    public void UpdateDraft(Applicant applicant, string formDataJson, DateTimeOffset at)
    {
        EnsureDraft();
        Applicant = applicant;
        FormData = ValidJson(formDataJson);
        CreatedAt = CreatedAt == default ? at : CreatedAt;
    }

    /// <summary>Records a value an automatic workflow step set (idempotent: setting the same value twice changes nothing).</summary>
    public void SetWorkflowField(string formDataJson) => FormData = ValidJson(formDataJson);

    /// <summary>Sends the draft: it gets its public code and is handed to the agency.</summary>
    public void Submit(string code, DateTimeOffset at)
    {
        EnsureDraft();
        Code = code;
        SubmittedAt = at;
        Status = DossierStatus.Submitted;
    }

    public void EnsureDraft()
    {
        if (Status != DossierStatus.Draft)
        {
            throw new ConflictException("dossier.not_draft", $"Hồ sơ {Code} đã được nộp, không thể sửa bản nháp.");
        }
    }

    /// <summary>The counter accepted the dossier (tiếp nhận): the legal clock starts and the appointment date is set.</summary>
    public void Receive(DateTimeOffset receivedAt, DateTimeOffset dueAt)
    {
        EnsureSubmitted(nameof(Receive));
        if (ReceivedAt is not null)
        {
            throw Illegal("đã được tiếp nhận");
        }

        ReceivedAt = receivedAt;
        DueAt = dueAt;
        if (Status == DossierStatus.Submitted)
        {
            Status = DossierStatus.InProgress;
        }
    }

    /// <summary>The legal clock moved the appointment (a supplement restarted or resumed it).</summary>
    public void Reschedule(DateTimeOffset dueAt)
    {
        EnsureSubmitted(nameof(Reschedule));
        if (ReceivedAt is null)
        {
            throw Illegal("chưa được tiếp nhận nên chưa có ngày hẹn trả");
        }

        DueAt = dueAt;
    }

    /// <summary>The applicant is asked to supplement the dossier (yêu cầu bổ sung): it waits for them.</summary>
    public void AskForSupplement()
    {
        EnsureSubmitted(nameof(AskForSupplement));
        if (Status == DossierStatus.WaitingForSupplement)
        {
            throw Illegal("đang chờ bổ sung");
        }

        Status = DossierStatus.WaitingForSupplement;
    }

    /// <summary>The applicant's supplement arrived: the dossier goes back to where it was (received or not).</summary>
    public void SupplementReceived()
    {
        EnsureSubmitted(nameof(SupplementReceived));
        if (Status != DossierStatus.WaitingForSupplement)
        {
            throw Illegal("không chờ bổ sung");
        }

        Status = ReceivedAt is null ? DossierStatus.Submitted : DossierStatus.InProgress;
    }

    /// <summary>Processing ended with the result (or the dossier passed to another authority): it is closed as completed.</summary>
    public void Complete(DateTimeOffset at) => Close(DossierStatus.Completed, at);

    /// <summary>The agency refused to process the dossier (từ chối): it is closed.</summary>
    public void Reject(DateTimeOffset at) => Close(DossierStatus.Rejected, at);

    /// <summary>The applicant withdrew the dossier before a decision (rút hồ sơ): it is closed.</summary>
    public void Withdraw(DateTimeOffset at)
    {
        if (Status == DossierStatus.ResultReady)
        {
            throw Illegal("đã có kết quả");
        }

        Close(DossierStatus.Withdrawn, at);
    }

    private void Close(DossierStatus status, DateTimeOffset at)
    {
        EnsureSubmitted(status.ToString());
        Status = status;
        CompletedAt = at;
    }

    /// <summary>Any change after submission: refused for a draft (not yet sent) and for a closed dossier.</summary>
    private void EnsureSubmitted(string change)
    {
        EnsureOpen();
        if (Status == DossierStatus.Draft)
        {
            throw new ConflictException("dossier.draft", $"Hồ sơ chưa được nộp ({change}).");
        }
    }

    private ConflictException Illegal(string state) =>
        new("dossier.transition", $"Hồ sơ {Code} {state}, không thể thực hiện thay đổi này.");

    // --- Workspace: result hand-over and the apology's new date ---

    /// <summary>When the result was handed to the applicant.</summary>
    public DateTimeOffset? ResultReturnedAt { get; private set; }

    /// <summary>The official who handed the result over.</summary>
    public Guid? ResultReturnedBy { get; private set; }

    /// <summary>How it was handed over: at the counter, online, by post.</summary>
    public HandoverMethod? ResultReturnMethod { get; private set; }

    /// <summary>Who received it (the applicant or their representative), or the postal tracking number.</summary>
    public string? ResultReceivedBy { get; private set; }

    /// <summary>The new appointment date promised in an apology; the original <see cref="DueAt"/> still decides lateness.</summary>
    public DateTimeOffset? NewDueAt { get; private set; }

    /// <summary>The date the applicant was last promised: the apology's new date, else the appointment date.</summary>
    public DateTimeOffset? PromisedAt => NewDueAt ?? DueAt;

    /// <summary>Records the hand-over of the result; once recorded it is not changed.</summary>
    public void RecordResultReturn(Guid by, HandoverMethod method, string? receivedBy, DateTimeOffset at)
    {
        EnsureOpen();
        if (ResultReturnedAt is not null)
        {
            throw new ConflictException("dossier.result_returned", $"Kết quả của hồ sơ {Code} đã được trả.");
        }

        ResultReturnedAt = at;
        ResultReturnedBy = by;
        ResultReturnMethod = method;
        ResultReceivedBy = string.IsNullOrWhiteSpace(receivedBy) ? null : Text.Clean(receivedBy);
    }

    /// <summary>An apology promised a new date (it must be later than the appointment and than the previous promise).</summary>
    public void PromiseNewDate(DateTimeOffset newDueAt)
    {
        EnsureOpen();
        if (ReceivedAt is null || DueAt is null)
        {
            throw new DomainException("dossier.not_received", "Hồ sơ chưa được tiếp nhận nên chưa có ngày hẹn trả để hẹn lại.");
        }

        if (newDueAt <= (NewDueAt ?? DueAt))
        {
            throw new DomainException("dossier.new_date_not_later", "Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.");
        }

        NewDueAt = newDueAt;
    }

    // --- Portal: fee payment and how the result is delivered ---

    /// <summary>When the fee was paid online (level 4); null while unpaid.</summary>
    public DateTimeOffset? FeePaidAt { get; private set; }

    /// <summary>The payment attempt that paid the fee.</summary>
    public Guid? FeePaymentId { get; private set; }

    /// <summary>Electronic or by post; null until the applicant chooses.</summary>
    public ResultDelivery? ResultDelivery { get; private set; }

    /// <summary>Where the result is posted when <see cref="ResultDelivery"/> is Post.</summary>
    public string? PostalAddress { get; private set; }

    /// <summary>Records the paid fee; a second successful payment does not replace the first.</summary>
    public bool RecordFeePaid(Guid paymentId, DateTimeOffset at)
    {
        if (FeePaidAt is not null)
        {
            return false;
        }

        FeePaidAt = at;
        FeePaymentId = paymentId;
        return true;
    }

    /// <summary>The applicant chooses how to receive the result; possible until the result is handed over.</summary>
    public void ChooseResultDelivery(ResultDelivery delivery, string? postalAddress)
    {
        if (IsClosed || ResultReturnedAt is not null)
        {
            throw new ConflictException("dossier.delivery_closed", "Hồ sơ đã trả kết quả hoặc đã kết thúc, không đổi được cách nhận kết quả.");
        }

        ResultDelivery = delivery;
        PostalAddress = PostalAddressRule.For(delivery, postalAddress);
    }

    // --- Public look-up: the second factor printed on the receipt ---

    /// <summary>The random key the public look-up asks beside the code; drawn by the database when the row is inserted.</summary>
    public string? LookupKey { get; private set; }

    /// <summary>Whether a key someone typed (case, spaces and dashes ignored) is this dossier's.</summary>
    public bool MatchesLookupKey(string? typed) => LookupKeys.Matches(LookupKey, typed);

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainException("dossier.closed", $"Hồ sơ {Code} đã kết thúc, không thể thay đổi.");
        }
    }

    private static string ValidJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Text.Clean(json)
                : throw new DomainException("dossier.form_invalid", "Dữ liệu tờ khai phải là một đối tượng JSON.");
        }
        catch (JsonException)
        {
            throw new DomainException("dossier.form_invalid", "Dữ liệu tờ khai không đúng định dạng JSON.");
        }
    }
}
