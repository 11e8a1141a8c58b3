namespace OneStop.Documents.Composition;

/// <summary>Page size and margins in millimetres (Decree 30/2020 defaults: 20/20/30/15).</summary>
public sealed record PageSettings(
    double WidthMm = 210,
    double HeightMm = 297,
    double TopMm = 20,
    double BottomMm = 20,
    double LeftMm = 30,
    double RightMm = 15)
{
    public const double PointsPerMm = 72 / 25.4;

    /// <summary>A4 portrait with the administrative margins.</summary>
    public static PageSettings A4Portrait { get; } = new();

    /// <summary>A4 landscape with the administrative margins.</summary>
    public static PageSettings A4Landscape { get; } = new(297, 210);

    public double Width => WidthMm * PointsPerMm;

    public double Height => HeightMm * PointsPerMm;

    public double Top => TopMm * PointsPerMm;

    public double Bottom => Height - (BottomMm * PointsPerMm);

    public double Left => LeftMm * PointsPerMm;

    public double Right => Width - (RightMm * PointsPerMm);

    public double ContentWidth => Right - Left;
}
