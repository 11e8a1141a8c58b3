using PdfSharp.Drawing;

namespace OneStop.Documents.Signing.Appearance;

/// <summary>Where a signature's appearance goes: a page and a rectangle in PDF user space; invisible when there is no signing space.</summary>
public sealed record SignaturePlacement(int PageIndex, double Left, double Bottom, double Width, double Height)
{
    /// <summary>A signature with no appearance (the form has no signature block, e.g. the control slip).</summary>
    public static SignaturePlacement Invisible { get; } = new(0, 0, 0, 0, 0);

    public bool IsVisible => Width > 0 && Height > 0;

    // Decree 30/2020 puts the person's signature in the signing space between title and name, and the agency's seal over
    // about a third of it on the left. Text appearances cannot overlap and stay legible, so without images the person's
    // block takes the right 60 % of the space and the seal's the left 40 %; with images the seal overlaps as the decree says.
    internal const double PersonShare = 0.6;
    internal const double Gap = 3;
    internal const double SealImageSize = 36 * 72 / 25.4;

    /// <summary>Places an appearance in the form's signer slot; invisible when the form reported none.</summary>
    public static SignaturePlacement For(IReadOnlyList<SignatureSlot> slots, SignatureAppearance appearance)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(appearance);
        var slot = slots.FirstOrDefault(s => s.Key == SignatureSlotKeys.Signer);
        if (slot is null)
        {
            return Invisible;
        }

        var personWidth = slot.Width * PersonShare;
        var person = new SignaturePlacement(slot.PageIndex, slot.Right - personWidth, slot.Bottom, personWidth, slot.Height);
        if (appearance.Kind == SignatureKind.Person)
        {
            return person;
        }

        if (appearance.Image is null)
        {
            return new SignaturePlacement(slot.PageIndex, slot.Left, slot.Bottom, slot.Width - personWidth - Gap, slot.Height);
        }

        var size = SealImageSize;
        var right = person.Left + (person.Width / 3);
        var middle = slot.Bottom + (slot.Height / 2);
        return new SignaturePlacement(slot.PageIndex, right - size, middle - (size / 2) - 10, size, size + 10);
    }

    internal XRect Rect => new(Left, Bottom, Width, Height);
}
