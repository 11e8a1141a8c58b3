namespace OneStop.Documents.Signing;

/// <summary>One signature to add: who signs and what it shows.</summary>
public sealed record SigningStep(IDocumentSigner Signer, SignatureAppearance Appearance);
