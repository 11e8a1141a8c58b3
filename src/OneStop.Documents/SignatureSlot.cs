namespace OneStop.Documents;

/// <summary>
/// Where a form drew the empty space a signatory signs in, so a digital signature's visible appearance lands there:
/// page index (0-based) and a rectangle in PDF user space (points, origin at the bottom left of the page).
/// </summary>
/// <param name="Key">Which signatory: <see cref="SignatureSlotKeys"/>.</param>
public sealed record SignatureSlot(string Key, int PageIndex, double Left, double Bottom, double Width, double Height)
{
    public double Right => Left + Width;

    public double Top => Bottom + Height;
}
