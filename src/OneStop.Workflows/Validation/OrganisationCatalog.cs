namespace OneStop.Workflows.Validation;

/// <summary>The agencies and departments a definition may name, used to check assignees.</summary>
public sealed class OrganisationCatalog
{
    private readonly Dictionary<string, HashSet<string>> _departmentsByAgency;

    /// <summary>Creates a catalog from agency code → department codes.</summary>
    public OrganisationCatalog(IReadOnlyDictionary<string, IEnumerable<string>> departmentsByAgency)
    {
        _departmentsByAgency = departmentsByAgency.ToDictionary(
            p => p.Key, p => new HashSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>Whether an agency code is known.</summary>
    public bool IsKnownAgency(string agency) => _departmentsByAgency.ContainsKey(agency);

    /// <summary>Whether a department exists in the named agency, or in any agency when none is named.</summary>
    public bool IsKnownDepartment(string department, string? agency) =>
        agency is not null && _departmentsByAgency.TryGetValue(agency, out var named)
            ? named.Contains(department)
            : _departmentsByAgency.Values.Any(d => d.Contains(department));
}
