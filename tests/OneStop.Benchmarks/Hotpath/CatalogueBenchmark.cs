using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Benchmarks.Harness;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Data;

namespace OneStop.Benchmarks.Hotpath;

/// <summary>
/// The procedure catalogue of a real province (issue #15): 2,000 procedures over 30 fields and 40 agencies added to the demo seed, then
/// an open loop of anonymous searches without diacritics (GET /api/v1/procedures?q=…) at a fixed rate over real HTTP (Kestrel,
/// loopback), and the reference in the same run: /health/live at the same rate. Each latency counts from its scheduled start.
/// </summary>
internal static class CatalogueBenchmark
{
    private static readonly string[] Verbs = ["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Đăng ký", "Thay đổi", "Điều chỉnh", "Thu hồi", "Xác nhận", "Công nhận"];
    private static readonly string[] Objects =
    [
        "giấy phép", "giấy chứng nhận", "chứng chỉ hành nghề", "giấy xác nhận", "quyết định", "văn bản chấp thuận", "thẻ", "giấy đăng ký",
    ];
    private static readonly string[] Subjects =
    [
        "kinh doanh vận tải", "xây dựng nhà ở", "khai thác khoáng sản", "hoạt động giáo dục", "khám bệnh, chữa bệnh", "hành nghề dược",
        "bảo vệ môi trường", "sử dụng đất", "hộ kinh doanh", "hợp tác xã", "lao động nước ngoài", "hoạt động biểu diễn", "quảng cáo ngoài trời",
        "an toàn thực phẩm", "phòng cháy chữa cháy", "du lịch lữ hành", "thủy sản", "giống cây trồng", "thú y", "đo đạc bản đồ",
    ];

    private static readonly string[] Queries =
    [
        "giay phep", "cap lai", "xay dung", "ho kinh doanh", "moi truong", "dang ky", "chung chi hanh nghe", "an toan thuc pham", "thu y",
        "gia han giay phep", "du lich", "khoang san", "1.002804", "van tai", "giao duc",
    ];

    public static async Task<int> RunAsync(RunnerOptions options)
    {
        Console.WriteLine("== catalogue ==");
        Console.Write(MachineInfo.Describe());
        var rate = options.Raw.Contains("--rate") ? options.Rate : 500;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB", Path.Combine(RepoPaths.Root, "src", "OneStop.Web"));
        var app = new KestrelApp();
        await app.InitializeAsync();
        try
        {
            app.StartServer();
            var total = await SeedAsync(app.Services);
            Console.WriteLine($"  {total} active procedures; host on {app.ClientOptions.BaseAddress}");
            var client = app.CreateClient();
            var random = new Random(15);
            Func<Task<bool>> search = async () =>
            {
                var q = Queries[random.Next(Queries.Length)];
                using var reply = await client.GetAsync($"/api/v1/procedures?q={Uri.EscapeDataString(q)}");
                return reply.IsSuccessStatusCode;
            };
            Func<Task<bool>> live = async () =>
            {
                using var reply = await client.GetAsync("/health/live");
                return reply.IsSuccessStatusCode;
            };
            await OpenLoop.RunAsync("warm-up", rate / 5, TimeSpan.FromSeconds(5), search);
            var duration = options.Measure * 3;
            var catalogue = await OpenLoop.RunAsync("catalogue search", rate, duration, search);
            var reference = await OpenLoop.RunAsync("/health/live", rate, duration, live);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT catalogue_p50_ms_{rate:0}rps {catalogue.P50:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT catalogue_p99_ms_{rate:0}rps {catalogue.P99:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT catalogue_errors_{rate:0}rps {catalogue.Errors} count"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT health_live_p99_ms_{rate:0}rps {reference.P99:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT catalogue_vs_live_p99 {catalogue.P99 / reference.P99:F2} ratio"));
            return 0;
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static async Task<int> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var fields = Enumerable.Range(1, 30).Select(i => new Field($"BENCH-F{i:00}", $"Lĩnh vực thử tải {i:00}")).ToList();
        var agencies = Enumerable.Range(1, 40).Select(i => new Agency($"BENCH{i:00}", $"Cơ quan thử tải {i:00}", $"000.00.{i:00}.H99",
            AgencyKind.ProvincialDepartment)).ToList();
        db.Fields.AddRange(fields);
        db.Agencies.AddRange(agencies);
        var random = new Random(2000);
        for (var i = 1; i <= 2000; i++)
        {
            var name = $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} {Subjects[random.Next(Subjects.Length)]} ({i})";
            db.Procedures.Add(new Procedure($"9.{i:000000}", name, fields[random.Next(fields.Count)].Id, agencies[random.Next(agencies.Count)].Id,
                OnlineLevel.Level3, 50_000m, 10, "driving-licence-renewal"));
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE procedures; ANALYZE fields; ANALYZE agencies;");
        return await db.Procedures.CountAsync(p => p.IsActive);
    }
}
