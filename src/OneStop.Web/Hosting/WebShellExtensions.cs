using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using OneStop.Web.Features.Catalogue;
using OneStop.Web.Security;

namespace OneStop.Web.Hosting;

/// <summary>Razor Pages, Vietnamese-first localisation and the request pipeline for people.</summary>
internal static class WebShellExtensions
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static WebApplicationBuilder AddWebShell(this WebApplicationBuilder builder)
    {
        // Without this Razor escapes every Vietnamese letter as an HTML entity.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("vi-VN");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        builder.Services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Workspace", AuthenticationExtensions.OfficialPolicy);
                options.Conventions.AuthorizeFolder("/Admin", AuthenticationExtensions.AdminPolicy);
                options.Conventions.AuthorizeFolder("/Account/Manage");
                options.Conventions.AuthorizeFolder("/Portal", AuthenticationExtensions.CitizenPolicy);
            })
            .AddViewLocalization();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "onestop.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over https (see Security/TransportSecurityExtensions)
        });
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // An uploaded file up to 1 MB (a scanned page, a typical PDF) is buffered in pooled memory instead of a temporary file that is
        // written, read back and deleted before the file store writes it again; larger files still go to disk.
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MemoryBufferThreshold = OneStop.Infrastructure.Files.UploadInspector.InMemoryBytes);
        builder.AddPublicHostFiltering();
        builder.AddCatalogueCache();
        return builder;
    }

    public static WebApplication UseWebShell(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePublicHostFiltering();
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages
            .UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                // A page request refused by a rule (the problem handler set its 4xx; the error page shows the rule) is about what the person
                // sent, not a failure: no error-level line with a stack trace for it. Everything else is logged as before.
                SuppressDiagnosticsCallback = c => c.HttpContext.Response.StatusCode is >= 400 and < 500
                    && Infrastructure.Database.DatabaseFailures.InChain<Core.Common.DomainException>(c.Exception) is not null,
            })
            .UseStatusCodePagesWithReExecute("/Error", "?code={0}"));

        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAccountRevalidation();
        app.UseRateLimiter();
        app.UseTwoFactorEnrolment();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseCatalogueCache();
        return app;
    }

    public static WebApplication MapWebShell(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealth();
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext context) =>
        {
            var culture = Cultures.FirstOrDefault(x => x.Name == c) ?? Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
