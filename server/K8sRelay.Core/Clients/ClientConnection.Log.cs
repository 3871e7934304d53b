using K8sRelay.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ClientConnected, LogLevel.Debug, "Client {ClientId} of user {UserId} connected over {Transport}")]
        public static partial void Connected(ILogger logger, string clientId, string userId, string transport);

        [LoggerMessage(EventIds.ClientDisconnected, LogLevel.Debug, "Client {ClientId} of user {UserId} disconnected: {Code} {Reason}")]
        public static partial void Disconnected(ILogger logger, string clientId, string userId, uint code, string reason);

        [LoggerMessage(EventIds.CommandFailed, LogLevel.Error, "Command of client {ClientId} failed")]
        public static partial void CommandFailed(ILogger logger, string clientId, Exception exception);

        [LoggerMessage(EventIds.ConnectRejected, LogLevel.Information, "Connect of client {ClientId} rejected: {Why}")]
        public static partial void ConnectRejected(ILogger logger, string clientId, string why);

        [LoggerMessage(EventIds.SubscribeFailed, LogLevel.Information, "Subscription of client {ClientId} to {Channel} rejected: {Why}")]
        public static partial void SubscribeRejected(ILogger logger, string clientId, string channel, string why);

        [LoggerMessage(EventIds.SlowClient, LogLevel.Information, "Client {ClientId} is too slow: {QueuedBytes} bytes queued")]
        public static partial void SlowClient(ILogger logger, string clientId, long queuedBytes);

        [LoggerMessage(EventIds.BadFrame, LogLevel.Information, "Client {ClientId} sent a malformed frame: {Why}")]
        public static partial void BadFrame(ILogger logger, string clientId, string why);

        [LoggerMessage(EventIds.TransportError, LogLevel.Debug, "Write to client {ClientId} failed")]
        public static partial void WriteFailed(ILogger logger, string clientId, Exception exception);
    }
}
