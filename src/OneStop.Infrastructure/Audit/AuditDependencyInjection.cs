using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Infrastructure.Audit;

/// <summary>The audit log: who is acting, the explicit writer and the SaveChanges interceptor.</summary>
internal static class AuditDependencyInjection
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<PersonalDataReads>();
        services.AddScoped<AuditSaveChangesInterceptor>();
        return services;
    }
}
