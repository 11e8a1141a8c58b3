using System.Text;
using OneStop.Core.Common;

namespace OneStop.UnitTests.Common;

public sealed class TextTests
{
    [Fact]
    public void Clean_turns_decomposed_Vietnamese_into_NFC_and_trims()
    {
        var decomposed = "  Nguyễn Văn Ánh ".Normalize(NormalizationForm.FormD);

        var cleaned = Text.Clean(decomposed);

        Assert.Equal("Nguyễn Văn Ánh", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Blank_text_becomes_empty_or_null()
    {
        Assert.Equal(string.Empty, Text.Clean("   "));
        Assert.Null(Text.CleanOrNull("\t"));
    }

    [Fact]
    public void Clean_drops_control_characters_postgresql_cannot_store_but_keeps_line_breaks() =>
        Assert.Equal("Giấy\nphép", Text.Clean("\u0000Giấy\u0007\nphép\u0000"));
}
