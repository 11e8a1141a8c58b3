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
        var fragments = line.Fragments;
        for (var i = 0; i < fragments.Count; i++)
        {
            var f = fragments[i];
            var last = i == fragments.Count - 1;
            if (extra <= 0 && !f.Style.Underline && !last && SameRun(f, fragments[i + 1]))
            {
                // Words of one font that are not stretched are drawn as one string (one text operator instead of one per
                // word); glyphs advance by the widths they were measured with, so every word lands where it did alone.
                var text = new System.Text.StringBuilder(f.Text);
                var runWidth = f.Width;
                while (!last && SameRun(f, fragments[i + 1]))
                {
                    if (fragments[i].SpaceAfter)
                    {
                        text.Append(' ');
                        runWidth += fragments[i].SpaceWidth;
                    }

                    i++;
                    last = i == fragments.Count - 1;
                    text.Append(fragments[i].Text);
                    runWidth += fragments[i].Width;
                }

                ctx.Gfx.DrawString(text.ToString(), f.Font, XBrushes.Black, cursor, baseline);
                cursor += runWidth + (!last && fragments[i].SpaceAfter ? fragments[i].SpaceWidth : 0);
                continue;
            }

            ctx.Gfx.DrawString(f.Text, f.Font, XBrushes.Black, cursor, baseline);
            var advance = f.Width;
            if (!last && f.SpaceAfter)
            {
                advance += f.SpaceWidth + extra;
            }

            if (f.Style.Underline)
            {
                var through = !last && f.SpaceAfter && fragments[i + 1].Style.Underline;
                var end = cursor + (through ? advance : f.Width);
                var y = baseline + (f.Style.Size * 0.12);
                ctx.Gfx.DrawLine(new XPen(XColors.Black, Math.Max(0.5, f.Style.Size * 0.05)), cursor, y, end, y);
            }

            cursor += advance;
        }
    }

    private static bool SameRun(TextFragment first, TextFragment next) =>
        ReferenceEquals(next.Font, first.Font) && !next.Style.Underline && !next.IsBreak;
}
