namespace OneStop.Web.Features.Admin.Workflows.Designer;

/// <summary>
/// A validator problem (or a warning) as the designer shows it beside the field at <see cref="Path"/>: a plain Vietnamese sentence
/// for an administrator, and the validator's own Vietnamese text.
/// </summary>
public sealed record DesignerProblem(string Code, string Path, string Message, string MessageVi);
