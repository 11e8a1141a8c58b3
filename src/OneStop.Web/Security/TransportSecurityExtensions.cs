using OneStop.Infrastructure.Links;

namespace OneStop.Web.Security;

/// <summary>
/// When the public address is https, every request is treated as https even if the TLS proxy's X-Forwarded-Proto is not trusted
/// (ForwardedHeaders not configured): the public address is what people use, so cookies are then always Secure (the cookies'
/// SameAsRequest policy, antiforgery included) and redirects stay on https. Behind a trusted proxy X-Forwarded-Proto decides as
/// usual. Outside Development every https response carries HSTS.
/// </summary>
internal static class TransportSecurityExtensions
{
    public const string Hsts = "max-age=31536000";

    public static IApplicationBuilder UseTransportSecurity(this WebApplication app)
    {
        var links = app.Services.GetRequiredService<PublicLinks>();
        var hsts = !app.Environment.IsDevelopment();
        return app.Use((context, next) =>
        {
            if (!context.Request.IsHttps && links.IsHttps)
            {
                context.Request.Scheme = Uri.UriSchemeHttps;
            }

            if (hsts && context.Request.IsHttps)
            {
                context.Response.Headers.StrictTransportSecurity = Hsts;
            }

            return next(context);
        });
    }
}
