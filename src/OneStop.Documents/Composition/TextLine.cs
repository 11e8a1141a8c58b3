namespace OneStop.Documents.Composition;

// One laid-out line of a paragraph.
internal sealed record TextLine(IReadOnlyList<TextFragment> Fragments, double Height, double Ascent, bool EndsWithHardBreak, double Indent)
{
    public double NaturalWidth
    {
        get
        {
            double w = 0;
            for (var i = 0; i < Fragments.Count; i++)
            {
                w += Fragments[i].Width;
                if (i < Fragments.Count - 1 && Fragments[i].SpaceAfter)
                {
                    w += Fragments[i].SpaceWidth;
                }
            }

            return w;
        }
    }

    public int Gaps => Fragments.Take(Fragments.Count - 1).Count(f => f.SpaceAfter);
}
