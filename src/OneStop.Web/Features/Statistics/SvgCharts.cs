using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace OneStop.Web.Features.Statistics;

/// <summary>
/// Bar and line charts drawn on the server as inline SVG: no script, no inline style (the CSP allows none), readable by
/// screen readers through a title and a description, and the numbers printed on the chart itself.
/// </summary>
public static class SvgCharts
{
    public sealed record Series(string Name, string Colour, IReadOnlyList<double?> Values);

    private const int Width = 720;
    private const int Height = 280;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 36;
    private const int Bottom = 44;

    /// <summary>Grouped vertical bars: one group per label, one bar per series.</summary>
    public static IHtmlContent Bars(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series)
    {
        var max = Math.Max(1, series.SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max());
        var top = NiceCeiling(max);
        var svg = Open(id, title, Describe(labels, series, v => F(v)));
        Axes(svg, top, v => F(v));
        Legend(svg, series);
        var plotWidth = Width - Left - Right;
        var group = labels.Count == 0 ? plotWidth : (double)plotWidth / labels.Count;
        var barWidth = Math.Max(2, (group * 0.8) / Math.Max(1, series.Count));
        for (var i = 0; i < labels.Count; i++)
        {
            var x0 = Left + (i * group) + (group * 0.1);
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values.ElementAtOrDefault(i) ?? 0;
                var h = (Height - Top - Bottom) * value / top;
                var x = x0 + (s * barWidth);
                var y = Height - Bottom - h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(barWidth - 1)}\" height=\"{F(h)}\" fill=\"{series[s].Colour}\">")
                    .Append("<title>").Append(E($"{labels[i]} — {series[s].Name}: {F(value)}")).Append("</title></rect>");
                if (value > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (barWidth / 2))}\" y=\"{F(y - 3)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#212529\">{F(value)}</text>");
                }
            }

            XLabel(svg, Left + (i * group) + (group / 2), i, labels[i], labels.Count);
        }

        return Close(svg);
    }

    /// <summary>A line per series over the labels; a missing value breaks the line.</summary>
    public static IHtmlContent Line(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<Series> series, double top,
        Func<double, string> format)
    {
        var svg = Open(id, title, Describe(labels, series, format));
        Axes(svg, top, format);
        Legend(svg, series);
        var plotWidth = Width - Left - Right;
        var step = labels.Count == 0 ? plotWidth : (double)plotWidth / labels.Count;
        double X(int i) => Left + (i * step) + (step / 2);
        double Y(double v) => Height - Bottom - ((Height - Top - Bottom) * Math.Min(v, top) / top);
        foreach (var s in series)
        {
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < labels.Count; i++)
            {
                if (s.Values.ElementAtOrDefault(i) is not { } v)
                {
                    pen = false;
                    continue;
                }

                path.Append(pen ? " L" : " M").Append(F(X(i))).Append(' ').Append(F(Y(v)));
                pen = true;
            }

            if (path.Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"2\"/>");
            }

            for (var i = 0; i < labels.Count; i++)
            {
                if (s.Values.ElementAtOrDefault(i) is { } v)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"3.5\" fill=\"{s.Colour}\">")
                        .Append("<title>").Append(E($"{labels[i]} — {s.Name}: {format(v)}")).Append("</title></circle>")
                        .Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{F(Y(v) - 7)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#212529\">{E(format(v))}</text>");
                }
            }
        }

        for (var i = 0; i < labels.Count; i++)
        {
            XLabel(svg, X(i), i, labels[i], labels.Count);
        }

        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, string description) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg id=\"{E(id)}\" class=\"chart\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" ")
            .Append(CultureInfo.InvariantCulture, $"aria-labelledby=\"{E(id)}-title {E(id)}-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(description)}</desc>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void Axes(StringBuilder svg, double top, Func<double, string> format)
    {
        for (var k = 0; k <= 4; k++)
        {
            var value = top * k / 4;
            var y = Height - Bottom - ((Height - Top - Bottom) * k / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#dee2e6\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" font-size=\"10\" text-anchor=\"end\" fill=\"#495057\">{E(format(value))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#6c757d\"/>");
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<Series> series)
    {
        var x = (double)Left;
        foreach (var s in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{s.Colour}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 16)}\" y=\"20\" font-size=\"12\" fill=\"#212529\">{E(s.Name)}</text>");
            x += 28 + (s.Name.Length * 7);
        }
    }

    private static void XLabel(StringBuilder svg, double x, int index, string label, int count)
    {
        // Many months: label only some of them so they do not overlap (every bar and point keeps its own title).
        if (index % (count <= 12 ? 1 : (int)Math.Ceiling(count / 12.0)) != 0)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{Height - Bottom + 16}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#495057\">{E(label)}</text>");
    }

    private static string Describe(IReadOnlyList<string> labels, IReadOnlyList<Series> series, Func<double, string> format) =>
        string.Join("; ", labels.Select((label, i) =>
            label + ": " + string.Join(", ", series.Select(s => s.Name + " " + (s.Values.ElementAtOrDefault(i) is { } v ? format(v) : "—")))));

    private static double NiceCeiling(double max)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (m * magnitude >= max)
            {
                return Math.Max(4, m * magnitude);
            }
        }

        return 10 * magnitude;
    }

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Escapes markup only (WebUtility would turn Vietnamese letters of Latin-1 into entities).</summary>
    private static string E(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);
}
