namespace OneStop.Application.Common;

/// <summary>Who is asking: the one place use cases learn the signed-in user from (the web host reads it from the request).</summary>
public interface ICurrentUser
{
    /// <summary>The user's id, or null when nobody is signed in.</summary>
    Guid? Id { get; }

    /// <summary>The agency an official belongs to, if any.</summary>
    Guid? AgencyId { get; }

    /// <summary>The client's IP address, for the journal and the audit log; null outside a request.</summary>
    string? Address { get; }

    bool IsInRole(string role);
}
