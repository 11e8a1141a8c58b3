namespace OneStop.Legacy.Tests.Generator;

/// <summary>A written bundle and what a reader must find in it.</summary>
public sealed record GeneratedBundle(
    string Path,
    BundleSpec Spec,
    IReadOnlyDictionary<string, ExpectedTable> Tables,
    IReadOnlyList<ExpectedIssue> Issues,
    long OpenDossiers);
