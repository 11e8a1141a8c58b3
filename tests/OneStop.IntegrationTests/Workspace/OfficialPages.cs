using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>Drives the workspace dossier page as a browser would: finds an action's form, fills it and posts it.</summary>
internal static class OfficialPages
{
    /// <summary>The inner HTML of the form of an action, or null when the page does not offer it.</summary>
    public static string? FormOf(string page, string actionId) =>
        new HtmlParser().ParseDocument(page).QuerySelectorAll("form[data-form]").FirstOrDefault(f => f.GetAttribute("data-form") == actionId)?.InnerHtml;

    /// <summary>Performs an action from the dossier page; returns the message or error the page shows.</summary>
    public static async Task<string> ActAsync(this HttpClient client, Guid dossierId, string actionId, IDictionary<string, string>? fields = null,
        (string Name, byte[] Content)? file = null) =>
        await (await client.FillAsync(dossierId, actionId, fields, file))();

    /// <summary>
    /// Loads the dossier page and fills an action's form, without sending it: the returned function posts it,
    /// so a test can hold two pages loaded at the same moment (stale pages) before either is sent.
    /// </summary>
    public static async Task<Func<Task<string>>> FillAsync(this HttpClient client, Guid dossierId, string actionId,
        IDictionary<string, string>? fields = null, (string Name, byte[] Content)? file = null)
    {
        var path = $"/Workspace/Dossier/{dossierId}";
        var page = await client.GetStringAsync(path);
        var form = PageForm.TryParse(page, path, $"form[data-form='{actionId}']")
            ?? throw new InvalidOperationException($"{actionId} is not offered on {path}.");
        form.Set(fields ?? new Dictionary<string, string>());
        var content = file is { } f ? form.Content("ResultFile", f.Name, f.Content) : form.Content();

        return async () =>
        {
            using var response = await client.PostAsync(path, content);
            return response.IsSuccessStatusCode ? Describe(await response.Content.ReadAsStringAsync()) : $"status {(int)response.StatusCode}";
        };
    }

    /// <summary>Posts one of the page's other forms (Claim, Assign, Apology).</summary>
    public static async Task<string> PostHandlerAsync(this HttpClient client, Guid dossierId, string handler, IDictionary<string, string> fields)
    {
        var path = $"/Workspace/Dossier/{dossierId}";
        var page = await client.GetStringAsync(path);
        var response = await client.PostFormAsync($"{path}?handler={handler}", fields, page);
        return Describe(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The message or error the page shows after an action ("message: …", "error: …"), or "nothing".</summary>
    public static string Describe(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=action-message], [data-testid=action-error]") is { } outcome
            ? $"{outcome.GetAttribute("data-testid")![7..]}: {outcome.TextContent}"
            : "nothing";

    public static async Task<Dossier> SubmitCriminalRecordAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var citizen = await db.Users.Where(u => u.Email == DemoAccounts.Citizen).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<DossierIntake>().SubmitAsync(
            new NewDossier("2.000488", null, new Applicant("Nguyễn Văn An", "020090001234", "0912345678", DemoAccounts.Citizen, "Lạng Sơn"), citizen,
                SubmissionChannel.Online, """{"purpose":"Xin việc","copies":1}"""),
            DossierIntake.Citizen(citizen));
    }

    /// <summary>Performs an action through the engine as the named official (for the steps a test is not about).</summary>
    public static async Task EngineActAsync(IServiceProvider services, Dossier dossier, string action, string email, IReadOnlyList<string>? files = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var official = await (from u in db.Users
                              join a in db.Agencies on u.AgencyId equals a.Id
                              join d in db.Departments on u.DepartmentId equals d.Id
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.Email == email
                              select new WorkflowActor(u.Id.ToString(), r.Name!, a.Code, d.Code)).SingleAsync();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var instance = (await engine.GetAsync(dossier.WorkflowInstanceId!.Value))!;
        await engine.PerformAsync(new PerformActionRequest(instance.Id, instance.OpenTasks.Single().Id, action, official) { Files = files ?? [] });
    }

    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n");
}
