using OneStop.Core.Procedures;

namespace OneStop.Infrastructure.Seeding;

/// <summary>A demo procedure; a null agency means the applicant chooses a commune.</summary>
public sealed record ProcedureSeed(string Code, string Name, string Field, string? Agency, OnlineLevel Level, decimal Fee, int Days,
    string Workflow, IReadOnlyList<RequiredDocument> Documents, IReadOnlyList<FormField> Form)
{
    /// <summary>The result document template (JSON), editable by administrators; null uses the generic result layout.</summary>
    public string? ResultTemplate { get; init; }
}
