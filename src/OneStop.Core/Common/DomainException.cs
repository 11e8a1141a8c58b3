namespace OneStop.Core.Common;

/// <summary>A rule of the domain was broken; the message is Vietnamese and shown to the user.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable error code such as "agency.successor_self".</summary>
    public string Code { get; } = code;
}
