using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Core.Common;
using OneStop.Web.Features.Admin.Workflows;
using OneStop.Workflows.Definitions;
using OneStop.Workflows.Simulation;
using OneStop.Workflows.Validation;

namespace OneStop.Web.Pages.Admin.Workflows;

/// <summary>Walks a sample dossier through a draft (or a published version) with chosen actions, on the real working-day calendar.</summary>
public sealed class SimulateModel(WorkflowConsole console, TimeProvider clock) : PageModel
{
    public string Json { get; private set; } = "";
    public WorkflowDefinition? Definition { get; private set; }
    public IReadOnlyList<WorkflowProblem> Problems { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Agencies { get; private set; } = [];
    public SimulationResult? Result { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public string? Start { get; set; }
    [BindProperty] public string? Agency { get; set; }
    [BindProperty] public int? LegalDays { get; set; }
    public Dictionary<string, string> Choices { get; private set; } = [];
    public Dictionary<string, string> Inputs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, int? version, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var json = await console.FindJsonAsync(id, version, cancellationToken);
            if (json is null)
                return NotFound();
            Json = json;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Runs the walk; posted from this page or from the editor (with only the JSON).</summary>
    public async Task<IActionResult> OnPostAsync(string? json, CancellationToken cancellationToken)
    {
        Json = json ?? "";
        // Read by hand: dictionary model binding falls back to every form field when no "Inputs[...]" key was posted.
        Choices = Indexed("Choices");
        Inputs = Indexed("Inputs");
        await LoadAsync(cancellationToken);
        if (Definition is null || Problems.Count > 0)
            return Page();
        DateTimeOffset? start = null;
        if (!string.IsNullOrWhiteSpace(Start))
        {
            if (!DateTime.TryParse(Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                Error = "Thời điểm tiếp nhận mẫu không đúng định dạng.";
                return Page();
            }

            start = VietnamTime.FromLocal(local);
        }

        try
        {
            Result = await console.SimulateAsync(new SimulationInput
            {
                Json = Json, Start = start, Agency = Agency, LegalDays = LegalDays, Choices = Choices, Inputs = Inputs,
            }, cancellationToken);
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }

        return Page();
    }

    private Dictionary<string, string> Indexed(string prefix) => Request.Form
        .Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
        .ToDictionary(f => f.Key[(prefix.Length + 1)..^1], f => f.Value.ToString(), StringComparer.Ordinal);

    public static string Vn(DateTimeOffset? at) =>
        at is { } instant ? VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agencies = await console.AgenciesAsync(cancellationToken);
        Start ??= VietnamTime.ToLocal(clock.GetUtcNow()).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        if (Json.Length == 0)
            return;
        var check = console.Check(Json);
        Definition = check.Definition;
        Problems = check.Problems;
        if (Definition is not null && LegalDays is null)
        {
            LegalDays = await console.LegalDaysAsync(Definition, cancellationToken);
        }
    }
}
