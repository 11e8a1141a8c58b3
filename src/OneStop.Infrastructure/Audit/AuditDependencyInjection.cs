using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Infrastructure.Audit;

/// <summary>The audit log: who is acting, the explicit writer and the SaveChanges interceptor.</summary>
internal static class AuditDependencyInjection
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        // Who acts is read from the current request each time it is asked (IHttpContextAccessor), so one instance serves every
        // scope, and the interceptor with it: the database options are then built once, not in every scope (DependencyInjection).
        services.AddSingleton<IAuditActor, HttpAuditActor>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<PersonalDataReads>();
        services.AddSingleton<AuditSaveChangesInterceptor>();
        return services;
    }
}
