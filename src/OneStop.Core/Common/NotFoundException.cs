namespace OneStop.Core.Common;

/// <summary>The requested resource does not exist or is not visible to the caller.</summary>
public sealed class NotFoundException(string message) : DomainException("not_found", message);
