namespace OneStop.Core.Common;

/// <summary>The request conflicts with the current state, e.g. someone else acted first.</summary>
public sealed class ConflictException(string code, string message) : DomainException(code, message);
