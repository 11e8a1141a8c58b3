using Microsoft.AspNetCore.Identity;
using OneStop.Core.Organisation;
using OneStop.Core.Procedures;
using OneStop.Infrastructure.Identity;
using OneStop.Infrastructure.Workflows.Entities;

namespace OneStop.Infrastructure.Audit;

/// <summary>The entities administrators change; every change to one of them is logged by <see cref="AuditSaveChangesInterceptor"/>.</summary>
internal static class AuditedTypes
{
    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(Agency)] = "Agency",
        [typeof(Department)] = "Department",
        [typeof(ServiceCounter)] = "ServiceCounter",
        [typeof(Field)] = "Field",
        [typeof(Procedure)] = "Procedure",
        [typeof(ProcedureVersion)] = "ProcedureVersion",
        [typeof(WorkflowDefinitionRecord)] = "WorkflowDefinition",
        [typeof(OneStopUser)] = "User",
        [typeof(OneStopRole)] = "Role",
        [typeof(IdentityUserRole<Guid>)] = "UserRole",
        [typeof(Settings.AppSetting)] = "Setting",
        [typeof(Settings.CalendarYear)] = "CalendarYear",
    };

    public static bool IsAudited(Type type) => Names.ContainsKey(type);

    public static string Name(Type type) => Names[type];
}
