using System.Collections.Concurrent;

namespace OneStop.Soak;

/// <summary>What the traffic saw: latencies, 5xx with their time, connection errors, unexpected answers, and the fault windows.</summary>
internal sealed class Metrics
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentQueue<(DateTime At, string Operation, int Host, int Status, string Type)> _serverErrors = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly List<(DateTime From, DateTime? To, string What)> _windows = [];
    private int _connectionErrors;

    public int ConnectionErrors => _connectionErrors;
    public IReadOnlyCollection<string> Unexpected => _unexpected;

    public void Latency(double milliseconds) => _latencies.Enqueue(milliseconds);

    public void ConnectionError() => Interlocked.Increment(ref _connectionErrors);

    public void ServerError(string operation, int host, int status, string type) => _serverErrors.Enqueue((DateTime.UtcNow, operation, host, status, type));

    public void Unexpect(string what)
    {
        _unexpected.Enqueue(what);
        Console.WriteLine($"  ! {what}");
    }

    /// <summary>Opens a fault window; 5xx inside it (and a grace after it closes) are the fault's, not the app's.</summary>
    public int OpenWindow(string what)
    {
        lock (_windows)
        {
            _windows.Add((DateTime.UtcNow.AddSeconds(-1), null, what));
            return _windows.Count - 1;
        }
    }

    public void CloseWindow(int index)
    {
        lock (_windows)
        {
            _windows[index] = _windows[index] with { To = DateTime.UtcNow.AddSeconds(10) };
        }
    }

    public bool InWindow(DateTime at)
    {
        lock (_windows)
        {
            return _windows.Any(w => at >= w.From && at <= (w.To ?? DateTime.MaxValue));
        }
    }

    public IReadOnlyList<(DateTime At, string Operation, int Host, int Status, string Type)> ServerErrorsOutsideWindows()
    {
        lock (_windows)
        {
            return _serverErrors.Where(e => !_windows.Any(w => e.At >= w.From && e.At <= (w.To ?? DateTime.MaxValue))).ToList();
        }
    }

    public int ServerErrors => _serverErrors.Count;

    public (double P50, double P99, int Count) Percentiles()
    {
        var sorted = _latencies.OrderBy(l => l).ToArray();
        if (sorted.Length == 0)
        {
            return (double.NaN, double.NaN, 0);
        }

        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return (At(0.50), At(0.99), sorted.Length);
    }
}
