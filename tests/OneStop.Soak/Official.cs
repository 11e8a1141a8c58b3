using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Soak;

/// <summary>
/// An official's e-office client on /api/v1/workspace: takes a dossier from the inbox, claims its task when it must, and performs one of
/// the actions the dossier offers with its ETag in If-Match (accept, request a supplement, submit, approve, return, hand the result over),
/// and now and then apologises for a late dossier. Two clients per role on the same account race each other, as two browser tabs would.
/// </summary>
internal sealed class Official(Actor actor, Ledger ledger, Metrics metrics, Random random)
{
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal)
    {
        ["accept"] = 0.85, ["submit"] = 0.9, ["approve"] = 0.9, ["returnResult"] = 1.0,
        ["requestSupplement"] = 0.12, ["return"] = 0.08, ["reject"] = 0.02,
    };

    public int Conflicts { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        await actor.SignInAsync();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await WorkOneAsync())
                {
                    await Task.Delay(random.Next(500, 1500), CancellationToken.None);
                }
            }
            catch (SoakFailure e)
            {
                metrics.Unexpect($"official: {e.Message}");
            }

            await Task.Delay(random.Next(50, 300), CancellationToken.None);
        }
    }

    private async Task<bool> WorkOneAsync()
    {
        var inbox = await actor.GetAsync("inbox", "/api/v1/workspace/inbox");
        if (!inbox.Ok)
        {
            metrics.Unexpect($"inbox answered {(int)inbox.Status}");
            return false;
        }

        var items = JsonDocument.Parse(inbox.Body).RootElement.GetProperty("items").EnumerateArray().ToList();
        if (items.Count == 0)
        {
            return false;
        }

        var id = items[random.Next(Math.Min(items.Count, 8))].GetProperty("dossierId").GetGuid();
        var (dossier, etag) = await ReadAsync(id);
        if (dossier is not { } view)
        {
            return true;
        }

        if (view.GetProperty("actions").GetArrayLength() == 0)
        {
            var claimable = view.GetProperty("tasks").EnumerateArray().FirstOrDefault(t => t.GetProperty("claimable").GetBoolean());
            if (claimable.ValueKind == JsonValueKind.Undefined)
            {
                return true;
            }

            var claim = await actor.PostJsonAsync("claim", $"/api/v1/workspace/dossiers/{id}/tasks/{claimable.GetProperty("taskId").GetString()}/claim", null);
            if (!claim.Ok)
            {
                Expected(claim, "claim");
                return true;
            }

            (dossier, etag) = await ReadAsync(id);
            if (dossier is not { } claimed)
            {
                return true;
            }

            view = claimed;
        }

        if (view.GetProperty("canApologise").GetBoolean() && random.NextDouble() < 0.05)
        {
            await ApologiseAsync(id);
        }

        var actions = view.GetProperty("actions").EnumerateArray().Where(a => Weights.ContainsKey(a.GetProperty("actionId").GetString()!)).ToList();
        if (actions.Count == 0 || etag is null)
        {
            return true;
        }

        var chosen = Choose(actions);
        await ActAsync(id, chosen, etag);
        return true;
    }

    private JsonElement Choose(List<JsonElement> actions)
    {
        foreach (var action in actions.OrderBy(_ => random.Next()))
        {
            if (random.NextDouble() < Weights[action.GetProperty("actionId").GetString()!])
            {
                return action;
            }
        }

        return actions.OrderByDescending(a => Weights[a.GetProperty("actionId").GetString()!]).First();
    }

    private async Task ActAsync(Guid id, JsonElement action, EntityTagHeaderValue etag)
    {
        var actionId = action.GetProperty("actionId").GetString()!;
        var path = $"/api/v1/workspace/dossiers/{id}/tasks/{action.GetProperty("taskId").GetString()}/actions/{actionId}";
        var result = action.GetProperty("requiresFile").GetBoolean() ? SamplePdf.Make(random, "Ket qua", 4_000) : null;
        var reply = await actor.SendAsync(actionId, () =>
        {
            HttpContent content = result is null
                ? JsonContent.Create(new { comment = Comment(actionId), handoverMethod = "counter", receivedBy = "Người nộp hồ sơ" })
                : new MultipartFormDataContent
                {
                    { new StringContent(Comment(actionId)), "comment" },
                    { new StringContent("counter"), "handoverMethod" },
                    { new StringContent("Người nộp hồ sơ"), "receivedBy" },
                    { Pdf(result), "file", "ket-qua.pdf" },
                };
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.IfMatch.Add(etag);
            return request;
        });
        if (reply.Ok)
        {
            ledger.Actions.Enqueue(new ActionAttempt(id, actionId, true, reply.Uncertain));
            return;
        }

        if (reply.Uncertain)
        {
            ledger.Actions.Enqueue(new ActionAttempt(id, actionId, false, true));
        }

        Expected(reply, actionId);
    }

    private async Task ApologiseAsync(Guid id)
    {
        var newDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var reply = await actor.PostJsonAsync("apology", $"/api/v1/workspace/dossiers/{id}/apology",
            new { newDate, reason = "Hồ sơ cần xác minh thêm với cơ quan liên quan." });
        if (reply.Ok || reply.Uncertain)
        {
            ledger.Apologies.Enqueue((id, reply.Ok, reply.Uncertain));
        }

        if (!reply.Ok)
        {
            Expected(reply, "apology");
        }
    }

    private async Task<(JsonElement? View, EntityTagHeaderValue? ETag)> ReadAsync(Guid id)
    {
        var reply = await actor.GetAsync("workspace dossier", $"/api/v1/workspace/dossiers/{id}");
        if (reply.Status == HttpStatusCode.NotFound)
        {
            return (null, null); // moved on to another agency's step meanwhile
        }

        if (!reply.Ok)
        {
            metrics.Unexpect($"workspace dossier answered {(int)reply.Status}");
            return (null, null);
        }

        return (JsonDocument.Parse(reply.Body).RootElement, reply.Message.Headers.ETag);
    }

    /// <summary>The answers of a race with the other client on the same step: someone acted meanwhile (412, 409), or it is no longer ours (404, 400, 403).</summary>
    private void Expected(Reply reply, string what)
    {
        if (reply.Status is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
            or HttpStatusCode.Forbidden)
        {
            Conflicts++;
            return;
        }

        metrics.Unexpect($"{what} answered {(int)reply.Status}");
    }

    private static string Comment(string actionId) => actionId switch
    {
        "requestSupplement" => "Đề nghị bổ sung bản sao giấy khám sức khỏe rõ nét hơn.",
        "return" => "Đề nghị chuyên viên kiểm tra lại hạng giấy phép.",
        "reject" => "Hồ sơ không thuộc thẩm quyền giải quyết.",
        _ => "Đồng ý.",
    };

    private static ByteArrayContent Pdf(byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return file;
    }
}
