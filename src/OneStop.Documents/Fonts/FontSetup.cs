using PdfSharp.Fonts;

namespace OneStop.Documents.Fonts;

/// <summary>Installs the Liberation font resolver into PDFsharp's process-wide settings exactly once.</summary>
public static class FontSetup
{
    private static readonly Lock Gate = new();
    private static LiberationFontResolver? _resolver;

    /// <summary>Installs the resolver for the given directory; later calls must name the same directory.</summary>
    public static void Configure(string? fontDirectory = null)
    {
        lock (Gate)
        {
            var directory = string.IsNullOrWhiteSpace(fontDirectory) ? LiberationFontResolver.DefaultDirectory : fontDirectory;
            if (_resolver is not null)
            {
                if (!string.Equals(Path.GetFullPath(_resolver.Directory), Path.GetFullPath(directory), StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"PDF fonts are already configured from '{_resolver.Directory}'; they cannot be switched to '{directory}' in the same process.");
                }

                return;
            }

            var resolver = new LiberationFontResolver(directory);
            GlobalFontSettings.FontResolver = resolver;
            Volatile.Write(ref _resolver, resolver);
        }
    }

    /// <summary>Whether documents draw with the reduced Liberation Serif (<see cref="LiberationFontResolver.Reduced"/>); configures the fonts if needed.</summary>
    public static bool Reduced
    {
        get
        {
            EnsureConfigured();
            return Volatile.Read(ref _resolver)!.Reduced;
        }
    }

    internal static void EnsureConfigured()
    {
        if (Volatile.Read(ref _resolver) is null)
        {
            Configure();
        }
    }
}
