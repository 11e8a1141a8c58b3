using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using OneStop.Infrastructure.Procedures;

namespace OneStop.Web.Features.Catalogue;

/// <summary>
/// The anonymous public catalogue (/api/v1/procedures and the pages /thu-tuc, /thu-tuc/{code}) answered from this host's output cache: the same search is read from
/// PostgreSQL once per expiry, not once per request. A committed change of a procedure, field or agency drops the cached answers of
/// the host that made it at once (<see cref="CatalogueChangeSignal"/>); other hosts serve theirs until they expire
/// (<c>Catalogue:CacheSeconds</c>, 30 by default; 0 turns the cache off). Signed-in requests and answers that set a cookie are
/// never cached (the output cache's default policy).
/// </summary>
internal static class CatalogueCache
{
    public const string Policy = "catalogue";
    public const string Tag = "catalogue";

    public static WebApplicationBuilder AddCatalogueCache(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue("Catalogue:CacheSeconds", 30);
        builder.Services.AddOutputCache(options => options.AddPolicy(Policy, policy =>
        {
            if (seconds <= 0)
            {
                policy.NoCache();
                return;
            }

            // The pages are rendered in the request's language (query string or cookie): one entry per language.
            policy.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery("*")
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name)).Tag(Tag);
        }));
        return builder;
    }

    /// <summary>Drops this host's cached catalogue when a change of it is committed here.</summary>
    public static WebApplication UseCatalogueCache(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<CatalogueChangeSignal>().Changed += () =>
        {
            // The in-memory store evicts synchronously; a failure leaves the entries to their expiry, never fails the save.
            _ = store.EvictByTagAsync(Tag, CancellationToken.None).AsTask().ContinueWith(static _ => { }, TaskScheduler.Default);
        };
        app.UseOutputCache();
        return app;
    }
}
