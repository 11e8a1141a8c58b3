using System.Globalization;

namespace OneStop.Benchmarks.Harness;

/// <summary>Command-line options shared by every sub-command.</summary>
internal sealed record RunnerOptions
{
    public const string Usage = """
        OneStop benchmarks

        usage: OneStop.Benchmarks <command> [options]

        commands:
          documents   receipt PDF: OneStop.Documents (PDFsharp) on 1 and N workers, and headless Chromium HTML→PDF.
                      Ends with RESULT lines.
          signing     receipt: CPU ms of the unsigned render, + the official's PAdES signature, + the agency's seal, and verifying
          workflow    driving a dossier start→end: OneStop WorkflowEngine (in-memory store) and WorkflowCore 3.22 (in memory)
          all         documents, then workflow
          submissions online submissions through /api/v1 (form + 2 attachments of 200 KB, submit) at 1, 2, 4, 8 concurrent clients
                      (needs ConnectionStrings__OneStop, as the tests do)
          document-latency  time from an official's "accept" (API, committed) to the receipt listed for the applicant, with the
                      background poll only and with the wake-up at commit, in one run (needs ConnectionStrings__OneStop)
          inbox       the workspace inbox of one department over 1,000,000 dossiers and 50,000 open tasks (PostgreSQL; median, p99)
          hotpath     the hot path in one run with its references (about 3 minutes; needs ConnectionStrings__OneStop): workflow
                      transitions persisted in PostgreSQL at 1 and N workers beside pgbench TPC-B on the same server; whole
                      submissions over real HTTP (Kestrel, loopback) in an open loop at --rate per second (40), then 32 clients
                      in a closed loop (saturation); an official's action to its document. Ends with RESULT lines.
          transitions the first row of hotpath alone (about a minute): workflow transitions persisted in PostgreSQL at 1 and N
                      workers beside pgbench TPC-B on the same server. Ends with RESULT lines.
          submissions-http  the submissions row of hotpath alone (about two minutes): warm-up of at least --warmup seconds, on
                      until the host is steady (at most 90 s), the open loop at --rate, then saturation; the load generator
                      runs as a separate process and its CPU share is reported beside the host's CPU.
          catalogue   a province-sized catalogue (2,000 procedures, 30 fields, 40 agencies): anonymous searches without
                      diacritics over real HTTP in an open loop at --rate per second (500), beside /health/live at the same rate
          micro       BenchmarkDotNet short run (in-process) of one receipt and one full workflow run

        options:
          --seconds N        measured seconds per round (default 5)
          --rounds N         measured rounds per case; the median is reported with the range (default 3)
          --warmup N         warm-up seconds per case (default 5)
          --workers N        parallel workers for the parallel cases (default 2)
          --out DIR          where the markdown results go (default artifacts/benchmarks under the repository)
          --store NAME       workflow store for the OneStop engine: memory (default); others are registered in WorkflowStoreProviders
          --definition ID    workflow definition in workflows/ (default driving-licence-renewal)
          --chromium PATH    Chromium executable (default $ONESTOP_CHROMIUM or /usr/bin/chromium)
          --no-chromium      skip the Chromium reference
          --no-workflowcore  skip the WorkflowCore reference
          --rate N           hotpath: submissions started per second in the open loop (default 40)
        """;

    public string Command { get; init; } = "";

    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(5);

    public int Rounds { get; init; } = 3;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public int Workers { get; init; } = 2;

    public string? OutDir { get; init; }

    public string Store { get; init; } = "memory";

    public string Definition { get; init; } = "driving-licence-renewal";

    public string Chromium { get; init; } = Environment.GetEnvironmentVariable("ONESTOP_CHROMIUM") ?? "/usr/bin/chromium";

    public bool SkipChromium { get; init; }

    public bool SkipWorkflowCore { get; init; }

    /// <summary>Submissions started per second in hotpath's open loop.</summary>
    public double Rate { get; init; } = 40;

    public IReadOnlyList<string> Raw { get; init; } = [];

    public static RunnerOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            return null;
        var o = new RunnerOptions { Command = args[0], Raw = args };
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--seconds" => o with { Measure = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--rounds" => o with { Rounds = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--workers" => o with { Workers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => o with { OutDir = Next() },
                "--store" => o with { Store = Next() },
                "--definition" => o with { Definition = Next() },
                "--chromium" => o with { Chromium = Next() },
                "--no-chromium" => o with { SkipChromium = true },
                "--no-workflowcore" => o with { SkipWorkflowCore = true },
                "--rate" => o with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }

    /// <summary>The command line as typed, for the report.</summary>
    public string CommandLine => "dotnet tests/OneStop.Benchmarks/bin/Release/net10.0/OneStop.Benchmarks.dll " + string.Join(' ', Raw);
}
