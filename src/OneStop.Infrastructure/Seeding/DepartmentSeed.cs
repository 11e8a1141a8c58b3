namespace OneStop.Infrastructure.Seeding;

/// <summary>A department of a demo agency.</summary>
public sealed record DepartmentSeed(string Code, string Name, bool IsReception);
