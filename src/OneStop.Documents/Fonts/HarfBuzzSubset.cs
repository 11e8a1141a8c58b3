using System.Runtime.InteropServices;

namespace OneStop.Documents.Fonts;

/// <summary>
/// HarfBuzz's font subsetter (Debian: libharfbuzz-subset0), called through its C API: keeps the glyphs of the given characters
/// (and the glyphs they are composed of) with their metrics unchanged, and drops the hinting programs. The reduced font is renamed
/// (a suffix on its full, PostScript and unique names): PDFsharp knows a font by its full name process-wide and refuses a second
/// font of the same name with other bytes, and the complete font stays in use beside it. It is only ever embedded in documents.
/// </summary>
internal static partial class HarfBuzzSubset
{
    private const string HarfBuzz = "libharfbuzz.so.0";
    private const string Subset = "libharfbuzz-subset.so.0";

    // hb_memory_mode_t and hb_subset_flags_t (hb-blob.h, hb-subset.h).
    private const int MemoryModeDuplicate = 0;
    private const uint NoHinting = 0x1;
    private const uint NotdefOutline = 0x40;

    private const uint NameTag = 0x6E616D65; // 'name'

    /// <summary>
    /// The font reduced to <paramref name="ranges"/> of code points, unhinted, its names ending in <paramref name="nameSuffix"/>; null when
    /// the library is not installed or refuses the font.
    /// </summary>
    public static byte[]? TryTrim(byte[] font, IReadOnlyList<(int First, int Last)> ranges, string nameSuffix)
    {
        try
        {
            return Trim(font, ranges, nameSuffix);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static unsafe byte[]? Trim(byte[] font, IReadOnlyList<(int First, int Last)> ranges, string nameSuffix)
    {
        nint blob, face, input = 0, trimmed = 0, compiled = 0, reduced = 0, builder = 0, result = 0;
        fixed (byte* data = font)
        {
            blob = hb_blob_create(data, (uint)font.Length, MemoryModeDuplicate, 0, 0);
        }

        face = hb_face_create(blob, 0);
        try
        {
            input = hb_subset_input_create_or_fail();
            if (input == 0)
            {
                return null;
            }

            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var (first, last) in ranges)
            {
                hb_set_add_range(unicodes, (uint)first, (uint)last);
            }

            hb_subset_input_set_flags(input, NoHinting | NotdefOutline);
            trimmed = hb_subset_or_fail(face, input);
            if (trimmed == 0)
            {
                return null;
            }

            // The reduced font's tables again through HarfBuzz's font builder (which lays the file out), the name table renamed.
            compiled = hb_face_reference_blob(trimmed);
            reduced = hb_face_create(compiled, 0);
            builder = hb_face_builder_create();
            const int MaxTables = 64;
            var count = (uint)MaxTables;
            var tags = stackalloc uint[MaxTables];
            if (hb_face_get_table_tags(reduced, 0, &count, tags) > count)
            {
                return null;
            }

            var renamed = false;
            for (var i = 0; i < count; i++)
            {
                var table = hb_face_reference_table(reduced, tags[i]);
                try
                {
                    if (tags[i] != NameTag)
                    {
                        if (!hb_face_builder_add_table(builder, tags[i], table))
                        {
                            return null;
                        }

                        continue;
                    }

                    if (OpenTypeNames.WithSuffix(Bytes(table), nameSuffix) is not { } names)
                    {
                        return null;
                    }

                    fixed (byte* data = names)
                    {
                        var named = hb_blob_create(data, (uint)names.Length, MemoryModeDuplicate, 0, 0);
                        renamed = hb_face_builder_add_table(builder, tags[i], named);
                        hb_blob_destroy(named);
                    }
                }
                finally
                {
                    hb_blob_destroy(table);
                }
            }

            // Not renamed, the reduced font would be taken for the complete one (or the other way round) by PDFsharp.
            if (!renamed)
            {
                return null;
            }

            result = hb_face_reference_blob(builder);
            var bytes = Bytes(result);
            return bytes.Length == 0 ? null : bytes;
        }
        finally
        {
            hb_blob_destroy(result);
            hb_face_destroy(builder);
            hb_face_destroy(reduced);
            hb_blob_destroy(compiled);
            hb_face_destroy(trimmed);
            hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
        }
    }

    private static unsafe byte[] Bytes(nint blob)
    {
        uint length;
        var data = hb_blob_get_data(blob, &length);
        return new ReadOnlySpan<byte>(data, (int)length).ToArray();
    }

    // The destroy functions accept null (HarfBuzz's "Null object"), so the finally block need not check.
    [LibraryImport(HarfBuzz)]
    private static unsafe partial nint hb_blob_create(byte* data, uint length, int mode, nint userData, nint destroy);

    [LibraryImport(HarfBuzz)]
    private static unsafe partial byte* hb_blob_get_data(nint blob, uint* length);

    [LibraryImport(HarfBuzz)]
    private static partial void hb_blob_destroy(nint blob);

    [LibraryImport(HarfBuzz)]
    private static partial nint hb_face_create(nint blob, uint index);

    [LibraryImport(HarfBuzz)]
    private static partial nint hb_face_reference_blob(nint face);

    [LibraryImport(HarfBuzz)]
    private static partial void hb_face_destroy(nint face);

    [LibraryImport(HarfBuzz)]
    private static unsafe partial uint hb_face_get_table_tags(nint face, uint startOffset, uint* tableCount, uint* tableTags);

    [LibraryImport(HarfBuzz)]
    private static partial nint hb_face_reference_table(nint face, uint tag);

    [LibraryImport(HarfBuzz)]
    private static partial nint hb_face_builder_create();

    [LibraryImport(HarfBuzz)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool hb_face_builder_add_table(nint face, uint tag, nint blob);

    [LibraryImport(HarfBuzz)]
    private static partial void hb_set_add_range(nint set, uint first, uint last);

    [LibraryImport(Subset)]
    private static partial nint hb_subset_input_create_or_fail();

    [LibraryImport(Subset)]
    private static partial nint hb_subset_input_unicode_set(nint input);

    [LibraryImport(Subset)]
    private static partial void hb_subset_input_set_flags(nint input, uint flags);

    [LibraryImport(Subset)]
    private static partial nint hb_subset_or_fail(nint source, nint input);

    [LibraryImport(Subset)]
    private static partial void hb_subset_input_destroy(nint input);
}
