namespace OneStop.Web.Hosting;

internal static class StartupTasksExtensions
{
    public static WebApplicationBuilder AddStartupTasks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StartupTasks>();
        return builder;
    }
}
