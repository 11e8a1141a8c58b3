namespace OneStop.Core.Procedures;

/// <summary>In which form a required document is presented.</summary>
public enum DocumentForm
{
    Original,
    CertifiedCopy,
    Copy,
}
