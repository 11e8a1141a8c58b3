using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Infrastructure.NationalPortal;

/// <summary>What the national portal receives for one status change (JSON, camelCase); no personal data.</summary>
public sealed record PortalMessageBody(
    Guid MessageId,
    string DossierCode,
    string? NationalId,
    int Sequence,
    PortalStatus Status,
    string ProcedureCode,
    string AgencyIdentifier,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? NewDueAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset OccurredAt)
{
    /// <summary>The wire format: camelCase names, statuses as camelCase text (received, inProgress, supplementRequested …).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static PortalMessageBody Of(PortalMessage message, string? nationalId)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.MessageId, message.DossierCode, nationalId, message.Sequence, message.Status, message.ProcedureCode, message.AgencyIdentifier,
            message.SubmittedAt, message.ReceivedAt, message.DueAt, message.NewDueAt, message.CompletedAt, message.OccurredAt);
    }
}
