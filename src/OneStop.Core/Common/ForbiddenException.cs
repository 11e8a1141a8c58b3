namespace OneStop.Core.Common;

/// <summary>The caller is known but may not do this (HTTP 403).</summary>
public sealed class ForbiddenException(string code, string message) : DomainException(code, message);
