using OneStop.Core.Common;

namespace OneStop.Web.Features.Admin.Procedures;

/// <summary>The procedure editor's input has problems; each entry names an input and lists its Vietnamese messages.</summary>
public sealed class ProcedureValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("procedure.invalid", "Thủ tục chưa hợp lệ: " + string.Join(" ", errors.Values.SelectMany(v => v)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
