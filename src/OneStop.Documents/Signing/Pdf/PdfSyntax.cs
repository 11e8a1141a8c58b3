using System.Globalization;
using System.Text;

namespace OneStop.Documents.Signing.Pdf;

// Just enough PDF syntax (ISO 32000-1, 7.2–7.3) to read the objects of files OneStop wrote and to edit their dictionaries:
// text is handled as Latin-1 so that one char is one byte.
internal static class PdfSyntax
{
    public static readonly Encoding Latin1 = Encoding.Latin1;

    public static bool IsWhite(char c) => c is ' ' or '\n' or '\r' or '\t' or '\f' or '\0';

    public static bool IsDelimiter(char c) => c is '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '/' or '%';

    public static int SkipWhite(string s, int i)
    {
        while (i < s.Length)
        {
            if (IsWhite(s[i]))
            {
                i++;
            }
            else if (s[i] == '%')
            {
                while (i < s.Length && s[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    // The end (exclusive) of the run of regular characters starting at i.
    public static int RegularEnd(string s, int i)
    {
        while (i < s.Length && !IsWhite(s[i]) && !IsDelimiter(s[i]))
        {
            i++;
        }

        return i;
    }

    // The end (exclusive) of the object starting at or after i; an indirect reference "n g R" counts as one object.
    public static int SkipObject(string s, int i)
    {
        i = SkipWhite(s, i);
        Require(i < s.Length, i, "unexpected end of data");
        switch (s[i])
        {
            case '<' when i + 1 < s.Length && s[i + 1] == '<':
                i += 2;
                while (true)
                {
                    i = SkipWhite(s, i);
                    Require(i + 1 < s.Length, i, "unterminated dictionary");
                    if (s[i] == '>' && s[i + 1] == '>')
                    {
                        return i + 2;
                    }

                    i = SkipObject(s, i);
                }

            case '<':
                var close = s.IndexOf('>', i);
                Require(close > 0, i, "unterminated hexadecimal string");
                return close + 1;
            case '[':
                i++;
                while (true)
                {
                    i = SkipWhite(s, i);
                    Require(i < s.Length, i, "unterminated array");
                    if (s[i] == ']')
                    {
                        return i + 1;
                    }

                    i = SkipObject(s, i);
                }

            case '(':
                return SkipLiteralString(s, i);
            case '/':
                return RegularEnd(s, i + 1);
            default:
                var end = RegularEnd(s, i);
                Require(end > i, i, $"unexpected character '{s[i]}'");
                return IsReferenceAt(s, i, out var refEnd, out _) ? refEnd : end;
        }
    }

    public static int SkipLiteralString(string s, int i)
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        throw new PdfFormatException(i, "unterminated literal string");
    }

    // Whether "n g R" starts at i.
    public static bool IsReferenceAt(string s, int i, out int end, out int objectNumber)
    {
        end = i;
        objectNumber = 0;
        var e1 = RegularEnd(s, i);
        if (!IsDigits(s, i, e1) || !int.TryParse(s.AsSpan(i, e1 - i), NumberStyles.None, CultureInfo.InvariantCulture, out objectNumber))
        {
            return false;
        }

        var j = SkipWhite(s, e1);
        var e2 = RegularEnd(s, j);
        if (j == e1 || !IsDigits(s, j, e2))
        {
            return false;
        }

        var k = SkipWhite(s, e2);
        if (k == e2 || k >= s.Length || s[k] != 'R' || (k + 1 < s.Length && !IsWhite(s[k + 1]) && !IsDelimiter(s[k + 1])))
        {
            return false;
        }

        end = k + 1;
        return true;
    }

    // Rewrites every indirect reference in the text (outside strings) with the map; used to move objects between files.
    public static string RewriteReferences(string s, Func<int, int> map)
    {
        var sb = new StringBuilder(s.Length + 16);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '(')
            {
                var end = SkipLiteralString(s, i);
                sb.Append(s, i, end - i);
                i = end;
            }
            else if (c == '<' && i + 1 < s.Length && s[i + 1] == '<')
            {
                sb.Append("<<");
                i += 2;
            }
            else if (c == '<')
            {
                var end = s.IndexOf('>', i) + 1;
                sb.Append(s, i, end - i);
                i = end;
            }
            else if (char.IsAsciiDigit(c) && (i == 0 || IsWhite(s[i - 1]) || IsDelimiter(s[i - 1])) && IsReferenceAt(s, i, out var refEnd, out var number))
            {
                sb.Append(map(number).ToString(CultureInfo.InvariantCulture)).Append(" 0 R");
                i = refEnd;
            }
            else if (c == '/' || char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+')
            {
                var end = c == '/' ? RegularEnd(s, i + 1) : RegularEnd(s, i);
                sb.Append(s, i, end - i);
                i = end;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    // Every object number referenced in the text (outside strings).
    public static IEnumerable<int> References(string s)
    {
        var seen = new HashSet<int>();
        RewriteReferences(s, n =>
        {
            seen.Add(n);
            return n;
        });
        return seen;
    }

    public static int ParseInt(string s, int i, out int end)
    {
        i = SkipWhite(s, i);
        end = RegularEnd(s, i);
        if (!long.TryParse(s.AsSpan(i, end - i), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value is < int.MinValue or > int.MaxValue)
        {
            throw new PdfFormatException(i, "a number was expected");
        }

        return (int)value;
    }

    public static string Number(double value) =>
        Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    public static void Require(bool condition, int position, string message)
    {
        if (!condition)
        {
            throw new PdfFormatException(position, message);
        }
    }

    private static bool IsDigits(string s, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
