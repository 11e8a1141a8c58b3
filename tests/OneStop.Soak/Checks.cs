using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace OneStop.Soak;

/// <summary>The end of a soak: what the app acknowledged against what the database and the file store hold. Each check prints one line.</summary>
internal sealed class Checks(Installation installation, Ledger ledger, Metrics metrics, Faults faults, WebhookSink webhooks)
{
    private readonly List<string> _failed = [];

    public int Lost { get; private set; }
    public int Duplicates { get; private set; }
    public int Gaps { get; private set; }
    public IReadOnlyList<string> Failed => _failed;

    public async Task RunAsync()
    {
        await using var db = new NpgsqlConnection(installation.ConnectionString);
        await db.OpenAsync();
        await SubmissionsAsync(db);
        await CodesAsync(db);
        await JournalAsync(db);
        await DocumentsAsync(db);
        await PaymentsAsync(db);
        await TimersAsync(db);
        await MailAsync(db);
        await StuckAsync(db);
        await WebhooksAsync(db);
        ServerErrors();
    }

    private void Report(string check, bool ok, string detail)
    {
        Console.WriteLine($"  [{(ok ? "ok" : "FAIL")}] {check}: {detail}");
        if (!ok)
        {
            _failed.Add(check);
        }
    }

    private async Task SubmissionsAsync(NpgsqlConnection db)
    {
        var acked = ledger.Submissions.ToList();
        var rows = await ListAsync(db, "SELECT id, code, idempotency_key FROM dossiers WHERE id = ANY(@p)", r => (r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1),
            r.IsDBNull(2) ? null : r.GetString(2)), acked.Select(a => a.DossierId).ToArray());
        var byId = rows.ToDictionary(r => r.Item1);
        var lost = acked.Count(a => !byId.TryGetValue(a.DossierId, out var row) || row.Item2 != a.Code);
        var perKey = await ListAsync(db, "SELECT idempotency_key, count(*) FROM dossiers WHERE idempotency_key = ANY(@p) GROUP BY 1 HAVING count(*) > 1",
            r => r.GetInt64(1), acked.Select(a => a.IdempotencyKey).ToArray());
        var duplicated = (int)perKey.Sum(c => c - 1);
        Lost += lost;
        Duplicates += duplicated;
        Report("submissions", lost == 0 && duplicated == 0,
            $"{acked.Count} acknowledged with their codes; {lost} missing or with another code, {duplicated} stored twice for one Idempotency-Key");

        var files = acked.SelectMany(a => a.Files).Concat(ledger.SupplementFiles).ToList();
        var stored = (await ListAsync(db, "SELECT id, sha256 FROM dossier_attachments WHERE id = ANY(@p)", r => (r.GetGuid(0), r.GetString(1)),
            files.Select(f => f.Id).ToArray())).ToDictionary(r => r.Item1, r => r.Item2);
        var missingRows = files.Count(f => !stored.TryGetValue(f.Id, out var sha) || !string.Equals(sha, f.Sha256, StringComparison.OrdinalIgnoreCase));
        var badBytes = 0;
        foreach (var sha in files.Select(f => f.Sha256.ToLowerInvariant()).Distinct())
        {
            var path = Path.Combine(installation.FileRoot, sha[..2], sha[2..4], sha);
            if (!File.Exists(path) || Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))) != sha)
            {
                badBytes++;
            }
        }

        Lost += missingRows + badBytes;
        Report("attachments", missingRows == 0 && badBytes == 0,
            $"{files.Count} acknowledged files; {missingRows} rows missing or with another SHA-256, {badBytes} stored files missing or not matching their SHA-256");
        // Every upload carries an Idempotency-Key, so an upload retried after a lost answer (a killed host, a dropped connection) must find
        // the attachment its first attempt stored, not store the file a second time. The harness's files are random, so one dossier holding
        // the same bytes twice for the same document is a retry stored twice.
        var twice = await ScalarAsync(db, """
            SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM dossier_attachments GROUP BY dossier_id, document_code, sha256 HAVING count(*) > 1) t
            """);
        var unkeyed = await ScalarAsync(db, "SELECT count(*) FROM dossier_attachments WHERE id = ANY(@p) AND idempotency_key IS NULL", files.Select(f => f.Id).ToArray());
        Duplicates += (int)twice;
        Report("uploads stored once", twice == 0 && unkeyed == 0,
            $"{twice} attachments stored again by a retried upload, {unkeyed} acknowledged uploads without their Idempotency-Key");
    }

    private async Task CodesAsync(NpgsqlConnection db)
    {
        var codes = await ListAsync(db, "SELECT code FROM dossiers WHERE code IS NOT NULL", r => r.GetString(0));
        var duplicated = codes.GroupBy(c => c, StringComparer.Ordinal).Sum(g => g.Count() - 1);
        var counters = await ListAsync(db, "SELECT agency_code, day, last FROM dossier_code_counters", r => (r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt32(2)));
        var gaps = 0;
        var strays = 0;
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (agency, day, last) in counters)
        {
            var prefix = $"{agency}-{day.ToString("yyMMdd", CultureInfo.InvariantCulture)}-";
            var numbers = codes.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Select(c => int.Parse(c[prefix.Length..], CultureInfo.InvariantCulture)).ToHashSet();
            gaps += Enumerable.Range(1, last).Count(n => !numbers.Contains(n));
            strays += numbers.Count(n => n < 1 || n > last);
            covered.UnionWith(codes.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)));
        }

        strays += codes.Count(c => !covered.Contains(c));
        Duplicates += duplicated;
        Gaps += gaps + strays;
        Report("dossier codes", duplicated == 0 && gaps == 0 && strays == 0,
            $"{codes.Count} codes over {counters.Count} agency-days; {duplicated} duplicated, {gaps} numbers missing below a counter, {strays} beyond or outside it");
    }

    private async Task JournalAsync(NpgsqlConnection db)
    {
        var journal = await ListAsync(db, """
            SELECT d.id, j.action_id, count(*) FROM workflow_journal j JOIN dossiers d ON d.code = j.dossier_code
            WHERE j.action_id IS NOT NULL GROUP BY 1, 2
            """, r => (r.GetGuid(0), r.GetString(1), (int)r.GetInt64(2)));
        var counted = journal.ToDictionary(j => (j.Item1, j.Item2), j => j.Item3);
        var lost = 0;
        var duplicated = 0;
        foreach (var group in ledger.Actions.GroupBy(a => (a.DossierId, a.ActionId)))
        {
            var acked = group.Count(a => a.Acknowledged);
            var maybe = group.Count(a => !a.Acknowledged && a.Uncertain);
            var found = counted.GetValueOrDefault(group.Key);
            lost += Math.Max(0, acked - found);
            duplicated += Math.Max(0, found - acked - maybe);
        }

        Lost += lost;
        Duplicates += duplicated;
        Report("workflow journal", lost == 0 && duplicated == 0,
            $"{ledger.Actions.Count(a => a.Acknowledged)} acknowledged actions ({ledger.Actions.Count(a => !a.Acknowledged)} with an unknown outcome); {lost} not in the journal, {duplicated} journaled more often than sent");
    }

    /// <summary>Each document a journal entry says was issued (receipt, supplement request, result, apology …) exists once per entry: none missing, none twice.</summary>
    private async Task DocumentsAsync(NpgsqlConnection db)
    {
        var promised = (await ListAsync(db, """
            SELECT d.id, k.name, count(*) FROM workflow_journal j JOIN dossiers d ON d.code = j.dossier_code, unnest(j.documents) AS k(name) GROUP BY 1, 2
            """, r => (r.GetGuid(0), r.GetString(1), (int)r.GetInt64(2)))).ToDictionary(p => (p.Item1, p.Item2), p => p.Item3);
        var issued = (await ListAsync(db, "SELECT dossier_id, kind, count(*) FROM issued_documents WHERE dossier_id IS NOT NULL GROUP BY 1, 2",
            r => (r.GetGuid(0), r.GetString(1), (int)r.GetInt64(2)))).ToDictionary(p => (p.Item1, p.Item2), p => p.Item3);
        var journaledKinds = promised.Keys.Select(k => k.Item2).ToHashSet(StringComparer.Ordinal);
        var missing = promised.Sum(p => Math.Max(0, p.Value - issued.GetValueOrDefault(p.Key)));
        var extra = issued.Where(i => journaledKinds.Contains(i.Key.Item2)).Sum(i => Math.Max(0, i.Value - promised.GetValueOrDefault(i.Key)));
        var apologyLost = 0;
        var apologyExtra = 0;
        foreach (var group in ledger.Apologies.GroupBy(a => a.DossierId))
        {
            var found = issued.GetValueOrDefault((group.Key, "apology"));
            apologyLost += Math.Max(0, group.Count(a => a.Acknowledged) - found);
            apologyExtra += Math.Max(0, found - group.Count());
        }

        Lost += missing + apologyLost;
        Duplicates += extra + apologyExtra;
        Report("issued documents", missing == 0 && extra == 0 && apologyLost == 0 && apologyExtra == 0,
            $"{issued.Values.Sum()} documents ({string.Join(", ", issued.GroupBy(i => i.Key.Item2).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Sum(x => x.Value)}"))}); "
            + $"{missing} promised by the journal but missing, {extra} issued beyond it; apologies {apologyLost} acknowledged but missing, {apologyExtra} beyond those sent");
    }

    private async Task PaymentsAsync(NpgsqlConnection db)
    {
        var acked = ledger.Payments.ToList();
        var rows = await ListAsync(db, """
            SELECT p.id, p.status, (SELECT count(*) FROM issued_documents d WHERE d.id = p.receipt_document_id)
            FROM payments p WHERE p.id = ANY(@p)
            """, r => (r.GetGuid(0), r.GetString(1), r.GetInt64(2)), acked.Select(a => a.PaymentId).ToArray());
        var lost = acked.Count - rows.Count(r => r.Item2 == "Succeeded" && r.Item3 == 1);
        var receiptsBeyond = await ScalarAsync(db, """
            SELECT coalesce(sum(greatest(0, r.n - coalesce(p.n, 0))), 0) FROM
              (SELECT dossier_id, count(*) n FROM issued_documents WHERE kind = 'paymentReceipt' GROUP BY 1) r
              LEFT JOIN (SELECT dossier_id, count(*) n FROM payments WHERE status = 'Succeeded' GROUP BY 1) p ON p.dossier_id = r.dossier_id
            """);
        var twicePaid = await ScalarAsync(db, "SELECT count(*) FROM (SELECT dossier_id FROM payments WHERE status = 'Succeeded' GROUP BY 1 HAVING count(*) > 1) t");
        Lost += lost;
        Duplicates += (int)(twicePaid + receiptsBeyond);
        Report("payments", lost == 0 && twicePaid == 0 && receiptsBeyond == 0,
            $"{acked.Count} acknowledged; {lost} not Succeeded with their receipt, {twicePaid} dossiers paid twice, {receiptsBeyond} receipts beyond the payments");
    }

    /// <summary>
    /// Every timer the harness made due (<see cref="Clock"/>) fired once: a reminder, an escalation or a missed procedure deadline is one
    /// journal entry of its task or instance, an overdue mark is the task's flag. None fired more often than it was made due. A timer
    /// that did not fire is accounted for only when it is gone with its task (closed first), its instance (ended) or replaced by a new
    /// procedure deadline (the clock restarted after a supplement); gone with none of these is lost, still there is overdue.
    /// </summary>
    private async Task TimersAsync(NpgsqlConnection db)
    {
        var aged = ledger.AgedTimers.ToList();
        var journal = (await ListAsync(db, """
            SELECT instance_id, task_id, kind, count(*) FROM workflow_journal WHERE kind IN ('ReminderSent', 'Escalated', 'TotalDeadlineMissed') GROUP BY 1, 2, 3
            """, r => (Key: (r.GetGuid(0), r.IsDBNull(1) ? (Guid?)null : r.GetGuid(1), r.GetString(2)), Count: (int)r.GetInt64(3))))
            .ToDictionary(j => j.Key, j => j.Count);
        var timers = (await ListAsync(db, "SELECT id, instance_id, kind FROM workflow_timers", r => (r.GetGuid(0), r.GetGuid(1), r.GetString(2))))
            .ToList();
        var present = timers.Select(t => t.Item1).ToHashSet();
        var deadlines = timers.Where(t => t.Item3 == "TotalDeadline").ToLookup(t => t.Item2, t => t.Item1);
        var openTasks = (await ListAsync(db, "SELECT id, is_overdue FROM workflow_tasks", r => (r.GetGuid(0), r.GetBoolean(1)))).ToDictionary(t => t.Item1, t => t.Item2);
        var ended = (await ListAsync(db, "SELECT id FROM workflow_instances WHERE status = 'Ended'", r => r.GetGuid(0))).ToHashSet();

        int fired = 0, closedFirst = 0, notFired = 0, lost = 0, twice = 0;
        var lostTimers = new List<AgedTimer>();
        foreach (var group in aged.GroupBy(a => (a.InstanceId, a.TaskId, Journal: JournalKindOf(a.Kind))))
        {
            var count = group.Key.Journal is { } kind ? journal.GetValueOrDefault((group.Key.InstanceId, group.Key.TaskId, kind)) : 0;
            twice += Math.Max(0, count - group.Count());
            var unexplained = group.Key.Journal is null ? group.Count() : Math.Max(0, group.Count() - count);
            fired += group.Count() - unexplained;
            foreach (var timer in group.Take(unexplained))
            {
                var taskOpen = timer.TaskId is { } task && openTasks.ContainsKey(task);
                if (present.Contains(timer.TimerId))
                {
                    notFired++;
                }
                else if (group.Key.Journal is null && taskOpen && openTasks[timer.TaskId!.Value])
                {
                    fired++; // the overdue mark: the task's flag is its trace
                }
                else if (ended.Contains(timer.InstanceId) || (timer.TaskId is not null && !taskOpen)
                    || (timer.TaskId is null && deadlines[timer.InstanceId].Any(id => id != timer.TimerId)))
                {
                    closedFirst++;
                }
                else
                {
                    lost++;
                    lostTimers.Add(timer);
                }
            }
        }

        Lost += lost;
        Duplicates += twice;
        Report("timers fired once", lost == 0 && twice == 0 && notFired == 0,
            $"{aged.Count} timers made due by the clock over {aged.Select(a => a.InstanceId).Distinct().Count()} instances; {fired} fired, "
            + $"{closedFirst} gone with their task or instance before they fired, {notFired} still waiting, {lost} gone without firing, {twice} fired more than once");
        foreach (var timer in lostTimers)
        {
            var history = await ListAsync(db, "SELECT kind || coalesce(' ' || action_id, '') FROM workflow_journal WHERE instance_id = @p ORDER BY sequence",
                r => r.GetString(0), timer.InstanceId);
            Console.WriteLine($"    lost: {timer.Kind} timer {timer.TimerId} of instance {timer.InstanceId}"
                + (timer.TaskId is { } task ? $", task {task} ({(openTasks.ContainsKey(task) ? "open" : "closed")})" : "")
                + $"; journal: {string.Join(", ", history)}");
        }
    }

    private static string? JournalKindOf(string timerKind) => timerKind.ToLowerInvariant() switch
    {
        "reminder" => "ReminderSent",
        "escalation" => "Escalated",
        "totaldeadline" => "TotalDeadlineMissed",
        _ => null, // the overdue mark journals nothing
    };

    private async Task MailAsync(NpgsqlConnection db)
    {
        var unsent = await ScalarAsync(db, "SELECT count(*) FROM email_outbox WHERE sent_at IS NULL AND failed_at IS NULL");
        var sent = await ScalarAsync(db, "SELECT count(*) FROM email_outbox WHERE sent_at IS NOT NULL");
        var written = Directory.Exists(installation.MailDir) ? Directory.EnumerateFiles(installation.MailDir, "*", SearchOption.AllDirectories).ToList() : [];
        // A message is written aside (.name.guid.tmp) and moved in place as name.eml: a host killed while writing leaves the partial
        // behind, which is no message (the mail is still unsent and goes out again under its one name). Only messages are counted.
        var all = written.Where(f => f.EndsWith(".eml", StringComparison.Ordinal)).ToList();
        var partials = written.Count - all.Count;
        // An account's own mail (the registration's confirmation link) is sent while the request waits, not through the outbox.
        var accountMail = 0;
        foreach (var file in all)
        {
            using var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.Subject?.StartsWith("Xác nhận địa chỉ e-mail", StringComparison.Ordinal) == true)
            {
                accountMail++;
            }
        }

        var files = all.Count - accountMail;
        var extra = Math.Max(0, files - (int)sent);
        Duplicates += extra;
        Report("e-mail outbox", unsent == 0 && files == sent,
            $"{sent} sent, {unsent} still queued, {files} messages in the pickup folder ({extra} sent more than once), and {accountMail} confirmation links sent directly; {partials} partial files of writes cut by a kill");
    }

    private async Task StuckAsync(NpgsqlConnection db)
    {
        var noWay = await ScalarAsync(db, """
            SELECT count(*) FROM workflow_instances i
            WHERE i.status <> 'Ended'
              AND NOT EXISTS (SELECT 1 FROM workflow_tasks t WHERE t.instance_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM workflow_timers m WHERE m.instance_id = i.id)
              AND NOT EXISTS (SELECT 1 FROM workflow_outbox o WHERE o.instance_id = i.id AND o.delivered_at IS NULL)
            """);
        var disagree = await ScalarAsync(db, """
            SELECT count(*) FROM dossiers d JOIN workflow_instances i ON i.id = d.workflow_instance_id
            WHERE (i.status = 'Ended') <> (d.status IN ('Completed', 'Rejected', 'Withdrawn'))
               OR (i.status = 'Ended' AND lower(d.status) <> lower(coalesce(i.outcome, '')))
            """);
        var taskStatus = await ScalarAsync(db, """
            SELECT count(*) FROM workflow_tasks t JOIN dossiers d ON d.code = t.dossier_code WHERE t.dossier_status IS DISTINCT FROM d.status
            """);
        var outbox = await ScalarAsync(db, "SELECT count(*) FROM workflow_outbox WHERE delivered_at IS NULL");
        var timers = await ScalarAsync(db, "SELECT count(*) FROM workflow_timers WHERE due_at < now() - interval '30 seconds'");
        Report("no instance stuck", noWay == 0 && disagree == 0 && taskStatus == 0 && outbox == 0 && timers == 0,
            $"{noWay} running instances with no task, timer or effect left; {disagree} dossiers whose status disagrees with their workflow; "
            + $"{taskStatus} tasks with another dossier status; {outbox} workflow effects undelivered; {timers} timers overdue and not fired");
    }

    /// <summary>Every webhook effect delivered and received; a repeat after a kill (sent, then the host died before marking it) is at-least-once by design, so counted, not failed.</summary>
    private async Task WebhooksAsync(NpgsqlConnection db)
    {
        var ids = await ListAsync(db, "SELECT id FROM workflow_outbox WHERE kind = 'CallWebhook' AND delivered_at IS NOT NULL", r => r.GetInt64(0));
        var notReceived = ids.Count(id => !webhooks.Received.ContainsKey(id));
        var repeated = webhooks.Received.Values.Sum(n => n - 1);
        Lost += notReceived;
        Report("webhooks", notReceived == 0, $"{ids.Count} delivered, {notReceived} marked delivered but never received, {repeated} received again (X-OneStop-Delivery lets the receiver drop them)");
    }

    private void ServerErrors()
    {
        var outside = metrics.ServerErrorsOutsideWindows();
        foreach (var e in outside.Take(10))
        {
            Console.WriteLine($"      {e.At:HH:mm:ss} host {e.Host} {e.Operation}: {e.Status} {e.Type}");
        }

        Report("5xx only inside fault windows", outside.Count == 0, $"{metrics.ServerErrors} 5xx in all, {outside.Count} outside a fault window");
        foreach (var failure in faults.HostileFailures.Take(10))
        {
            Console.WriteLine($"      hostile {failure}");
        }

        Report("hostile input", faults.HostileFailures.Count == 0, $"{faults.HostileSent} hostile requests, {faults.HostileFailures.Count} answered with a 5xx or a success");
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlConnection db, string sql, Func<NpgsqlDataReader, T> read, object? parameter = null)
    {
        await using var command = new NpgsqlCommand(sql, db);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }

        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql, object? parameter = null)
    {
        await using var command = new NpgsqlCommand(sql, db);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
