using System.Buffers.Binary;
using System.Text;

namespace OneStop.Documents.Fonts;

/// <summary>Renames a font: its OpenType 'name' table with a suffix on the unique (3), full (4) and PostScript (6) names.</summary>
internal static class OpenTypeNames
{
    private const int RecordSize = 12;

    /// <summary>
    /// The table with " <paramref name="suffix"/>" after the unique and full names and "-<paramref name="suffix"/>" after the PostScript
    /// name, in every platform's records (UTF-16BE for Unicode and Windows, one byte a character for Macintosh); null for a table
    /// other than version 0 or one whose records point outside it.
    /// </summary>
    public static byte[]? WithSuffix(ReadOnlySpan<byte> table, string suffix)
    {
        if (table.Length < 6 || BinaryPrimitives.ReadUInt16BigEndian(table) != 0)
        {
            return null;
        }

        int count = BinaryPrimitives.ReadUInt16BigEndian(table[2..]);
        int storage = BinaryPrimitives.ReadUInt16BigEndian(table[4..]);
        var header = 6 + (count * RecordSize);
        if (table.Length < header || storage > table.Length)
        {
            return null;
        }

        var records = table[6..header].ToArray();
        var strings = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            var record = records.AsSpan(i * RecordSize, RecordSize);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var offset = storage + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (offset + length > table.Length)
            {
                return null;
            }

            var value = table.Slice(offset, length).ToArray();
            if (nameId is 3 or 4 or 6)
            {
                var added = (nameId == 6 ? "-" : " ") + suffix;
                value = [.. value, .. platform is 0 or 3 ? Encoding.BigEndianUnicode.GetBytes(added) : Encoding.ASCII.GetBytes(added)];
            }

            if (strings.Length + value.Length > ushort.MaxValue)
            {
                return null;
            }

            BinaryPrimitives.WriteUInt16BigEndian(record[8..], (ushort)value.Length);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], (ushort)strings.Length);
            strings.Write(value);
        }

        var result = new byte[header + strings.Length];
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(2), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(4), (ushort)header);
        records.CopyTo(result.AsSpan(6));
        strings.ToArray().CopyTo(result.AsSpan(header));
        return result;
    }
}
