using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneStop.Benchmarks.Harness;
using OneStop.Infrastructure;
using OneStop.Infrastructure.Data;
using OneStop.Infrastructure.Seeding;
using WorkspaceInbox = OneStop.Web.Features.Workspace.Inbox;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;

namespace OneStop.Benchmarks.Workspace;

/// <summary>
/// The workspace inbox (<see cref="OneStop.Web.Features.Workspace.Inbox"/>, the code the page runs) of one department — the specialists
/// of Phòng QLPT, Sở GTVT — over a database holding 1,000,000 dossiers and 50,000 open tasks. A fresh migrated and seeded database
/// (onestop_bench_inbox_PID) is filled with SQL, analysed, measured, then dropped. Each call gets its own scope and DbContext, as a
/// web request does. Reports median and p99 per query.
/// </summary>
internal static class InboxBenchmark
{
    private static readonly int Dossiers = int.TryParse(Environment.GetEnvironmentVariable("ONESTOP_BENCH_DOSSIERS"), out var n) ? n : 1_000_000;
    private const int OpenEvery = 20;   // every 20th dossier is open: 50,000 open tasks

    public static async Task<int> RunAsync(RunnerOptions options)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__OneStop")
            ?? throw new InvalidOperationException("Set ConnectionStrings__OneStop.");
        // ONESTOP_BENCH_DATABASE names a database filled by an earlier run kept with ONESTOP_BENCH_KEEP=1 (saves the fill).
        var reuse = Environment.GetEnvironmentVariable("ONESTOP_BENCH_DATABASE");
        var name = reuse ?? $"onestop_bench_inbox_{Environment.ProcessId}";
        if (reuse is null)
        {
            await ExecuteAsync(server, "postgres", $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ExecuteAsync(server, "postgres", $"CREATE DATABASE \"{name}\"");
        }

        var builder = BenchHost.CreateBuilder();
        builder.Configuration["ConnectionStrings:OneStop"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        builder.Configuration["Workflows:BackgroundProcessing"] = "false";
        builder.Logging.ClearProviders();
        builder.AddInfrastructure();
        using var host = builder.Build();
        try
        {
            var fill = Stopwatch.StartNew();
            string specialist;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
                if (reuse is null)
                {
                    await scope.ServiceProvider.GetRequiredService<OneStop.Infrastructure.Database.DatabaseInitializer>().MigrateAsync();
                    await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
                }

                specialist = (await db.Users.Where(u => u.Email == "chuyenvien.qlpt.sgtvt@" + DemoProvince.EmailDomain).Select(u => u.Id).SingleAsync()).ToString();
                if (reuse is null)
                {
                    await FillAsync(db, scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionRegistry>(), specialist);
                }
            }

            Console.WriteLine($"filled {Dossiers:N0} dossiers and {Dossiers / OpenEvery:N0} open tasks in {fill.Elapsed.TotalSeconds:F0} s");
            var actor = new WorkflowActor(specialist, "Specialist", "SGTVT", "QLPT");
            var cases = new (string Name, WorkspaceInbox.Query Query)[]
            {
                ("default: first page by due date", new WorkspaceInbox.Query()),
                ("overdue filter", new WorkspaceInbox.Query { Filter = "overdue" }),
                ("mine (assigned to me)", new WorkspaceInbox.Query { Filter = "mine" }),
                ("search applicant 'nguyen van'", new WorkspaceInbox.Query { Q = "nguyen van" }),
                ("search by code 'B-0500'", new WorkspaceInbox.Query { Q = "B-0500" }),
                ("procedure + submitted between", new WorkspaceInbox.Query { Procedure = "1.002804", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 6, 30) }),
                ("page 200, descending", new WorkspaceInbox.Query { Page = 200, Descending = true }),
            };
            var iterations = Math.Max(20, (int)options.Measure.TotalSeconds * 20);
            var report = new StringBuilder();
            var lines = new ResultLines();
            var slugs = new[] { "default", "overdue", "mine", "search_name", "search_code", "procedure_period", "page_200_desc" };
            var index = 0;
            report.AppendLine(CultureInfo.InvariantCulture, $"Inbox of Sở GTVT / Phòng QLPT (Specialist), {Dossiers:N0} dossiers, {Dossiers / OpenEvery:N0} open tasks, {iterations} calls per case after 10 warm-up calls").AppendLine();
            report.AppendLine("| query | department's tasks matched | median ms | p99 ms | max ms |");
            report.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var (label, query) in cases)
            {
                var timings = new List<double>();
                var total = 0;
                for (var i = 0; i < iterations + 10; i++)
                {
                    await using var scope = host.Services.CreateAsyncScope();
                    var inbox = ActivatorUtilities.CreateInstance<WorkspaceInbox>(scope.ServiceProvider);
                    var watch = Stopwatch.StartNew();
                    var result = await inbox.ListAsync(actor, query, CancellationToken.None);
                    watch.Stop();
                    total = result.Total;
                    if (i >= 10)
                    {
                        timings.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                timings.Sort();
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {total:N0} | {Percentile(timings, 0.5):F1} | {Percentile(timings, 0.99):F1} | {timings[^1]:F1} |");
                report.AppendLine(line);
                Console.WriteLine(line);
                lines.Add($"inbox_{slugs[index]}_p50_ms", Percentile(timings, 0.5), "ms", 1);
                lines.Add($"inbox_{slugs[index++]}_p99_ms", Percentile(timings, 0.99), "ms", 1);
            }

            var outDir = options.OutDir ?? Path.Combine(RepoPaths.Root, "artifacts", "benchmarks");
            Directory.CreateDirectory(outDir);
            var file = Path.Combine(outDir, $"inbox-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
            await File.WriteAllTextAsync(file, report.ToString());
            Console.WriteLine(report);
            Console.WriteLine($"written to {file}");
            lines.Print();
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (reuse is null && Environment.GetEnvironmentVariable("ONESTOP_BENCH_KEEP") != "1")
                await ExecuteAsync(server, "postgres", $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// 1,000,000 dossiers over three procedures of three agencies (driving licence at Sở GTVT, construction permit at Sở Xây dựng,
    /// criminal record at Sở Tư pháp), submitted over two years; every 20th is open with a workflow instance and one open task
    /// (a third at the counter, the rest at the specialists' review), due from 3 days ago to 11 days ahead; 10% of the open
    /// Sở GTVT review tasks are assigned to the measured specialist.
    /// </summary>
    private static async Task FillAsync(OneStopDbContext db, IWorkflowDefinitionRegistry registry, string specialist)
    {
        var procedures = await (from p in db.Procedures
                                join a in db.Agencies on p.AgencyId equals a.Id
                                where p.Code == "1.002804" || p.Code == "1.009994" || p.Code == "2.000488"
                                orderby p.Code
                                select new { p.Id, p.Code, AgencyId = a.Id, Agency = a.Code, p.WorkflowId }).ToListAsync();
        const string EmptyJson = "'{}'";
        var rows = procedures.Select(p => new BenchProcedure(p.Id, p.AgencyId, p.Agency, p.WorkflowId, registry.FindLatest(p.WorkflowId)!.Version,
            p.Code switch { "1.002804" => "QLPT", "1.009994" => "QLXD", _ => "HCTP" })).ToList();
        string Arr(Func<BenchProcedure, object> f, string type) => "ARRAY[" + string.Join(",", rows.Select(r => $"'{f(r)}'")) + $"]::{type}[]";
        var sql = $"""
            CREATE TEMP TABLE bench_procedures AS
              SELECT * FROM unnest({Arr(r => r.Id, "uuid")}, {Arr(r => r.AgencyId, "uuid")}, {Arr(r => r.Agency, "text")},
                                   {Arr(r => r.WorkflowId, "text")}, {Arr(r => r.Version, "int")}, {Arr(r => r.Department, "text")})
                AS t(procedure_id, agency_id, agency, workflow_id, workflow_version, department);
            CREATE TEMP TABLE bench_names AS
              SELECT * FROM unnest(ARRAY['Nguyễn Văn An','Trần Thị Bình','Lê Văn Cường','Phạm Thị Dung','Hoàng Văn Em','Vi Thị Hồng','Lương Văn Tâm',
                                         'Nông Thị Lan','Đặng Văn Minh','Bùi Thị Nga','Nguyễn Thị Hoa','Nguyễn Văn Hùng']) WITH ORDINALITY AS n(name, i);
            INSERT INTO dossiers (id, code, procedure_id, agency_id, applicant_full_name, applicant_id_number, channel, form_data, status,
                                  created_at, submitted_at, received_at, due_at, completed_at)
            SELECT gen_random_uuid(), 'B-' || lpad(g::text, 7, '0'), p.procedure_id, p.agency_id, n.name, lpad((20000000000 + g)::text, 12, '0'),
                   CASE WHEN g % 4 = 0 THEN 'Counter' ELSE 'Online' END, {EmptyJson}::jsonb,
                   CASE WHEN g % {OpenEvery} = 0 THEN 'InProgress' WHEN g % 97 = 0 THEN 'Rejected' ELSE 'Completed' END,
                   s.at, s.at, s.at, s.at + interval '10 days', CASE WHEN g % {OpenEvery} = 0 THEN NULL ELSE s.at + interval '7 days' END
            FROM generate_series(1, {Dossiers}) g
            JOIN bench_procedures p ON p.ctid = (SELECT ctid FROM bench_procedures OFFSET (g % 3) LIMIT 1)
            JOIN bench_names n ON n.i = 1 + abs(hashint4(g)) % 12
            CROSS JOIN LATERAL (SELECT now() - make_interval(mins => (g * 7) % (730 * 24 * 60)) AS at) s;
            INSERT INTO workflow_instances (id, dossier_code, definition_id, definition_version, status, version, receiving_agency, started_at, is_overdue, state)
            SELECT gen_random_uuid(), d.code, p.workflow_id, p.workflow_version, 'Running', 3, p.agency, d.submitted_at, false, {EmptyJson}::jsonb
            FROM dossiers d JOIN bench_procedures p ON p.procedure_id = d.procedure_id WHERE d.status = 'InProgress';
            INSERT INTO workflow_tasks (id, instance_id, dossier_code, step_id, role, agency, department, assigned_to, created_at, due_at, is_overdue)
            SELECT gen_random_uuid(), i.id, i.dossier_code,
                   CASE WHEN (k.n / 7) % 3 = 0 THEN 'reception' ELSE 'review' END,
                   CASE WHEN (k.n / 7) % 3 = 0 THEN 'Reception' ELSE 'Specialist' END,
                   p.agency,
                   CASE WHEN (k.n / 7) % 3 = 0 THEN 'MOTCUA' ELSE p.department END,
                   CASE WHEN (k.n / 7) % 3 <> 0 AND k.n % 10 = 1 AND p.agency = 'SGTVT' THEN '{specialist}' END,
                   i.started_at, now() + make_interval(hours => (k.n % 336) - 72), false
            FROM workflow_instances i
            JOIN dossiers d ON d.code = i.dossier_code
            JOIN bench_procedures p ON p.procedure_id = d.procedure_id
            CROSS JOIN LATERAL (SELECT substr(i.dossier_code, 3)::int / {OpenEvery} AS n) k;
            UPDATE dossiers d SET workflow_instance_id = i.id FROM workflow_instances i WHERE i.dossier_code = d.code;
            ANALYZE;
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
        // What autovacuum does within a minute of such a fill (the table's own settings, see Data/Sql/InboxProjectionSql.cs):
        // the visibility map the inbox's index-only scans rely on. Done here so the measurement does not depend on when it runs.
        await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) workflow_tasks", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
    }

    private sealed record BenchProcedure(Guid Id, Guid AgencyId, string Agency, string WorkflowId, int Version, string Department);

    private static async Task ExecuteAsync(string server, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
