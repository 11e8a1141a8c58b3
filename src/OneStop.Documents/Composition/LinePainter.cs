using PdfSharp.Drawing;

namespace OneStop.Documents.Composition;

// Draws laid-out lines: alignment, justification and underlines.
internal static class LinePainter
{
    public static void Draw(RenderContext ctx, TextLine line, double x, double top, double width, TextAlign align)
    {
        if (line.Fragments.Count == 0)
        {
            return;
        }

        var box = width - line.Indent - LineBreaker.Overhang(line.Fragments[^1]);
        var natural = line.NaturalWidth;
        double extra = 0;
        var start = x + line.Indent;
        switch (align)
        {
            case TextAlign.Center:
                start += Math.Max(0, (box - natural) / 2);
                break;
            case TextAlign.Right:
                start += Math.Max(0, box - natural);
                break;
            case TextAlign.Justify when !line.EndsWithHardBreak && line.Gaps > 0:
                extra = Math.Max(0, (box - natural) / line.Gaps);

                // Rivers of white look worse than a ragged edge (a long e-mail address pushed to the next line).
                if (extra > line.Fragments[0].Style.Size * 0.45)
                {
                    extra = 0;
                }

                break;
        }

        var baseline = top + line.Ascent;
        var cursor = start;
        for (var i = 0; i < line.Fragments.Count; i++)
        {
            var f = line.Fragments[i];
            ctx.Gfx.DrawString(f.Text, f.Font, XBrushes.Black, cursor, baseline);
            var advance = f.Width;
            var last = i == line.Fragments.Count - 1;
            if (!last && f.SpaceAfter)
            {
                advance += f.SpaceWidth + extra;
            }

            if (f.Style.Underline)
            {
                var through = !last && f.SpaceAfter && line.Fragments[i + 1].Style.Underline;
                var end = cursor + (through ? advance : f.Width);
                var y = baseline + (f.Style.Size * 0.12);
                ctx.Gfx.DrawLine(new XPen(XColors.Black, Math.Max(0.5, f.Style.Size * 0.05)), cursor, y, end, y);
            }

            cursor += advance;
        }
    }
}
