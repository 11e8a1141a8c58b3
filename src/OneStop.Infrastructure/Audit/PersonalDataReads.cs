using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Identity;

namespace OneStop.Infrastructure.Audit;

/// <summary>
/// Who saw what (Decree 13/2023 on personal data): an official's or administrator's reading of a dossier, download of its documents
/// and attachments, and the register of dossiers are written to the audit log, with who, when and from where. Applicants reading
/// their own dossiers are not. Written in a scope of its own, so a read never saves anything else the request had tracked.
/// </summary>
public sealed class PersonalDataReads(IServiceScopeFactory scopes, IHttpContextAccessor http)
{
    public const string DossierViewed = "dossier.viewed";
    public const string DocumentDownloaded = "document.downloaded";
    public const string AttachmentViewed = "attachment.viewed";
    public const string RegisterViewed = "register.viewed";

    public Task DossierAsync(Guid dossierId, string? code, CancellationToken cancellationToken) =>
        WriteAsync(DossierViewed, "Dossier", dossierId.ToString(), null, code, cancellationToken);

    public Task DocumentAsync(Guid documentId, string fileName, string? code, CancellationToken cancellationToken) =>
        WriteAsync(DocumentDownloaded, "IssuedDocument", documentId.ToString(), new { file = fileName }, code, cancellationToken);

    public Task AttachmentAsync(Guid attachmentId, string fileName, string? code, CancellationToken cancellationToken) =>
        WriteAsync(AttachmentViewed, "DossierAttachment", attachmentId.ToString(), new { file = fileName }, code, cancellationToken);

    public Task RegisterAsync(Guid agencyId, DateOnly from, DateOnly to, string format, CancellationToken cancellationToken) =>
        WriteAsync(RegisterViewed, "Register", agencyId.ToString(), new { from, to, format }, null, cancellationToken);

    private async Task WriteAsync(string action, string entityType, string entityId, object? details, string? code, CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        if (user is null || !(user.IsInRole(Roles.Reception) || user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Admin)))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(action, entityType, entityId, null, details, code, cancellationToken);
    }
}
