using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Dossiers;
using OneStop.Testing;
using OneStop.Workflows.Runtime;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>Drives the workspace dossier page as a browser would: finds an action's form, fills it and posts it.</summary>
internal static partial class OfficialPages
{
    [GeneratedRegex("<form[^>]*data-form=\"([A-Za-z]+)\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex ActionForm();

    [GeneratedRegex("name=\"(TaskId|Version)\" value=\"([^\"]+)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"action-(message|error)\">([^<]*)<")]
    private static partial Regex Outcome();

    /// <summary>The inner HTML of the form of an action, or null when the page does not offer it.</summary>
    public static string? FormOf(string page, string actionId) =>
        ActionForm().Matches(page).FirstOrDefault(m => m.Groups[1].Value == actionId)?.Groups[2].Value;

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
        var form = FormOf(page, actionId) ?? throw new InvalidOperationException($"{actionId} is not offered on {path}.");
        var values = Hidden().Matches(form).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        values["ActionId"] = actionId;
        values["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        HttpContent content;
        if (file is { } f)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in values)
            {
                multipart.Add(new StringContent(value), key);
            }

            var bytes = new ByteArrayContent(f.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            multipart.Add(bytes, "ResultFile", f.Name);
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(values);
        }

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

    public static string Describe(string html) =>
        Outcome().Match(html) is { Success: true } m ? $"{m.Groups[1].Value}: {WebUtility.HtmlDecode(m.Groups[2].Value)}" : "nothing";

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
