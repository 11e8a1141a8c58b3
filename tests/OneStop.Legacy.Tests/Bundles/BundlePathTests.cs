using OneStop.Legacy.Bundles;

namespace OneStop.Legacy.Tests.Bundles;

public sealed class BundlePathTests
{
    [Theory]
    [InlineData(@"files\2015\A\A_1.pdf", "files/2015/A/A_1.pdf")]
    [InlineData("files/2015/A/A_1.pdf", "files/2015/A/A_1.pdf")]
    [InlineData("./files//x.pdf", "files/x.pdf")]
    [InlineData(" files/x.pdf ", "files/x.pdf")]
    public void Normalize_keeps_paths_inside_the_bundle_with_forward_slashes(string raw, string expected) =>
        Assert.Equal(expected, BundlePath.Normalize(raw));

    [Theory]
    [InlineData(@"..\..\etc\passwd")]
    [InlineData("files/../../secret.pdf")]
    [InlineData("files/a/../../../x")]
    [InlineData("/etc/passwd")]
    [InlineData(@"C:\Windows\win.ini")]
    [InlineData(@"\\server\share\x.pdf")]
    [InlineData("")]
    public void Normalize_refuses_absolute_and_climbing_paths(string raw) => Assert.Null(BundlePath.Normalize(raw));
}
