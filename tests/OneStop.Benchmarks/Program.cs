using OneStop.Benchmarks.Documents;
using OneStop.Benchmarks.Harness;
using OneStop.Benchmarks.Workflow;

namespace OneStop.Benchmarks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "legacy")
        {
            return await Legacy.LegacyBenchmark.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "legacy-explain")
        {
            return await Legacy.LegacyExplain.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "submit-load")
        {
            return await Hotpath.SubmitLoad.MainAsync(args[1..]).ConfigureAwait(false);
        }

        RunnerOptions? options;
        try
        {
            options = RunnerOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(RunnerOptions.Usage);
            return 2;
        }

        if (options is null)
        {
            Console.WriteLine(RunnerOptions.Usage);
            return 0;
        }

        switch (options.Command)
        {
            case "documents":
                return await DocumentsBenchmark.RunAsync(options).ConfigureAwait(false);
            case "signing":
                return await SigningBenchmark.RunAsync(options).ConfigureAwait(false);
            case "workflow":
                return await WorkflowBenchmark.RunAsync(options).ConfigureAwait(false);
            case "all":
                var documents = await DocumentsBenchmark.RunAsync(options).ConfigureAwait(false);
                var workflow = await WorkflowBenchmark.RunAsync(options).ConfigureAwait(false);
                return Math.Max(documents, workflow);
            case "submissions":
                return await Submissions.SubmissionBenchmark.RunAsync(options).ConfigureAwait(false);
            case "document-latency":
                return await Workflow.DocumentLatencyBenchmark.RunAsync(options).ConfigureAwait(false);
            case "inbox":
                return await Workspace.InboxBenchmark.RunAsync(options).ConfigureAwait(false);
            case "hotpath":
                return await Hotpath.HotpathBenchmark.RunAsync(options).ConfigureAwait(false);
            case "submissions-http":
                return await Hotpath.HotpathBenchmark.RunSubmissionsAsync(options).ConfigureAwait(false);
            case "transitions":
                return await Hotpath.HotpathBenchmark.RunTransitionsAsync(options).ConfigureAwait(false);
            case "catalogue":
                return await Hotpath.CatalogueBenchmark.RunAsync(options).ConfigureAwait(false);
            case "micro":
                return MicroBenchmarks.Run(options);
            default:
                Console.Error.WriteLine($"unknown command '{options.Command}'");
                Console.Error.WriteLine(RunnerOptions.Usage);
                return 2;
        }
    }
}
