namespace OneStop.Infrastructure.NationalPortal;

/// <summary>A dossier's status as the national portal is told it (the message's "status").</summary>
public enum PortalStatus
{
    /// <summary>The dossier reached the province (submitted online, at the counter, or sent by the portal).</summary>
    Received,

    /// <summary>The counter accepted it (tiếp nhận), or the applicant's supplement arrived: it is being processed; the appointment date is set.</summary>
    InProgress,

    /// <summary>The applicant is asked to supplement it (yêu cầu bổ sung).</summary>
    SupplementRequested,

    Completed,

    Rejected,

    Withdrawn,

    /// <summary>It will be late: an apology letter promised a new date (phiếu xin lỗi và hẹn lại).</summary>
    LateWithApology,
}
