namespace OneStop.Documents;

/// <summary>The keys forms give their signature spaces.</summary>
public static class SignatureSlotKeys
{
    /// <summary>The official (or leader) who issues the document; the agency's seal signature overlaps this space.</summary>
    public const string Signer = "signer";

    /// <summary>The applicant who signs a paper copy at the counter (the receipt's left column); never signed digitally by OneStop.</summary>
    public const string Applicant = "applicant";
}
