namespace OneStop.Core.Dossiers;

/// <summary>How the result was handed to the applicant (trả kết quả).</summary>
public enum HandoverMethod
{
    /// <summary>At the one-stop counter, in person.</summary>
    Counter,

    /// <summary>Electronically, through the portal.</summary>
    Online,

    /// <summary>By public postal service.</summary>
    Post,
}
