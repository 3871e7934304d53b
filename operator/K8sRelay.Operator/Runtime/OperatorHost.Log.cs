using K8sRelay.Operator.Diagnostics;

namespace K8sRelay.Operator.Runtime;

public sealed partial class OperatorHost
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.LeadershipAcquired, LogLevel.Information, "{Identity} became the leader")]
        public static partial void Acquired(ILogger logger, string identity);

        [LoggerMessage(EventIds.LeadershipLost, LogLevel.Warning, "{Identity} lost the leadership")]
        public static partial void Lost(ILogger logger, string identity);

        [LoggerMessage(EventIds.NewLeader, LogLevel.Information, "The leader is {Leader}")]
        public static partial void NewLeader(ILogger logger, string leader);

        [LoggerMessage(EventIds.LeaderElectionError, LogLevel.Warning, "Leader election failed an attempt")]
        public static partial void ElectionError(ILogger logger, Exception exception);
    }
}
