using Microsoft.Extensions.Logging;

namespace K8sRelay.Engines.Redis;

public sealed partial class RedisBroker
{
    private static partial class Log
    {
        [LoggerMessage(5101, LogLevel.Warning, "Dropped a malformed message on channel {Channel}")]
        public static partial void MalformedMessage(ILogger logger, string channel, Exception exception);

        [LoggerMessage(5102, LogLevel.Error, "The node's event handler failed for channel {Channel}")]
        public static partial void HandlerFailed(ILogger logger, string channel, Exception exception);

        [LoggerMessage(5103, LogLevel.Debug, "Could not unsubscribe {Channel} in Redis; the subscription was dropped locally")]
        public static partial void UnsubscribeFailed(ILogger logger, string channel, Exception exception);
    }
}
