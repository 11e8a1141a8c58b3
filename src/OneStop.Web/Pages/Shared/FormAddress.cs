namespace OneStop.Web.Pages.Shared;

/// <summary>An address typed as detail + commune + province, stored as one line "detail, commune, province".</summary>
public sealed record FormAddress(string Detail, string? Commune, string? Province)
{
    public string Compose() => string.Join(", ", new[] { Detail, Commune, Province }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>Splits a stored line back into its parts when they are the offered commune and province; otherwise all of it is the detail.</summary>
    public static FormAddress Parse(string? value, IReadOnlyList<string> communes, string? province)
    {
        var rest = value ?? string.Empty;
        string? foundProvince = null;
        if (province is { Length: > 0 } && rest.EndsWith(", " + province, StringComparison.Ordinal))
        {
            foundProvince = province;
            rest = rest[..^(province.Length + 2)];
        }
        else if (province is { Length: > 0 } && rest == province)
        {
            return new FormAddress(string.Empty, null, province);
        }

        foreach (var commune in communes)
        {
            if (rest.EndsWith(", " + commune, StringComparison.Ordinal))
            {
                return new FormAddress(rest[..^(commune.Length + 2)], commune, foundProvince);
            }

            if (rest == commune)
            {
                return new FormAddress(string.Empty, commune, foundProvince);
            }
        }

        return new FormAddress(rest, null, foundProvince);
    }
}
