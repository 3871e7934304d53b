using Microsoft.Extensions.Logging;

namespace K8sRelay.Engines.Redis;

public sealed partial class RedisConnections
{
    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Information, "Redis {Topology} at {EndPoints} connected: {IsConnected}")]
        public static partial void Connected(ILogger logger, RedisTopology topology, string endPoints, bool isConnected);

        [LoggerMessage(5002, LogLevel.Warning, "Redis shard {Shard} connection failed ({FailureType}); operations fail with a temporary error until it is back")]
        public static partial void ConnectionFailed(ILogger logger, int shard, string failureType, Exception? exception);

        [LoggerMessage(5003, LogLevel.Information, "Redis shard {Shard} is back and every subscription is active again")]
        public static partial void DeliveryRestored(ILogger logger, int shard);

        [LoggerMessage(5005, LogLevel.Debug, "Checking whether Redis shard {Shard} is back failed")]
        public static partial void RestoreCheckFailed(ILogger logger, int shard, Exception exception);

        [LoggerMessage(5004, LogLevel.Error, "A Redis connectivity listener failed")]
        public static partial void ListenerFailed(ILogger logger, Exception exception);
    }
}
