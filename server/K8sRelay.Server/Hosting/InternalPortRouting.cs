using System.Globalization;
using System.Net;
using K8sRelay.Configuration.Model;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace K8sRelay.Server.Hosting;

/// <summary>
/// <c>http_server.port</c> and <c>http_server.internal_port</c> as Centrifugo uses them: when an
/// internal port is set, the server API, metrics, health, readiness and drain endpoints are served
/// only there, and client transports only on the main port, so the API never faces the internet.
/// </summary>
public static class InternalPortRouting
{
    private static readonly string[] InternalPrefixes = ["/api", "/metrics", "/health", "/ready", "/admin"];

    /// <summary>Adds the Kestrel listeners for the main and (when set) internal ports.</summary>
    public static void Listen(KestrelServerOptions kestrel, RelayConfig config)
    {
        var server = config.HttpServer;
        kestrel.Listen(ParseAddress(server.Address), server.Port);
        if (TryGetInternalPort(config, out var internalPort) && internalPort != server.Port)
        {
            var address = string.IsNullOrEmpty(server.InternalAddress) ? server.Address : server.InternalAddress;
            kestrel.Listen(ParseAddress(address), internalPort);
        }
    }

    /// <summary>Refuses (404) internal endpoints on the main port and client endpoints on the internal port.</summary>
    public static void UseInternalPortRouting(this IApplicationBuilder app, RelayConfig config)
    {
        if (!TryGetInternalPort(config, out var internalPort) || internalPort == config.HttpServer.Port)
        {
            return;
        }

        app.Use(async (context, next) =>
        {
            var onInternalPort = context.Connection.LocalPort == internalPort;
            if (onInternalPort != IsInternalPath(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context).ConfigureAwait(false);
        });
    }

    /// <summary>The configured internal port, when one is set.</summary>
    public static bool TryGetInternalPort(RelayConfig config, out int port) =>
        int.TryParse(config.HttpServer.InternalPort, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port > 0;

    private static bool IsInternalPath(PathString path)
    {
        foreach (var prefix in InternalPrefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IPAddress ParseAddress(string address) => string.IsNullOrEmpty(address)
        ? IPAddress.Any
        : address == "localhost" ? IPAddress.Loopback : IPAddress.Parse(address);
}
