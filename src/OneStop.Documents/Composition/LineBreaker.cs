namespace OneStop.Documents.Composition;

// Greedy word wrapping with PDFsharp measurements; words longer than a line are split by characters.
internal static class LineBreaker
{
    public static List<TextLine> Break(RenderContext ctx, IReadOnlyList<TextRun> runs, double width, double firstIndent, double lineSpacing)
    {
        object key = runs.Count == 1 ? runs[0] : runs;
        if (!ctx.Words.TryGetValue(key, out var tokens))
        {
            tokens = Tokenize(ctx, runs);
            ctx.Words[key] = tokens;
        }

        var fallback = runs.Count > 0 ? runs[0].Style : TextStyle.Body;
        var lines = new List<TextLine>();
        var current = new List<TextFragment>();
        double used = 0;

        double Available() => Math.Max(1, width - (lines.Count == 0 ? firstIndent : 0));

        void Finish(bool hard)
        {
            lines.Add(MakeLine(ctx, current, hard, fallback, lineSpacing, lines.Count == 0 ? firstIndent : 0));
            current = [];
            used = 0;
        }

        foreach (var token in tokens)
        {
            if (token.IsBreak)
            {
                Finish(true);
                continue;
            }

            var gap = current.Count > 0 && current[^1].SpaceAfter ? current[^1].SpaceWidth : 0;
            if (current.Count > 0 && used + gap + token.Width + Overhang(token) > Available())
            {
                Finish(false);
                gap = 0;
            }

            var fragment = token;
            while (current.Count == 0 && fragment.Width > Available() && fragment.Text.Length > 1)
            {
                var (head, tail) = SplitToFit(ctx, fragment, Available());
                current.Add(head);
                Finish(false);
                fragment = tail;
            }

            current.Add(fragment);
            used += gap + fragment.Width;
        }

        if (current.Count > 0 || lines.Count == 0)
        {
            Finish(true);
        }

        return lines;
    }

    // Italic glyphs lean past their advance width; keep that ink inside the line box.
    public static double Overhang(TextFragment f) => f.Style.Italic ? f.Style.Size * 0.1 : 0;

    private static (TextFragment Head, TextFragment Tail) SplitToFit(RenderContext ctx, TextFragment f, double available)
    {
        var n = f.Text.Length - 1;
        while (n > 1 && ctx.Width(f.Text[..n], f.Font) > available)
        {
            n--;
        }

        var head = f with { Text = f.Text[..n], Width = ctx.Width(f.Text[..n], f.Font), SpaceAfter = false };
        var tail = f with { Text = f.Text[n..], Width = ctx.Width(f.Text[n..], f.Font) };
        return (head, tail);
    }

    private static TextLine MakeLine(RenderContext ctx, List<TextFragment> fragments, bool hard, TextStyle fallback, double lineSpacing, double indent)
    {
        var fonts = fragments.Count > 0 ? fragments.Select(f => f.Font).ToList() : [ctx.Fonts.Get(fallback)];
        var height = fonts.Max(f => f.GetHeight()) * lineSpacing;
        var ascent = fonts.Max(RenderContext.Ascent);
        return new TextLine(fragments, height, ascent, hard, indent);
    }

    private static List<TextFragment> Tokenize(RenderContext ctx, IReadOnlyList<TextRun> runs)
    {
        var tokens = new List<TextFragment>();
        foreach (var run in runs)
        {
            var text = Clean(RenderContext.Normalize(run.Text));
            var font = ctx.Fonts.Get(run.Style, text);
            var space = ctx.Width(" ", font);
            var segments = text.Split('\n');
            for (var s = 0; s < segments.Length; s++)
            {
                if (s > 0)
                {
                    tokens.Add(TextFragment.Break(run.Style, font));
                }

                var segment = segments[s];
                if (segment.StartsWith(' ') && tokens.Count > 0 && !tokens[^1].IsBreak)
                {
                    tokens[^1] = tokens[^1] with { SpaceAfter = true };
                }

                // Words are the runs of anything but white space (a no-break space joins words instead of separating them); the
                // white space after a word is one gap, however long.
                var i = 0;
                while (i < segment.Length)
                {
                    while (i < segment.Length && Separates(segment[i]))
                    {
                        i++;
                    }

                    var start = i;
                    while (i < segment.Length && !Separates(segment[i]))
                    {
                        i++;
                    }

                    if (i > start)
                    {
                        var word = segment[start..i];
                        tokens.Add(new TextFragment(word, run.Style, font, ctx.Width(word, font), i < segment.Length, space));
                    }
                }
            }
        }

        return tokens;
    }

    // Line ends of any platform become one break; other control characters have no glyph and are dropped.
    private static string Clean(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
        return normalized.Any(c => char.IsControl(c) && c != '\n')
            ? new string(normalized.Where(c => !char.IsControl(c) || c == '\n').ToArray())
            : normalized;
    }

    private static bool Separates(char c) => c != '\u00A0' && char.IsWhiteSpace(c);
}
