namespace OneStop.Core.Procedures;

/// <summary>The level of online service: 3 "một phần" (fee and result at the counter), 4 "toàn trình" (fully online).</summary>
public enum OnlineLevel
{
    /// <summary>Information and forms online only (legacy procedures).</summary>
    Level2 = 2,
    Level3 = 3,
    Level4 = 4,
}
