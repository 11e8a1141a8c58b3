namespace OneStop.Infrastructure.Data;

/// <summary>PostgreSQL's f_search_text: lower case without diacritics, so "giay phep" finds "Giấy phép".</summary>
public static class SearchText
{
    /// <summary>Only translates to SQL inside a query.</summary>
    public static string Normalize(string value) =>
        throw new InvalidOperationException($"{nameof(SearchText)}.{nameof(Normalize)} runs in PostgreSQL only (value: {value}).");

    /// <summary>The LIKE pattern matching a word anywhere, with LIKE's wildcards escaped.</summary>
    public static string Contains(string word) =>
        "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
