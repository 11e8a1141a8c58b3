using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using OneStop.Infrastructure.Data;

namespace OneStop.Infrastructure.Audit;

/// <summary>Appends audit lines through the scope's DbContext, so they commit or roll back with the change they describe.</summary>
internal sealed class AuditLog(OneStopDbContext db, IAuditActor actor, TimeProvider clock) : IAuditLog
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public Task WriteAsync(string action, string entityType, string? entityId, object? before, object? after, string? dossierId = null,
        CancellationToken cancellationToken = default) =>
        WriteAsync(actor.Current, action, entityType, entityId, before, after, dossierId, cancellationToken);

    public async Task WriteAsync(AuditActorInfo who, string action, string entityType, string? entityId, object? before, object? after,
        string? dossierId, CancellationToken cancellationToken = default)
    {
        db.Add(new AuditEntry(clock.GetUtcNow(), who, action, entityType, entityId, dossierId, Serialize(before), Serialize(after)));
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);
}
