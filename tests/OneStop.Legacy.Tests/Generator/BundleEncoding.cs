namespace OneStop.Legacy.Tests.Generator;

/// <summary>How a generated bundle's CSV files are encoded.</summary>
public enum BundleEncoding
{
    Utf8,
    Utf8WithBom,

    /// <summary>The legacy Vietnamese code page, tone marks written as combining characters where it has no precomposed letter.</summary>
    Windows1258,
}
