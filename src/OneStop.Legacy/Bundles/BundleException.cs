namespace OneStop.Legacy.Bundles;

/// <summary>The bundle itself is unusable (manifest, format, encoding or a listed file); raised before any row is read.</summary>
public sealed class BundleException : Exception
{
    public BundleException()
    {
    }

    public BundleException(string message)
        : base(message)
    {
    }

    public BundleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static BundleException Of(string vietnamese, string english, Exception? inner = null) =>
        inner is null ? new BundleException($"{vietnamese} / {english}") : new BundleException($"{vietnamese} / {english}", inner);
}
