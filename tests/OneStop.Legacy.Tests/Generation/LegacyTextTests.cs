using OneStop.Legacy.Bundles;
using OneStop.Legacy.Tests.Generator;
using OneStop.Legacy.Tests.Support;

namespace OneStop.Legacy.Tests.Generation;

/// <summary>The generator writes Windows-1258 exactly as the legacy system did in the shared sample.</summary>
public sealed class LegacyTextTests
{
    [Theory]
    [InlineData(LegacyTables.Agencies)]
    [InlineData(LegacyTables.Officials)]
    [InlineData(LegacyTables.Dossiers)]
    [InlineData(LegacyTables.History)]
    [InlineData(LegacyTables.Attachments)]
    public void Windows1258_form_reproduces_the_sample_bytes(string table)
    {
        var utf8 = File.ReadAllText(Path.Combine(TempDirectory.Fixture("utf8"), table + ".csv"));
        var expected = File.ReadAllBytes(Path.Combine(TempDirectory.Fixture("windows-1258"), table + ".csv"));

        var actual = LegacyText.Encoding(BundleEncoding.Windows1258).GetBytes(LegacyText.ToWindows1258Form(utf8));

        Assert.Equal(expected, actual);
    }
}
