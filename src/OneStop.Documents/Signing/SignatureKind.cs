namespace OneStop.Documents.Signing;

/// <summary>Who a signature stands for (Decree 30/2020, Appendix I): the competent person, or the issuing agency (its seal).</summary>
public enum SignatureKind
{
    /// <summary>The official who acts: the leader who approves a result, the counter official who receives a dossier.</summary>
    Person,

    /// <summary>The issuing agency's signature, added after the person's (chữ ký số của cơ quan, tổ chức).</summary>
    Seal,
}
