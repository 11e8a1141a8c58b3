using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Documents.Signing.Pdf;

// Objects added or replaced after the last revision of a file, written as one incremental update (ISO 32000-1, 7.5.6):
// the original bytes stay as they are, so earlier signatures stay valid.
internal sealed class IncrementalUpdate(PdfFile file)
{
    private readonly SortedDictionary<int, byte[]> _objects = [];
    private int _next = file.Size;

    public PdfFile File { get; } = file;

    public int Allocate() => _next++;

    // Sets an object's value (a dictionary, array …), given as Latin-1 text.
    public void Set(int number, string value) => _objects[number] = PdfSyntax.Latin1.GetBytes(value);

    // Sets a stream object: its dictionary (without /Length, which is added) and its data as stored.
    public void SetStream(int number, PdfDictionaryText dictionary, byte[] data)
    {
        dictionary["/Length"] = data.Length.ToString(CultureInfo.InvariantCulture);
        var head = PdfSyntax.Latin1.GetBytes(dictionary + "\nstream\n");
        var tail = "\nendstream"u8;
        var bytes = new byte[head.Length + data.Length + tail.Length];
        head.CopyTo(bytes, 0);
        data.CopyTo(bytes, head.Length);
        tail.CopyTo(bytes.AsSpan(head.Length + data.Length));
        _objects[number] = bytes;
    }

    // The whole file with the update appended; offsets maps each written object to where its value starts.
    public byte[] Build(out Dictionary<int, long> offsets)
    {
        offsets = [];
        using var output = new MemoryStream(File.Bytes.Length + (_objects.Values.Sum(o => o.Length) * 11 / 10) + 1024);
        output.Write(File.Bytes);
        if (File.Bytes.Length > 0 && File.Bytes[^1] is not ((byte)'\n' or (byte)'\r'))
        {
            output.WriteByte((byte)'\n');
        }

        var entries = new SortedDictionary<int, long>();
        foreach (var (number, value) in _objects)
        {
            entries[number] = output.Position;
            Write(output, $"{number} 0 obj\n");
            offsets[number] = output.Position;
            output.Write(value);
            Write(output, "\nendobj\n");
        }

        var xref = output.Position;
        var sb = new StringBuilder("xref\n");
        foreach (var run in Runs(entries.Keys))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{run[0]} {run.Count}\n");
            foreach (var number in run)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{entries[number]:0000000000} 00000 n\r\n");
            }
        }

        var trailer = new PdfDictionaryText();
        trailer["/Size"] = Math.Max(_next, File.Size).ToString(CultureInfo.InvariantCulture);
        trailer["/Root"] = File.Trailer["/Root"];
        trailer["/Info"] = File.Trailer["/Info"];
        trailer["/ID"] = NewId(File.Trailer["/ID"]);
        trailer["/Prev"] = File.StartXref.ToString(CultureInfo.InvariantCulture);
        sb.Append("trailer\n").Append(trailer).Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xref}\n%%EOF\n");
        Write(output, sb.ToString());
        return output.ToArray();
    }

    // The file identifier keeps its first part (the document) and gets a new second part (this revision).
    private static string NewId(string? previous)
    {
        var fresh = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        if (previous is not null && previous.TrimStart().StartsWith('['))
        {
            var s = previous.Trim();
            var end = PdfSyntax.SkipObject(s, 1);
            return $"[{s[1..end].Trim()}<{fresh}>]";
        }

        return $"[<{fresh}><{fresh}>]";
    }

    private static IEnumerable<List<int>> Runs(IEnumerable<int> numbers)
    {
        var run = new List<int>();
        foreach (var n in numbers)
        {
            if (run.Count > 0 && n != run[^1] + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(n);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void Write(Stream stream, string text) => stream.Write(PdfSyntax.Latin1.GetBytes(text));
}
