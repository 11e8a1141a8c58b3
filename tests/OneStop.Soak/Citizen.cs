using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OneStop.Soak;

/// <summary>
/// A citizen's app: drafts a driving-licence renewal with an Idempotency-Key, attaches three real PDFs, submits, pays some fees through
/// the simulated bank, withdraws some dossiers, and answers the supplement requests of its own dossiers.
/// </summary>
internal sealed class Citizen(Actor actor, Ledger ledger, Metrics metrics, Random random)
{
    public const string Procedure = "1.002804";
    private static readonly string[] Documents = ["DON", "GKSK", "GPLX"];
    private readonly List<Guid> _mine = [];

    public async Task RunAsync(CancellationToken stop)
    {
        await actor.SignInAsync();
        while (!stop.IsCancellationRequested)
        {
            await Guarded("submission", SubmitOneAsync);
            await Guarded("supplements", AnswerSupplementsAsync);
            await Task.Delay(random.Next(200, 800), CancellationToken.None);
        }
    }

    private async Task Guarded(string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (SoakFailure e)
        {
            metrics.Unexpect($"citizen {what}: {e.Message}");
        }
    }

    public async Task<Guid?> DraftAsync(string key)
    {
        var licence = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));
        var created = await actor.PostJsonAsync("create draft", "/api/v1/dossiers",
            new { procedureCode = Procedure, formData = new { licenceNumber = licence, licenceClass = "B", deliverByPost = "false" } },
            r => r.Headers.Add("Idempotency-Key", key));
        if (created.Status != HttpStatusCode.Created)
        {
            metrics.Unexpect($"create draft answered {(int)created.Status}");
            return null;
        }

        return JsonDocument.Parse(created.Body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Uploads with an Idempotency-Key of its own, the same on every retry of this upload.</summary>
    public async Task<AckedFile?> AttachAsync(Guid id, string document, byte[] content, Func<byte[], HttpContent>? body = null)
    {
        var key = Guid.NewGuid().ToString("N");
        var reply = await actor.SendAsync("attach", () =>
        {
            var file = body?.Invoke(content) ?? new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/attachments")
            {
                Content = new MultipartFormDataContent { { new StringContent(document), "documentCode" }, { file, "file", document + ".pdf" } },
            };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        });
        if (reply.Status != HttpStatusCode.Created)
        {
            metrics.Unexpect($"attach answered {(int)reply.Status}");
            return null;
        }

        var info = JsonDocument.Parse(reply.Body).RootElement;
        var sha = SamplePdf.Sha256(content);
        if (!string.Equals(info.GetProperty("sha256").GetString(), sha, StringComparison.OrdinalIgnoreCase))
        {
            metrics.Unexpect("attach acknowledged another SHA-256 than the bytes sent");
        }

        return new AckedFile(info.GetProperty("id").GetGuid(), document, sha);
    }

    public async Task<string?> SubmitAsync(Guid id, string key, List<AckedFile> files)
    {
        var submitted = await actor.PostJsonAsync("submit", $"/api/v1/dossiers/{id}/submit", null);
        var code = submitted.Ok ? JsonDocument.Parse(submitted.Body).RootElement.GetProperty("code").GetString() : null;
        if (code is null)
        {
            metrics.Unexpect($"submit answered {(int)submitted.Status} without a code");
            return null;
        }

        ledger.Submissions.Enqueue(new AckedSubmission(id, code, key, files));
        lock (_mine)
        {
            _mine.Add(id);
        }

        return code;
    }

    private async Task SubmitOneAsync()
    {
        var key = Guid.NewGuid().ToString("N");
        if (await DraftAsync(key) is not { } id)
        {
            return;
        }

        var files = new List<AckedFile>();
        foreach (var document in Documents)
        {
            if (await AttachAsync(id, document, SamplePdf.Make(random, document, random.Next(2_000, 60_000))) is not { } file)
            {
                return;
            }

            files.Add(file);
        }

        if (await SubmitAsync(id, key, files) is null)
        {
            return;
        }

        var roll = random.NextDouble();
        if (roll < 0.4)
        {
            await PayAsync(id);
        }
        else if (roll < 0.48)
        {
            await WithdrawAsync(id);
        }
    }

    private async Task WithdrawAsync(Guid id)
    {
        var reply = await actor.PostJsonAsync("withdraw", $"/api/v1/dossiers/{id}/withdraw", new { reason = "Tôi nộp nhầm thủ tục, xin rút hồ sơ." });
        // A 409 is the race with a reception that acted first: the withdrawal is then refused, as it should be.
        if (reply.Ok)
        {
            ledger.Actions.Enqueue(new ActionAttempt(id, "withdraw", true, reply.Uncertain));
            ledger.Withdrawn.TryAdd(id, 0);
        }
        else if (reply.Status is not (HttpStatusCode.Conflict or HttpStatusCode.BadRequest))
        {
            metrics.Unexpect($"withdraw answered {(int)reply.Status}");
        }
        else if (reply.Uncertain)
        {
            ledger.Actions.Enqueue(new ActionAttempt(id, "withdraw", false, true));
        }
    }

    /// <summary>Pays through the simulated bank as a browser would: the bank's page, its form with the antiforgery token, the signed return.</summary>
    private async Task PayAsync(Guid id)
    {
        var started = await actor.PostJsonAsync("start payment", $"/api/v1/dossiers/{id}/payments", null);
        if (started.Status != HttpStatusCode.Created)
        {
            // A dossier already decided or withdrawn by a quick official is no longer payable: not a fault.
            if (started.Status != HttpStatusCode.Conflict)
            {
                metrics.Unexpect($"start payment answered {(int)started.Status}");
            }

            return;
        }

        var body = JsonDocument.Parse(started.Body).RootElement;
        var payment = body.GetProperty("paymentId").GetGuid();
        var bank = new Uri(body.GetProperty("redirectUrl").GetString()!, UriKind.RelativeOrAbsolute);
        var paid = await Bank.PayAsync(actor.Proxy, bank.IsAbsoluteUri ? bank.PathAndQuery : bank.OriginalString);
        if (!paid)
        {
            metrics.Unexpect("the simulated bank's payment did not come back to OneStop");
            return;
        }

        var list = await actor.GetAsync("list payments", $"/api/v1/dossiers/{id}/payments");
        var succeeded = list.Ok && JsonDocument.Parse(list.Body).RootElement.EnumerateArray()
            .Any(p => p.GetProperty("id").GetGuid() == payment && p.GetProperty("status").GetString() == "Succeeded");
        if (succeeded)
        {
            ledger.Payments.Enqueue((id, payment));
        }
        else
        {
            metrics.Unexpect("a payment the bank confirmed is not Succeeded");
        }
    }

    private async Task AnswerSupplementsAsync()
    {
        Guid[] mine;
        lock (_mine)
        {
            mine = [.. _mine];
        }

        var list = await actor.GetAsync("my dossiers", "/api/v1/dossiers");
        if (!list.Ok)
        {
            metrics.Unexpect($"my dossiers answered {(int)list.Status}");
            return;
        }

        foreach (var item in JsonDocument.Parse(list.Body).RootElement.EnumerateArray())
        {
            var id = item.GetProperty("id").GetGuid();
            if (item.GetProperty("status").GetString() != "WaitingForSupplement" || !mine.Contains(id))
            {
                continue;
            }

            if (random.NextDouble() < 0.15)
            {
                await WithdrawAsync(id);
                continue;
            }

            var document = Documents[random.Next(Documents.Length)];
            if (await AttachAsync(id, document, SamplePdf.Make(random, document + " bổ sung", random.Next(2_000, 30_000))) is { } file)
            {
                ledger.SupplementFiles.Enqueue(file with { });
            }

            var resubmitted = await actor.PostJsonAsync("resubmit", $"/api/v1/dossiers/{id}/resubmit", new { comment = "Đã bổ sung theo yêu cầu." });
            if (resubmitted.Ok)
            {
                ledger.Actions.Enqueue(new ActionAttempt(id, "resubmit", true, resubmitted.Uncertain));
            }
            else if (resubmitted.Uncertain)
            {
                ledger.Actions.Enqueue(new ActionAttempt(id, "resubmit", false, true));
            }
            else
            {
                metrics.Unexpect($"resubmit answered {(int)resubmitted.Status}");
            }
        }
    }
}
