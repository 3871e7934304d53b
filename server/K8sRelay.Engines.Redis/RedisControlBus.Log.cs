using Microsoft.Extensions.Logging;

namespace K8sRelay.Engines.Redis;

public sealed partial class RedisControlBus
{
    private static partial class Log
    {
        [LoggerMessage(5201, LogLevel.Error, "The node's control handler failed")]
        public static partial void HandlerFailed(ILogger logger, Exception exception);

        [LoggerMessage(5202, LogLevel.Debug, "Could not unsubscribe a control channel")]
        public static partial void UnsubscribeFailed(ILogger logger, Exception exception);

        [LoggerMessage(5203, LogLevel.Warning, "Control channel {Channel} could not be subscribed yet; it will be once Redis is reachable")]
        public static partial void SubscribeDeferred(ILogger logger, string channel, Exception exception);
    }
}
