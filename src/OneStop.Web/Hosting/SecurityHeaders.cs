namespace OneStop.Web.Hosting;

/// <summary>Security headers on every response.</summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    // Mermaid draws the workflow diagram as SVG with its own <style> element; only the admin workflow console allows inline styles.
    private static readonly string DiagramPolicy = ContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // The API reference UI (Scalar) needs inline scripts; every other page runs none.
            if (!context.Request.Path.StartsWithSegments("/scalar"))
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/Admin/Workflows", StringComparison.OrdinalIgnoreCase)
                    ? DiagramPolicy : ContentSecurityPolicy;
            }

            await next();
        });
}
