using System.Globalization;
using Npgsql;
using OneStop.Soak;

// ./onestop soak: real hosts, real PostgreSQL, concurrent citizens and officials, faults, then the ledger against the database.
SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SoakOptions.Usage);
    return 2;
}

var server = Environment.GetEnvironmentVariable("ConnectionStrings__OneStop");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("ConnectionStrings__OneStop is not set: run it through './onestop soak' or give a server.");
    return 3;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"soak: seed {options.Seed}, {options.Hosts} hosts, {options.Minutes:0.##} min, {options.Citizens} citizens, {options.OfficialsPerRole * 3} officials, faults {(options.Faults ? "on" : "off")}"));
using var webhooks = new WebhookSink();
await using var installation = new Installation(options, server, webhooks.Url);
try
{
    await installation.PrepareAsync();
    Console.WriteLine($"  database {options.Database} migrated and seeded; starting {options.Hosts} hosts");
    await installation.StartHostsAsync();
}
catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or FileNotFoundException)
{
    Console.Error.WriteLine($"soak: the installation did not start: {e.Message}");
    return 3;
}

Console.WriteLine($"  hosts: {string.Join(", ", installation.Hosts.Select(h => h.BaseAddress.ToString().TrimEnd('/')))}");
var metrics = new Metrics();
var ledger = new Ledger();
var proxy = new Proxy(installation.Hosts, metrics);
var random = new Random(options.Seed);
var faults = new Faults(installation, options, metrics, new Random(options.Seed + 7));
using var stop = new CancellationTokenSource();
string[] citizenAccounts = ["nguyen.van.an@demo.onestop.vn", "hoang.thi.mai@demo.onestop.vn"];
string[] officialAccounts = ["tiepnhan.sgtvt@demo.onestop.vn", "chuyenvien.qlpt.sgtvt@demo.onestop.vn", "lanhdao.sgtvt@demo.onestop.vn"];
// The first citizens are the demo accounts; the others register, confirm their e-mail from the mail the app sends, and sign in.
var citizens = Enumerable.Range(0, options.Citizens).Select(i => i < citizenAccounts.Length
        ? (Citizen: new Citizen(new Actor(citizenAccounts[i], proxy), ledger, metrics, new Random(random.Next())), Newcomer: (Actor?)null)
        : NewCitizen(i)).ToList();
var officials = Enumerable.Range(0, options.OfficialsPerRole * officialAccounts.Length)
    .Select(i => new Official(new Actor(officialAccounts[i % officialAccounts.Length], proxy), ledger, metrics, new Random(random.Next()))).ToList();

var duration = TimeSpan.FromMinutes(options.Minutes);
var clock = new Clock(installation, ledger, new Random(options.Seed + 13));
var workers = citizens.Select(c => Run("citizen", async () =>
    {
        if (c.Newcomer is { } newcomer)
        {
            await newcomer.RegisterAsync(installation.MailDir, new Random(random.Next()));
            ledger.Registered.Enqueue(newcomer.Email);
        }

        await c.Citizen.RunAsync(stop.Token);
    }))
    .Append(Run("clock", () => clock.RunAsync(TimeSpan.FromSeconds(15), stop.Token)))
    .Concat(officials.Select(o => Run("official", () => o.RunAsync(stop.Token)))).ToList();
var faulting = new List<Task>();
if (options.Faults)
{
    faulting.Add(Run("kills", () => faults.KillLoopAsync(stop.Token)));
    if (options.PgRestart && options.PgData is not null)
    {
        faulting.Add(Run("postgres", () => faults.PostgresRestartAsync(duration * 0.55, stop.Token)));
    }

    faulting.Add(Run("slow upload", async () =>
    {
        await Task.Delay(duration * 0.35, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        await faults.SlowUploadAsync(new Citizen(new Actor(citizenAccounts[0], proxy), ledger, metrics, new Random(options.Seed + 11)), stop.Token);
    }));
    faulting.Add(Run("hostile", async () =>
    {
        await Task.Delay(duration * 0.2, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        var citizen = new Actor(citizenAccounts[1], proxy);
        var official = new Actor(officialAccounts[0], proxy);
        await citizen.SignInAsync();
        await official.SignInAsync();
        var some = ledger.Submissions.FirstOrDefault()?.DossierId ?? Guid.NewGuid();
        await faults.HostileBurstAsync(citizen, official, some);
    }));
}

var started = DateTime.UtcNow;
await Task.Delay(duration);
stop.Cancel();
Console.WriteLine($"  load stopped after {(DateTime.UtcNow - started).TotalSeconds:0} s; waiting for the workers and the background work");
await Task.WhenAll(workers.Concat(faulting));
await DrainAsync(installation.ConnectionString);

Console.WriteLine("checks:");
var checks = new Checks(installation, ledger, metrics, faults, webhooks);
try
{
    await checks.RunAsync();
}
catch (Exception e) when (e is NpgsqlException or IOException)
{
    metrics.Unexpect($"the checks could not finish: {e.Message}");
}

var (p50, p99, count) = metrics.Percentiles();
var errors = metrics.Unexpected.Count + metrics.ServerErrorsOutsideWindows().Count + faults.HostileFailures.Count;
Console.WriteLine($"  {count} answered requests, {metrics.ServerErrors} 5xx, {metrics.ConnectionErrors} connection errors, "
    + $"{officials.Sum(o => o.Conflicts)} officials' races lost (412/409), {ledger.Registered.Count} citizens registered, "
    + $"postgres restarted: {(faults.PostgresRestarted ? "yes" : "no")}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"soak: {ledger.Acknowledged} acknowledged, {checks.Lost} lost, {checks.Duplicates} duplicated, {checks.Gaps} code gaps, {faults.KillsSurvived} kills survived, p50 {p50:0} ms, p99 {p99:0} ms, {errors} unexpected errors"));
return checks.Failed.Count == 0 && errors == 0 && ledger.Acknowledged > 0 ? 0 : 1;

(Citizen Citizen, Actor? Newcomer) NewCitizen(int i)
{
    var actor = new Actor(string.Create(CultureInfo.InvariantCulture, $"soak.{options.Seed}.{i}@example.vn"), proxy, "SoakTest@2026");
    return (new Citizen(actor, ledger, metrics, new Random(random.Next())), actor);
}

async Task Run(string what, Func<Task> work)
{
    try
    {
        await work();
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        metrics.Unexpect($"{what} stopped: {e.GetType().Name}: {e.Message}");
    }
}

// The hosts keep running: what the load queued (mail, workflow effects, due timers) must be done by them, not by the checks.
static async Task DrainAsync(string connectionString)
{
    await using var db = new NpgsqlConnection(connectionString);
    await db.OpenAsync();
    var until = DateTime.UtcNow.AddSeconds(90);
    while (DateTime.UtcNow < until)
    {
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM email_outbox WHERE sent_at IS NULL AND failed_at IS NULL)
                 + (SELECT count(*) FROM workflow_outbox WHERE delivered_at IS NULL)
                 + (SELECT count(*) FROM workflow_timers WHERE due_at < now())
            """, db);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        await Task.Delay(1000);
    }
}
