namespace OneStop.Documents.Signing.Remote;

/// <summary>A request's state, the signature when signed, and the CA's message when refused or expired.</summary>
public sealed record RemoteSigningStatus(RemoteSigningState State, SignatureValue? Signature = null, string? Message = null);
