using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OneStop.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter over OneStop: named policies on the endpoints and pages an attacker would hammer (sign-in, account
/// mail, look-up, verification, submission, uploads, payment callbacks, the national portal's requests), partitioned by client address — after the trusted
/// proxies' forwarded headers — or by account, and a global limit on every request (per account when signed in, per address
/// otherwise). A refusal is 429 with Retry-After: ProblemDetails in Vietnamese for the API, the Vietnamese error page for people.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string AccountMail = "account-mail";
    public const string Lookup = "lookup";
    public const string Verify = "verify";
    public const string Submit = "submit";
    public const string Upload = "upload";
    public const string PaymentCallback = "payment-callback";
    public const string NationalPortal = "national-portal";
    public const string Anonymous = "anonymous";
    public const string SignedIn = "signed-in";

    /// <summary>The item a refusal leaves for the error page: the seconds to wait.</summary>
    public const string RetryAfterItem = "OneStop.RetryAfter";

    internal static readonly IReadOnlyDictionary<string, RateLimitPolicy> Defaults = new Dictionary<string, RateLimitPolicy>(StringComparer.OrdinalIgnoreCase)
    {
        [SignIn] = new() { PermitLimit = 20, WindowSeconds = 60 },
        [AccountMail] = new() { PermitLimit = 20, WindowSeconds = 900 },
        [Lookup] = new() { PermitLimit = 10, WindowSeconds = 60 },
        [Verify] = new() { PermitLimit = 30, WindowSeconds = 60 },
        [Submit] = new() { PermitLimit = 120, WindowSeconds = 60 },
        [Upload] = new() { PermitLimit = 60, WindowSeconds = 60 },
        [PaymentCallback] = new() { PermitLimit = 60, WindowSeconds = 60 },
        [NationalPortal] = new() { PermitLimit = 600, WindowSeconds = 60 },
        [Anonymous] = new() { PermitLimit = 300, WindowSeconds = 60 },
        [SignedIn] = new() { PermitLimit = 1200, WindowSeconds = 60 },
    };

    /// <summary>Which requests a policy counts: forms count their posts (showing the form is free), look-ups count each question.</summary>
    private static readonly Dictionary<string, (Func<HttpContext, bool> Counts, bool ByAccount)> Scopes = new(StringComparer.OrdinalIgnoreCase)
    {
        [SignIn] = (Posts, false),
        [AccountMail] = (c => Posts(c) || c.Request.Query.ContainsKey("code"), false),
        [Lookup] = (c => c.Request.Path.StartsWithSegments("/api") || c.Request.Query.ContainsKey("code") || c.Request.Query.ContainsKey("key"), false),
        [Verify] = (c => c.Request.RouteValues.TryGetValue("key", out var key) && key is not null || Posts(c), false),
        [Submit] = (Posts, true),
        [Upload] = (Posts, true),
        [PaymentCallback] = (_ => true, false),
        [NationalPortal] = (_ => true, false),
    };

    /// <summary>Paths the global limit leaves alone: static files, the health probe, the error page a refusal itself renders.</summary>
    private static readonly string[] Unlimited = ["/health", "/Error", "/css", "/js", "/lib", "/favicon.svg"];

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            foreach (var (name, (counts, byAccount)) in Scopes)
            {
                options.AddPolicy(name, context => Partition(context, configured.Value, name, counts(context), byAccount));
            }

            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var signedIn = context.User.Identity?.IsAuthenticated == true;
                return Partition(context, configured.Value, signedIn ? SignedIn : Anonymous,
                    !Unlimited.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)), signedIn);
            });
        });
        return builder;
    }

    private static bool Posts(HttpContext context) => HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method);

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options, string policy, bool counts, bool byAccount)
    {
        if (!options.Enabled || !counts)
        {
            return RateLimitPartition.GetNoLimiter("-");
        }

        var account = byAccount ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var key = policy + "|" + (account is not null ? "account:" + account : "client:" + ClientAddress.Of(context));
        var settings = options.Get(policy);
        var permits = (int)Math.Min(int.MaxValue, (long)settings.PermitLimit * Math.Max(1, options.Scale));
        return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        seconds = Math.Max(1, seconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = seconds;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Quá nhiều yêu cầu",
                    Detail = TooMany(seconds),
                    Type = "https://onestop.vn/errors/rate_limited",
                },
            });
        }

        // Pages: the status code pages render the Vietnamese error page for 429.
    }

    /// <summary>What a person is told when refused: how long to wait.</summary>
    public static string TooMany(int seconds) =>
        $"Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {seconds} giây.";
}
