using System.Net;
using System.Net.Sockets;

namespace OneStop.Web.Security;

/// <summary>The client a request comes from, after the trusted proxies' forwarded headers; an IPv6 client is its /64, which one subscriber holds.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
