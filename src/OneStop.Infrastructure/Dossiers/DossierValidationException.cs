using OneStop.Core.Common;

namespace OneStop.Infrastructure.Dossiers;

/// <summary>The dossier cannot be submitted yet; each entry names a field or a missing document.</summary>
public sealed class DossierValidationException(Dictionary<string, string[]> errors)
    : DomainException("dossier.invalid", "Hồ sơ chưa hợp lệ: " + string.Join(" ", errors.Values.SelectMany(v => v)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
