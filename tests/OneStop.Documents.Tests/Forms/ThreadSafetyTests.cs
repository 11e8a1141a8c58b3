using System.Collections.Concurrent;
using OneStop.Documents.Tests.Support;

namespace OneStop.Documents.Tests.Forms;

public class ThreadSafetyTests
{
    [Fact]
    public void Forms_rendered_in_parallel_read_back_the_same_as_rendered_alone()
    {
        var cases = AllForms.Cases().Where(c => !c.Name.Contains("500", StringComparison.Ordinal)).ToList();
        var expected = cases.ToDictionary(c => c.Name, c => PdfReadBack.Text(c.Render().Content));
        var results = new ConcurrentBag<(string Name, string Text)>();
        Parallel.For(0, cases.Count * 6, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var c = cases[i % cases.Count];
            results.Add((c.Name, PdfReadBack.Text(c.Render().Content)));
        });

        Assert.Equal(cases.Count * 6, results.Count);
        Assert.All(results, r => Assert.Equal(expected[r.Name], r.Text));
    }
}
