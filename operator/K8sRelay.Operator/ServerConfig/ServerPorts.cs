namespace K8sRelay.Operator.ServerConfig;

/// <summary>Container ports of the server.</summary>
public static class ServerPorts
{
    /// <summary>Client transports (WebSocket, SSE, HTTP streaming): http_server.port.</summary>
    public const int Client = 8000;

    /// <summary>Server API, health, readiness, metrics and admin: http_server.internal_port.</summary>
    public const int Internal = 9000;
}
