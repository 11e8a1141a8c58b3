using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OneStop.Core.Identity;

namespace OneStop.Infrastructure.Audit;

/// <summary>The signed-in person of the current request (cookie or bearer), or the system outside a request.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public AuditActorInfo Current
    {
        get
        {
            var context = http.HttpContext;
            if (context is null)
            {
                return AuditActorInfo.System;
            }

            var user = context.User;
            var ip = context.Connection.RemoteIpAddress?.ToString();
            if (user.Identity?.IsAuthenticated != true)
            {
                return new AuditActorInfo(null, null, ip, false);
            }

            var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
            var name = user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.Name) ?? user.Identity.Name;
            return new AuditActorInfo(id, name, ip, user.IsInRole(Roles.Admin));
        }
    }
}
