using OneStop.Core.Common;
using OneStop.Core.Dossiers;

namespace OneStop.UnitTests.Dossiers;

/// <summary>Every named transition of a dossier, from each state it may and may not start from.</summary>
public sealed class DossierTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    private static Dossier Draft() =>
        Dossier.Draft(Guid.NewGuid(), Guid.NewGuid(), new Applicant("Nguyễn Văn An", "020090001234", null, null, null), Guid.NewGuid(), "{}", At, null);

    private static Dossier In(DossierStatus status)
    {
        var dossier = Draft();
        dossier.Submit("SGTVT-260302-0001", At);
        switch (status)
        {
            case DossierStatus.Draft:
                return Draft();
            case DossierStatus.Submitted:
                break;
            case DossierStatus.InProgress:
                dossier.Receive(At, At.AddDays(10));
                break;
            case DossierStatus.WaitingForSupplement:
                dossier.AskForSupplement();
                break;
            case DossierStatus.Completed:
                dossier.Receive(At, At.AddDays(10));
                dossier.Complete(At.AddDays(5));
                break;
            case DossierStatus.Rejected:
                dossier.Reject(At.AddDays(1));
                break;
            case DossierStatus.Withdrawn:
                dossier.Withdraw(At.AddDays(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "ResultReady only comes from the legacy import.");
        }

        Assert.Equal(status, dossier.Status);
        return dossier;
    }

    public static TheoryData<DossierStatus> Closed => new() { DossierStatus.Completed, DossierStatus.Rejected, DossierStatus.Withdrawn };

    public static TheoryData<DossierStatus> NotSent => new() { DossierStatus.Draft, DossierStatus.Completed, DossierStatus.Rejected, DossierStatus.Withdrawn };

    [Fact]
    public void Submit_gives_a_draft_its_code_and_sends_it()
    {
        var dossier = Draft();

        dossier.Submit("SGTVT-260302-0001", At);

        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Equal("SGTVT-260302-0001", dossier.Code);
        Assert.Equal(At, dossier.SubmittedAt);
    }

    [Theory]
    [InlineData(DossierStatus.Submitted)]
    [InlineData(DossierStatus.InProgress)]
    [InlineData(DossierStatus.Withdrawn)]
    public void Submit_and_UpdateDraft_are_refused_once_sent(DossierStatus status)
    {
        var dossier = In(status);

        Assert.Throws<ConflictException>(() => dossier.Submit("X-1", At));
        Assert.Throws<ConflictException>(() => dossier.UpdateDraft(dossier.Applicant, "{}", At));
    }

    [Fact]
    public void Receive_starts_the_clock_of_a_submitted_dossier()
    {
        var dossier = In(DossierStatus.Submitted);

        dossier.Receive(At, At.AddDays(10));

        Assert.Equal(DossierStatus.InProgress, dossier.Status);
        Assert.Equal(At, dossier.ReceivedAt);
        Assert.Equal(At.AddDays(10), dossier.DueAt);
    }

    [Fact]
    public void Receive_is_refused_twice()
    {
        var dossier = In(DossierStatus.InProgress);

        Assert.Throws<ConflictException>(() => dossier.Receive(At, At.AddDays(3)));
    }

    [Fact]
    public void Receive_while_waiting_for_a_supplement_keeps_it_waiting()
    {
        var dossier = In(DossierStatus.WaitingForSupplement);

        dossier.Receive(At, At.AddDays(10));

        Assert.Equal(DossierStatus.WaitingForSupplement, dossier.Status);
        Assert.NotNull(dossier.ReceivedAt);
    }

    [Fact]
    public void Reschedule_moves_the_appointment_of_a_received_dossier_only()
    {
        var received = In(DossierStatus.InProgress);
        received.Reschedule(At.AddDays(12));
        Assert.Equal(At.AddDays(12), received.DueAt);

        Assert.Throws<ConflictException>(() => In(DossierStatus.Submitted).Reschedule(At.AddDays(12)));
    }

    [Theory]
    [InlineData(DossierStatus.Submitted)]
    [InlineData(DossierStatus.InProgress)]
    public void AskForSupplement_makes_it_wait_for_the_applicant(DossierStatus status)
    {
        var dossier = In(status);

        dossier.AskForSupplement();

        Assert.Equal(DossierStatus.WaitingForSupplement, dossier.Status);
    }

    [Fact]
    public void AskForSupplement_is_refused_while_already_waiting()
    {
        Assert.Throws<ConflictException>(() => In(DossierStatus.WaitingForSupplement).AskForSupplement());
    }

    [Fact]
    public void SupplementReceived_returns_to_where_the_dossier_was()
    {
        var notReceived = In(DossierStatus.WaitingForSupplement);
        notReceived.SupplementReceived();
        Assert.Equal(DossierStatus.Submitted, notReceived.Status);

        var received = In(DossierStatus.InProgress);
        received.AskForSupplement();
        received.SupplementReceived();
        Assert.Equal(DossierStatus.InProgress, received.Status);
    }

    [Theory]
    [InlineData(DossierStatus.Submitted)]
    [InlineData(DossierStatus.InProgress)]
    public void SupplementReceived_is_refused_when_nothing_was_asked(DossierStatus status)
    {
        Assert.Throws<ConflictException>(() => In(status).SupplementReceived());
    }

    [Theory]
    [InlineData(DossierStatus.Submitted)]
    [InlineData(DossierStatus.InProgress)]
    [InlineData(DossierStatus.WaitingForSupplement)]
    public void Complete_Reject_and_Withdraw_close_an_open_dossier(DossierStatus status)
    {
        var completed = In(status);
        completed.Complete(At.AddDays(3));
        Assert.Equal((DossierStatus.Completed, At.AddDays(3)), (completed.Status, completed.CompletedAt));

        var rejected = In(status);
        rejected.Reject(At.AddDays(3));
        Assert.Equal((DossierStatus.Rejected, At.AddDays(3)), (rejected.Status, rejected.CompletedAt));

        var withdrawn = In(status);
        withdrawn.Withdraw(At.AddDays(3));
        Assert.Equal((DossierStatus.Withdrawn, At.AddDays(3)), (withdrawn.Status, withdrawn.CompletedAt));
        Assert.True(withdrawn.IsClosed);
    }

    [Theory]
    [MemberData(nameof(NotSent))]
    public void Nothing_changes_a_draft_or_a_closed_dossier_after_submission(DossierStatus status)
    {
        var dossier = In(status);

        Assert.ThrowsAny<DomainException>(() => dossier.Receive(At, At.AddDays(1)));
        Assert.ThrowsAny<DomainException>(() => dossier.AskForSupplement());
        Assert.ThrowsAny<DomainException>(() => dossier.SupplementReceived());
        Assert.ThrowsAny<DomainException>(() => dossier.Complete(At));
        Assert.ThrowsAny<DomainException>(() => dossier.Reject(At));
        Assert.ThrowsAny<DomainException>(() => dossier.Withdraw(At));
        Assert.Equal(status, dossier.Status);
    }

    [Theory]
    [MemberData(nameof(Closed))]
    public void A_closed_dossier_takes_no_hand_over_new_date_or_delivery_choice(DossierStatus status)
    {
        var dossier = In(status);

        Assert.ThrowsAny<DomainException>(() => dossier.RecordResultReturn(Guid.NewGuid(), HandoverMethod.Counter, "Nguyễn Văn An", At));
        Assert.ThrowsAny<DomainException>(() => dossier.PromiseNewDate(At.AddDays(30)));
        Assert.ThrowsAny<DomainException>(() => dossier.ChooseResultDelivery(ResultDelivery.Electronic, null));
    }

    [Fact]
    public void RecordResultReturn_happens_once()
    {
        var dossier = In(DossierStatus.InProgress);

        dossier.RecordResultReturn(Guid.NewGuid(), HandoverMethod.Counter, "  Nguyễn Văn An ", At);

        Assert.Equal("Nguyễn Văn An", dossier.ResultReceivedBy);
        Assert.Throws<ConflictException>(() => dossier.RecordResultReturn(Guid.NewGuid(), HandoverMethod.Online, null, At));
    }

    [Fact]
    public void PromiseNewDate_needs_a_received_dossier_and_a_later_date_each_time()
    {
        Assert.Throws<DomainException>(() => In(DossierStatus.Submitted).PromiseNewDate(At.AddDays(30)));
        var dossier = In(DossierStatus.InProgress);
        Assert.Throws<DomainException>(() => dossier.PromiseNewDate(At.AddDays(5)));

        dossier.PromiseNewDate(At.AddDays(20));

        Assert.Equal(At.AddDays(20), dossier.PromisedAt);
        Assert.Equal(At.AddDays(10), dossier.DueAt);
        Assert.Throws<DomainException>(() => dossier.PromiseNewDate(At.AddDays(15)));
    }

    [Fact]
    public void ChooseResultDelivery_by_post_needs_an_address_and_electronic_drops_it()
    {
        var dossier = In(DossierStatus.InProgress);
        Assert.Throws<DomainException>(() => dossier.ChooseResultDelivery(ResultDelivery.Post, "ngắn"));

        dossier.ChooseResultDelivery(ResultDelivery.Post, "Số 12 đường Bà Triệu, Lạng Sơn");
        Assert.Equal("Số 12 đường Bà Triệu, Lạng Sơn", dossier.PostalAddress);

        dossier.ChooseResultDelivery(ResultDelivery.Electronic, "Số 12 đường Bà Triệu, Lạng Sơn");
        Assert.Null(dossier.PostalAddress);
    }

    [Fact]
    public void RecordFeePaid_keeps_the_first_payment()
    {
        var dossier = In(DossierStatus.Submitted);
        var first = Guid.NewGuid();

        Assert.True(dossier.RecordFeePaid(first, At));
        Assert.False(dossier.RecordFeePaid(Guid.NewGuid(), At.AddMinutes(1)));
        Assert.Equal(first, dossier.FeePaymentId);
    }
}
