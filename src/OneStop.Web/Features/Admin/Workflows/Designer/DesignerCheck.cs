namespace OneStop.Web.Features.Admin.Workflows.Designer;

/// <summary>
/// The server's word on a draft: the validator's problems (which block publishing), warnings (which do not), the latest published
/// version of the draft's id, and the Mermaid text for experts.
/// </summary>
public sealed record DesignerCheck(bool Valid, IReadOnlyList<DesignerProblem> Problems, IReadOnlyList<DesignerProblem> Warnings, int? LatestVersion,
    string? Mermaid);
