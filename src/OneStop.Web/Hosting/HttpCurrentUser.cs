using System.Security.Claims;
using OneStop.Application.Common;

namespace OneStop.Web.Hosting;

/// <summary>The signed-in user of the current request, as the use cases see them (JT's CurrentUser).</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? User => http.HttpContext?.User;

    public Guid? Id => User?.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? AgencyId => Guid.TryParse(User?.FindFirstValue("agency"), out var agency) ? agency : null;

    /// <summary>The client's IP address (after the forwarded-headers middleware), IPv4-mapped IPv6 shown as IPv4.</summary>
    public string? Address =>
        http.HttpContext?.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;

    public bool IsInRole(string role) => User?.IsInRole(role) == true;
}
