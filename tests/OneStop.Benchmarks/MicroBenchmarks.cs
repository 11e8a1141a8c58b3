using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OneStop.Benchmarks.Documents;
using OneStop.Benchmarks.Harness;
using OneStop.Benchmarks.Workflow;
using OneStop.Documents;
using OneStop.Documents.Models;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.Benchmarks;

/// <summary>BenchmarkDotNet short runs, in process, of the two hot paths; a cross-check of the Stopwatch figures.</summary>
internal static class MicroBenchmarks
{
    public static int Run(RunnerOptions options)
    {
        var artifacts = Path.Combine(options.OutDir ?? Path.Combine(RepoPaths.Root, "artifacts", "benchmarks"), "bdn");
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts);
        var summaries = BenchmarkRunner.Run([typeof(ReceiptRendering), typeof(WorkflowRun)], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}

/// <summary>One receipt rendered by OneStop.Documents.</summary>
[MemoryDiagnoser]
public class ReceiptRendering
{
    private DocumentService _service = null!;
    private ReceiptModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _service = new DocumentService();
        _model = SampleReceipt.Create();
    }

    [Benchmark]
    public int RenderReceipt() => _service.RenderReceipt(_model).Content.Length;
}

/// <summary>One driving-licence renewal dossier from start to end on the OneStop engine, in memory.</summary>
[MemoryDiagnoser]
public class WorkflowRun
{
    private OneStopDriver _driver = null!;

    [GlobalSetup]
    public void Setup() =>
        _driver = OneStopDriver.CreateAsync(OneStopDriver.LoadDefinitions(), new InMemoryWorkflowStore(), "driving-licence-renewal")
            .GetAwaiter().GetResult();

    [Benchmark]
    public Task<int> DrivingLicenceDossier() => _driver.RunDossierAsync();
}
