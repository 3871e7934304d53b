using K8sRelay.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Node;

public sealed partial class RelayNode
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.BrokerUnsubscribeFailed, LogLevel.Warning, "Broker unsubscribe from channel {Channel} failed")]
        public static partial void BrokerUnsubscribeFailed(ILogger logger, string channel, Exception exception);

        [LoggerMessage(EventIds.ShutdownStarted, LogLevel.Information, "Shutting down: disconnecting {Count} clients")]
        public static partial void ShutdownStarted(ILogger logger, int count);
    }
}
