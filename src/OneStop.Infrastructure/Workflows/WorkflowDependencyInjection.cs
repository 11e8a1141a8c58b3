using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Infrastructure.Data;
using OneStop.Workflows.Calendar;
using OneStop.Workflows.Runtime;
using OneStop.Workflows.Runtime.Definitions;
using OneStop.Workflows.Runtime.Store;

namespace OneStop.Infrastructure.Workflows;

/// <summary>The workflow engine on PostgreSQL: registry, store, calendar, timers and outbox.</summary>
internal static class WorkflowDependencyInjection
{
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section);
        services.AddOptions<WorkingCalendarOptions>().BindConfiguration("Calendar");
        // The WorkingCalendar itself comes from the database calendar (Settings/CalendarSource), per scope.
        services.AddSingleton<PostgresDefinitionRegistry>();
        services.AddSingleton<IWorkflowDefinitionRegistry>(sp => sp.GetRequiredService<PostgresDefinitionRegistry>());
        services.AddScoped<IWorkflowStore, PostgresWorkflowStore>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<IWorkflowEngine, Dossiers.DossierSyncingEngine>();
        services.AddScoped<WorkflowTimerProcessor>();
        services.AddScoped<WorkflowOutboxDispatcher>();
        services.AddScoped<IWorkflowEffectHandler, Notifications.NotifyEffectHandler>();
        services.AddScoped<IWorkflowEffectHandler, WebhookEffectHandler>();
        services.AddHttpClient("workflow-webhooks", client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<WorkflowFilePublisher>();
        services.AddHostedService<WorkflowBackgroundService>();
        services.AddSingleton<WorkflowStateCache>();
        services.AddSingleton<OutboxWakeSignal>();
        services.AddSingleton<OutboxWakeInterceptor>();
        services.AddSingleton<AfterCommitInterceptor>(provider => provider.GetRequiredService<OutboxWakeInterceptor>());
        services.AddHostedService<OutboxWakeService>();
        return services;
    }
}
