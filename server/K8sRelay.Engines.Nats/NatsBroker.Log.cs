using Microsoft.Extensions.Logging;

namespace K8sRelay.Engines.Nats;

public sealed partial class NatsBroker
{
    private static partial class Log
    {
        [LoggerMessage(5301, LogLevel.Error, "Delivering a NATS message of channel {Channel} failed")]
        public static partial void DeliveryFailed(ILogger logger, string channel, Exception exception);

        [LoggerMessage(5302, LogLevel.Error, "The node's control handler failed")]
        public static partial void ControlHandlerFailed(ILogger logger, Exception exception);

        [LoggerMessage(5303, LogLevel.Warning, "NATS connection lost: {Reason}; publishing fails with a temporary error until it is back")]
        public static partial void Disconnected(ILogger logger, string reason);

        [LoggerMessage(5304, LogLevel.Information, "NATS connection restored")]
        public static partial void Reconnected(ILogger logger);
    }
}
