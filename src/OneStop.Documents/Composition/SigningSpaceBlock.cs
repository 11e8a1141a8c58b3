namespace OneStop.Documents.Composition;

// The empty space between a signatory's title and printed name; records where it was drawn so a digital signature's
// appearance can be placed on it later.
internal sealed class SigningSpaceBlock(double height, string? slotKey) : Block
{
    internal override double Measure(RenderContext ctx, double width) => height;

    internal override void Draw(RenderContext ctx, double x, double y, double width)
    {
        if (slotKey is not null)
        {
            ctx.RecordSignatureSlot(slotKey, x, y, width, height);
        }
    }
}
