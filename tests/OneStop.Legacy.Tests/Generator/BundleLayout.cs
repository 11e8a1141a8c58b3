namespace OneStop.Legacy.Tests.Generator;

/// <summary>Whether a generated bundle is a folder or a .zip of it.</summary>
public enum BundleLayout
{
    Folder,
    Zip,
}
