using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;

namespace K8sRelay.Server.Transports;

/// <summary>Builds what a connection needs to know about its opening HTTP request.</summary>
internal static class RequestInfoFactory
{
    public static ConnectionRequestInfo Create(HttpContext context, RelayNode node, string? session = null)
    {
        var header = node.Config.Client.UserIdHttpHeader;
        string? headerUser = null;
        if (!string.IsNullOrEmpty(header) && context.Request.Headers.TryGetValue(header, out var value) && !string.IsNullOrEmpty(value))
        {
            headerUser = value.ToString();
        }

        return new ConnectionRequestInfo
        {
            HeaderUserId = headerUser,
            RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            Session = session,
        };
    }
}
