using Microsoft.Playwright;

namespace OneStop.Benchmarks.Documents;

/// <summary>Debian's headless Chromium printing HTML to PDF through Playwright; one browser, one reused page per worker.</summary>
internal sealed class ChromiumPdf : IAsyncDisposable
{
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static async Task<ChromiumPdf> StartAsync(string executable)
    {
        var c = new ChromiumPdf();
        c._playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        c._browser = await c._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Args,
        }).ConfigureAwait(false);
        return c;
    }

    public string Version => _browser?.Version ?? "?";

    public async Task<IPage> NewPageAsync() =>
        await (_browser ?? throw new InvalidOperationException("not started")).NewPageAsync().ConfigureAwait(false);

    public static async Task<byte[]> PrintAsync(IPage page, string html, string footer)
    {
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).ConfigureAwait(false);
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            PreferCSSPageSize = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = footer,
        }).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync().ConfigureAwait(false);
        _playwright?.Dispose();
    }
}
