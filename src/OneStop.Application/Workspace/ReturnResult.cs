using Microsoft.EntityFrameworkCore;
using OneStop.Application.Common;
using OneStop.Application.Officials;
using OneStop.Core.Common;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;

namespace OneStop.Application.Workspace;

/// <summary>The hand-over of the result: how, to whom; with the workflow action that returns it.</summary>
public sealed record ReturnResultCommand(PerformActionCommand Action, HandoverMethod? Method, string? ReceivedBy);

/// <summary>Records who received the result, when and how, and performs the workflow's return action, in one transaction.</summary>
public sealed class ReturnResult(OneStopDbContext db, WorkspaceDossiers dossiers, OfficialContext officials, PerformAction perform,
    TimeProvider clock, IUnitOfWork unitOfWork) : UseCase<ReturnResultCommand, ActionDone>(unitOfWork)
{
    /// <summary>The workflow action id that returns the result to the applicant; the workspace asks how and to whom.</summary>
    public const string ActionId = "returnResult";

    protected override async Task<ActionDone> RunAsync(ReturnResultCommand command, CancellationToken cancellationToken)
    {
        var method = command.Method
            ?? throw new DomainException("handover.method_required", "Chọn hình thức trả kết quả: tại Bộ phận một cửa, trực tuyến hoặc qua bưu chính.");
        if (method == HandoverMethod.Counter && string.IsNullOrWhiteSpace(command.ReceivedBy))
        {
            throw new DomainException("handover.receiver_required", "Trả kết quả tại Bộ phận một cửa: nhập họ tên người nhận kết quả.");
        }

        var actor = await officials.RequireAsync(cancellationToken);
        var dossier = await dossiers.GetAsync(command.Action.DossierId, cancellationToken);
        if (await db.PendingSignatures.AnyAsync(p => p.DossierId == dossier.Id && p.State != Infrastructure.Signing.PendingSignatureState.Completed,
                cancellationToken))
        {
            // A result waiting for its signer's remote signature is not issued yet: nothing to hand over.
            throw new DomainException("handover.result_being_signed",
                "Kết quả của hồ sơ đang chờ ký số (hoặc ký số chưa thành công); chỉ trả kết quả sau khi văn bản đã được ký số và phát hành.");
        }

        dossier.RecordResultReturn(Guid.Parse(actor.UserId), method, command.ReceivedBy, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var comment = string.Join(" ", new[] { HandoverText.Describe(method, dossier.ResultReceivedBy), command.Action.Comment }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
        return await perform.ExecuteAsync(command.Action with { ActionId = ActionId, Comment = comment }, cancellationToken);
    }
}
