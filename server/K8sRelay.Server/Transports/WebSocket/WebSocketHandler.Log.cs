namespace K8sRelay.Server.Transports.WebSocket;

internal sealed partial class WebSocketHandler
{
    private static partial class Log
    {
        [LoggerMessage(3001, LogLevel.Debug, "WebSocket read of client {ClientId} ended: {Why}")]
        public static partial void ReadEnded(ILogger logger, string clientId, string why);

        [LoggerMessage(3002, LogLevel.Information, "WebSocket connection from origin {Origin} refused by client.allowed_origins")]
        public static partial void OriginRefused(ILogger logger, string origin);
    }
}
