namespace OneStop.Documents.Tests.Support;

/// <summary>One shared renderer for the test run (fonts are configured process-wide).</summary>
public static class Renderer
{
    public static DocumentService Instance { get; } = new(new DocumentOptions());

    public static void AssertContains(string text, params string?[] expected)
    {
        var missing = expected
            .Where(e => !string.IsNullOrEmpty(e))
            .Select(e => PdfReadBack.Collapse(e!))
            .Where(e => !text.Contains(e, StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "Not found in the PDF text:\n  " + string.Join("\n  ", missing) + "\n--- text ---\n" + text);
    }
}
