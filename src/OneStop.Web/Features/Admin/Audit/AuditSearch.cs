using Microsoft.EntityFrameworkCore;
using OneStop.Core.Common;
using OneStop.Infrastructure.Audit;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Calendar;

namespace OneStop.Web.Features.Admin.Audit;

/// <summary>Searches the audit log by person, dossier, entity and time (Vietnam dates), newest first, a page at a time.</summary>
public sealed class AuditSearch(OneStopDbContext db)
{
    public const int PageSize = 50;

    public sealed record Query
    {
        /// <summary>E-mail (or part of it) of the person who acted.</summary>
        public string? User { get; init; }

        public string? Dossier { get; init; }

        public string? EntityType { get; init; }

        public string? EntityId { get; init; }

        public string? Action { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public int Page { get; init; } = 1;
    }

    public sealed record Result(IReadOnlyList<AuditEntry> Items, int Total, int Page)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public async Task<Result> SearchAsync(Query query, CancellationToken cancellationToken)
    {
        var rows = db.AuditLog.AsNoTracking();
        if (Text.CleanOrNull(query.User) is { } user)
        {
            rows = rows.Where(a => EF.Functions.ILike(a.UserName!, SearchText.Contains(user)));
        }

        if (Text.CleanOrNull(query.Dossier) is { } dossier)
        {
            rows = rows.Where(a => a.DossierId == dossier.ToUpperInvariant());
        }

        if (Text.CleanOrNull(query.EntityType) is { } type)
        {
            rows = rows.Where(a => a.EntityType == type);
        }

        if (Text.CleanOrNull(query.EntityId) is { } id)
        {
            rows = rows.Where(a => a.EntityId == id);
        }

        if (Text.CleanOrNull(query.Action) is { } action)
        {
            rows = rows.Where(a => EF.Functions.ILike(a.Action, SearchText.Contains(action)));
        }

        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
            rows = rows.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
            rows = rows.Where(a => a.At < end);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await rows.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Result(items, total, page);
    }

    /// <summary>The entity types the log records, with their Vietnamese names, for the filter.</summary>
    public static IReadOnlyList<(string Type, string Label)> EntityTypes { get; } =
    [
        ("Dossier", "Hồ sơ"), ("Agency", "Cơ quan"), ("Department", "Phòng ban"), ("ServiceCounter", "Quầy một cửa"),
        ("User", "Tài khoản"), ("UserRole", "Vai trò của tài khoản"), ("Procedure", "Thủ tục"), ("ProcedureVersion", "Phiên bản thủ tục"),
        ("Field", "Lĩnh vực"), ("WorkflowDefinition", "Quy trình"), ("CalendarYear", "Lịch nghỉ lễ"), ("Setting", "Cấu hình"),
    ];
}
